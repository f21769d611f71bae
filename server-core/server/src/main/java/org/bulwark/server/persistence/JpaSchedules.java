package org.bulwark.server.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bulwark.server.schedule.ScheduleStore;

/**
 * The schedules of one kind of policy in table {@code policy_schedules}, which VM and tenant
 * policies share: {@link #due} sees only the schedules whose policy is in {@code policyEntity}, so
 * each kind's scheduler fires only its own policies.
 */
final class JpaSchedules implements ScheduleStore {
    private final Jpa jpa;
    private final String policyEntity;

    /** @param policyEntity the JPA entity of the policies (its {@code id} is the schedules' policy id) */
    JpaSchedules(Jpa jpa, String policyEntity) {
        this.jpa = jpa;
        this.policyEntity = policyEntity;
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
                        + " and s.policyId in (select p.id from " + policyEntity + " p) order by s.nextRun",
                        PolicyScheduleEntity.class)
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
