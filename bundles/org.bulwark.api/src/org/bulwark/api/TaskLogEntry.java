package org.bulwark.api;

import java.time.Instant;

/** One line of a task's log. */
public record TaskLogEntry(Instant time, String level, String message) {
}
