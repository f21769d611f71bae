package org.bulwark.server.persistence;

import java.util.Optional;
import org.bulwark.server.system.DatabaseProbe;

/** Asks MariaDB for {@code version()} through the persistence unit. */
public final class JpaDatabaseProbe implements DatabaseProbe {
    private final Jpa jpa;

    public JpaDatabaseProbe(Jpa jpa) {
        this.jpa = jpa;
    }

    @Override
    public Optional<String> version() {
        try {
            return Optional.of(jpa.read(em -> String.valueOf(em.createNativeQuery("select version()").getSingleResult())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
