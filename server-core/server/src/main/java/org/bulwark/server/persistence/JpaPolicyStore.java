package org.bulwark.server.persistence;

import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bulwark.server.policy.PolicyStore;
import org.bulwark.server.policy.StoredPolicy;
import org.bulwark.server.schedule.ScheduleStore;

/** VM policies and their schedules in tables {@code policies} and {@code policy_schedules}. */
public final class JpaPolicyStore implements PolicyStore, ScheduleStore {
    private final Jpa jpa;
    private final JpaSchedules schedules;

    public JpaPolicyStore(Jpa jpa) {
        this.jpa = jpa;
        this.schedules = new JpaSchedules(jpa, "PolicyEntity");
    }

    @Override
    public List<StoredPolicy> list() {
        return jpa.read(em -> em.createQuery("select p from PolicyEntity p order by p.name", PolicyEntity.class)
                .getResultStream().map(PolicyEntity::toPolicy).toList());
    }

    @Override
    public Optional<StoredPolicy> find(UUID id) {
        return jpa.read(em -> Optional.ofNullable(em.find(PolicyEntity.class, id.toString())).map(PolicyEntity::toPolicy));
    }

    @Override
    public boolean save(StoredPolicy policy) {
        try {
            return jpa.write(em -> {
                em.merge(new PolicyEntity(policy));
                return true;
            });
        } catch (PersistenceException e) {
            if (list().stream().anyMatch(p -> p.name().equals(policy.name()) && !p.id().equals(policy.id()))) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean delete(UUID id) {
        return jpa.write(em -> {
            em.createQuery("delete from PolicyScheduleEntity s where s.policyId = :id").setParameter("id", id.toString())
                    .executeUpdate();
            return em.createQuery("delete from PolicyEntity p where p.id = :id").setParameter("id", id.toString())
                    .executeUpdate() > 0;
        });
    }

    @Override
    public void replace(UUID policyId, List<StoredSchedule> schedules) {
        this.schedules.replace(policyId, schedules);
    }

    @Override
    public List<StoredSchedule> of(UUID policyId) {
        return schedules.of(policyId);
    }

    @Override
    public List<StoredSchedule> due(Instant now) {
        return schedules.due(now);
    }

    @Override
    public boolean advance(UUID policyId, int position, Instant expected, Instant next) {
        return schedules.advance(policyId, position, expected, next);
    }
}
