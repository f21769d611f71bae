package org.bulwark.server.user;

import java.time.Instant;
import java.util.Optional;

/** Where open sessions are kept (a port; the JPA adapter implements it). */
public interface SessionStore {

    void insert(StoredSession session);

    Optional<StoredSession> find(String tokenHash);

    void delete(String tokenHash);

    void deleteForUser(String username);

    /** Removes sessions that expired before {@code time}; returns how many. */
    int deleteExpiredBefore(Instant time);
}
