package org.bulwark.server.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bulwark.server.destination.DestinationStore;
import org.bulwark.server.destination.StoredDestination;

/** Registered destinations in table {@code destinations}. */
public final class JpaDestinationStore implements DestinationStore {
    private final Jpa jpa;

    public JpaDestinationStore(Jpa jpa) {
        this.jpa = jpa;
    }

    @Override
    public void insert(StoredDestination destination) {
        jpa.write(em -> {
            em.persist(new DestinationEntity(destination));
            return null;
        });
    }

    @Override
    public Optional<StoredDestination> find(UUID id) {
        return jpa.read(em -> Optional.ofNullable(em.find(DestinationEntity.class, id.toString()))
                .map(DestinationEntity::toDestination));
    }

    @Override
    public List<StoredDestination> list() {
        return jpa.read(em -> em.createQuery("select d from DestinationEntity d order by d.name", DestinationEntity.class)
                .getResultStream().map(DestinationEntity::toDestination).toList());
    }

    @Override
    public boolean delete(UUID id) {
        return jpa.write(em -> em.createQuery("delete from DestinationEntity d where d.id = :id")
                .setParameter("id", id.toString()).executeUpdate() > 0);
    }
}
