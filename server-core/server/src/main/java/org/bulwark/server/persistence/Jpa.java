package org.bulwark.server.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.function.Function;
import org.bulwark.server.db.DatabaseConnection;

/** The persistence unit {@code bulwark} (EclipseLink) and short transactions on it. */
public final class Jpa implements AutoCloseable {
    private final EntityManagerFactory factory;

    private Jpa(EntityManagerFactory factory) {
        this.factory = factory;
    }

    public static Jpa open(DatabaseConnection db) {
        return new Jpa(Persistence.createEntityManagerFactory("bulwark", Map.of(
                "jakarta.persistence.jdbc.driver", "org.mariadb.jdbc.Driver",
                "jakarta.persistence.jdbc.url", db.url(),
                "jakarta.persistence.jdbc.user", db.user(),
                "jakarta.persistence.jdbc.password", db.password())));
    }

    /** Runs {@code work} in a read-only entity manager. */
    <T> T read(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** Runs {@code work} in one transaction, rolled back if it throws. */
    <T> T write(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
