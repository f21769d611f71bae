package org.bulwark.api;

import java.time.Instant;

/** Versions and uptime of the server, for the About dialog and support. */
public record ServerInfo(String product, String version, String javaVersion, String databaseVersion, Instant startedAt) {
}
