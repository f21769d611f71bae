package org.bulwark.server.persistence;

import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bulwark.server.policy.PolicyStore;
import org.bulwark.server.policy.StoredPolicy;
import org.bulwark.server.schedule.ScheduleStore;

/** Policies and their schedules in tables {@code policies} and {@code policy_schedules}. */
public final class JpaPolicyStore implements PolicyStore, ScheduleStore {
    private final Jpa jpa;

    public JpaPolicyStore(Jpa jpa) {
        this.jpa = jpa;
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
        return jpa.write(em -> em.createQuery("delete from PolicyEntity p where p.id = :id")
                .setParameter("id", id.toString()).executeUpdate() > 0);
    }

    @Override
    public void replace(UUID policyId, List<StoredSchedule> schedules) {
        jpa.write(em -> {
            em.createQuery("delete from PolicyScheduleEntity s where s.policyId = :id")
                    .setParameter("id", policyId.toString()).executeUpdate();
            schedules.forEach(s -> em.persist(new PolicyScheduleEntity(s)));
            return null;
        });
    }

    @Override
    public List<StoredSchedule> of(UUID policyId) {
        return jpa.read(em -> em.createQuery("select s from PolicyScheduleEntity s where s.policyId = :id"
                        + " order by s.position", PolicyScheduleEntity.class)
                .setParameter("id", policyId.toString()).getResultStream().map(PolicyScheduleEntity::toSchedule).toList());
    }

    @Override
    public List<StoredSchedule> due(Instant now) {
        return jpa.read(em -> em.createQuery("select s from PolicyScheduleEntity s where s.nextRun <= :now"
                        + " order by s.nextRun", PolicyScheduleEntity.class)
                .setParameter("now", now).getResultStream().map(PolicyScheduleEntity::toSchedule).toList());
    }

    @Override
    public boolean advance(UUID policyId, int position, Instant expected, Instant next) {
        return jpa.write(em -> em.createQuery("update PolicyScheduleEntity s set s.nextRun = :next"
                        + " where s.policyId = :id and s.position = :position and s.nextRun = :expected")
                .setParameter("next", next).setParameter("id", policyId.toString()).setParameter("position", position)
                .setParameter("expected", expected).executeUpdate() > 0);
    }
}
