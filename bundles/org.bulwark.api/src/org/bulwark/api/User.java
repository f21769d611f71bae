package org.bulwark.api;

import java.time.Instant;

/** A console or API user (never carries the password or its hash). */
public record User(String username, Role role, Instant createdAt) {
}
