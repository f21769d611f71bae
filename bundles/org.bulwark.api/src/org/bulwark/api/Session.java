package org.bulwark.api;

import java.time.Instant;

/** An open session: the bearer token to send with every call, and when it expires. */
public record Session(String token, String username, Role role, Instant expiresAt) {
    @Override
    public String toString() {
        return "Session[username=" + username + ", role=" + role + ", expiresAt=" + expiresAt + "]";
    }
}
