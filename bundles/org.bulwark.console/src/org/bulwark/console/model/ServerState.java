package org.bulwark.console.model;

import java.time.Instant;

/**
 * Whether the console reaches its server, as the last calls found it.
 *
 * @param reachable whether the server answered (an answer that refuses a call counts as reached)
 * @param problem why it could not be reached, e.g. {@code Cannot reach the server at …: connection refused}; {@code null} when reached
 * @param since when this state began
 */
public record ServerState(boolean reachable, String problem, Instant since) {
}
