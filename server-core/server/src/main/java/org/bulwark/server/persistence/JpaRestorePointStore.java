package org.bulwark.server.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bulwark.api.RestorePoint;
import org.bulwark.server.restorepoint.RestorePointStore;

/** Restore points in table {@code restore_points}; expired ones keep their row with {@code expired_at} set. */
public final class JpaRestorePointStore implements RestorePointStore {
    private final Jpa jpa;

    public JpaRestorePointStore(Jpa jpa) {
        this.jpa = jpa;
    }

    @Override
    public void insert(RestorePoint point) {
        jpa.write(em -> {
            em.persist(new RestorePointEntity(point));
            return null;
        });
    }

    @Override
    public Optional<RestorePoint> find(String id) {
        return jpa.read(em -> Optional.ofNullable(em.find(RestorePointEntity.class, id))
                .filter(e -> e.expiredAt == null).map(RestorePointEntity::toRestorePoint));
    }

    @Override
    public List<RestorePoint> list() {
        return jpa.read(em -> em.createQuery("select p from RestorePointEntity p where p.expiredAt is null"
                        + " order by p.createdAt desc", RestorePointEntity.class)
                .getResultStream().map(RestorePointEntity::toRestorePoint).toList());
    }

    @Override
    public List<RestorePoint> ofVm(UUID vmId) {
        return jpa.read(em -> em.createQuery("select p from RestorePointEntity p where p.vmId = :vm"
                        + " and p.expiredAt is null order by p.createdAt desc", RestorePointEntity.class)
                .setParameter("vm", vmId.toString()).getResultStream().map(RestorePointEntity::toRestorePoint).toList());
    }

    @Override
    public void expire(Collection<String> ids, Instant at) {
        jpa.write(em -> em.createQuery("update RestorePointEntity p set p.expiredAt = :at where p.id in :ids")
                .setParameter("at", at).setParameter("ids", List.copyOf(ids)).executeUpdate());
    }

    @Override
    public void delete(Collection<String> ids) {
        jpa.write(em -> em.createQuery("delete from RestorePointEntity p where p.id in :ids and p.expiredAt is not null")
                .setParameter("ids", List.copyOf(ids)).executeUpdate());
    }
}
