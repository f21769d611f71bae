package org.bulwark.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.bulwark.server.user.StoredSession;

/** Row of {@code sessions}. */
@Entity
@Table(name = "sessions")
class SessionEntity {
    @Id
    @Column(name = "token_hash")
    String tokenHash;
    String username;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "expires_at")
    Instant expiresAt;

    SessionEntity() {
    }

    SessionEntity(StoredSession session) {
        tokenHash = session.tokenHash();
        username = session.username();
        createdAt = session.createdAt();
        expiresAt = session.expiresAt();
    }

    StoredSession toSession() {
        return new StoredSession(tokenHash, username, createdAt, expiresAt);
    }
}
