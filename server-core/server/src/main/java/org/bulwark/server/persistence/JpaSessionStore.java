package org.bulwark.server.persistence;

import java.time.Instant;
import java.util.Optional;
import org.bulwark.server.user.SessionStore;
import org.bulwark.server.user.StoredSession;

/** Sessions in table {@code sessions}. */
public final class JpaSessionStore implements SessionStore {
    private final Jpa jpa;

    public JpaSessionStore(Jpa jpa) {
        this.jpa = jpa;
    }

    @Override
    public void insert(StoredSession session) {
        jpa.write(em -> {
            em.persist(new SessionEntity(session));
            return null;
        });
    }

    @Override
    public Optional<StoredSession> find(String tokenHash) {
        return jpa.read(em -> Optional.ofNullable(em.find(SessionEntity.class, tokenHash)).map(SessionEntity::toSession));
    }

    @Override
    public void delete(String tokenHash) {
        jpa.write(em -> em.createQuery("delete from SessionEntity s where s.tokenHash = :hash")
                .setParameter("hash", tokenHash).executeUpdate());
    }

    @Override
    public void deleteForUser(String username) {
        jpa.write(em -> em.createQuery("delete from SessionEntity s where s.username = :name")
                .setParameter("name", username).executeUpdate());
    }

    @Override
    public int deleteExpiredBefore(Instant time) {
        return jpa.write(em -> em.createQuery("delete from SessionEntity s where s.expiresAt < :time")
                .setParameter("time", time).executeUpdate());
    }
}
