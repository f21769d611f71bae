package org.bulwark.server.persistence;

import jakarta.persistence.PersistenceException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bulwark.server.m365.ProtectionStore;
import org.bulwark.server.m365.StoredM365Point;
import org.bulwark.server.m365.StoredM365Policy;
import org.bulwark.server.schedule.ScheduleStore;

/**
 * The protection of tenants in tables {@code m365_policies} and {@code m365_restore_points}; the
 * policies' schedules in {@code policy_schedules}.
 */
public final class JpaProtectionStore implements ProtectionStore {
    private final Jpa jpa;
    private final JpaSchedules schedules;

    public JpaProtectionStore(Jpa jpa) {
        this.jpa = jpa;
        this.schedules = new JpaSchedules(jpa, "M365PolicyEntity");
    }

    /** The schedules of tenant policies. */
    public ScheduleStore schedules() {
        return schedules;
    }

    @Override
    public List<StoredM365Policy> policies() {
        return jpa.read(em -> em.createQuery("select p from M365PolicyEntity p order by p.name", M365PolicyEntity.class)
                .getResultStream().map(M365PolicyEntity::toPolicy).toList());
    }

    @Override
    public Optional<StoredM365Policy> policy(UUID id) {
        return jpa.read(em -> Optional.ofNullable(em.find(M365PolicyEntity.class, id.toString())).map(M365PolicyEntity::toPolicy));
    }

    @Override
    public boolean savePolicy(StoredM365Policy policy) {
        try {
            return jpa.write(em -> {
                em.merge(new M365PolicyEntity(policy));
                return true;
            });
        } catch (PersistenceException e) {
            if (policies().stream().anyMatch(p -> p.tenant().equals(policy.tenant()) && p.name().equals(policy.name())
                    && !p.id().equals(policy.id()))) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean deletePolicy(UUID id) {
        return jpa.write(em -> {
            em.createQuery("delete from PolicyScheduleEntity s where s.policyId = :id").setParameter("id", id.toString())
                    .executeUpdate();
            return em.createQuery("delete from M365PolicyEntity p where p.id = :id").setParameter("id", id.toString())
                    .executeUpdate() > 0;
        });
    }

    @Override
    public void insert(StoredM365Point point) {
        jpa.write(em -> {
            em.merge(new M365RestorePointEntity(point));
            return null;
        });
    }

    @Override
    public List<StoredM365Point> points(UUID tenant) {
        return jpa.read(em -> em.createQuery("select p from M365RestorePointEntity p where p.tenant = :tenant"
                        + " order by p.id desc", M365RestorePointEntity.class)
                .setParameter("tenant", tenant.toString()).getResultStream().map(M365RestorePointEntity::toPoint).toList());
    }

    @Override
    public Optional<StoredM365Point> point(UUID tenant, long id) {
        return jpa.read(em -> em.createQuery("select p from M365RestorePointEntity p where p.tenant = :tenant and p.id = :id",
                        M365RestorePointEntity.class)
                .setParameter("tenant", tenant.toString()).setParameter("id", id).getResultStream()
                .map(M365RestorePointEntity::toPoint).findFirst());
    }

    @Override
    public void deletePoints(UUID tenant, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jpa.write(em -> em.createQuery("delete from M365RestorePointEntity p where p.tenant = :tenant and p.id in :ids")
                .setParameter("tenant", tenant.toString()).setParameter("ids", List.copyOf(ids)).executeUpdate());
    }
}
