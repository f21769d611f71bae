package org.bulwark.server.user;

import java.time.Instant;
import org.bulwark.api.Role;

/**
 * Who makes a call: the user of an open session.
 *
 * @param sessionId the hash of the session's token (never the token itself)
 */
public record Caller(String username, Role role, String sessionId, Instant expiresAt) {
}
