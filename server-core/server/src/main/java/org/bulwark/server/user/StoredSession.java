package org.bulwark.server.user;

import java.time.Instant;

/** A session as stored: only the SHA-256 of its token is kept. */
public record StoredSession(String tokenHash, String username, Instant createdAt, Instant expiresAt) {
}
