package org.bulwark.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.bulwark.server.schedule.ScheduleStore;

/** Row of {@code policy_schedules}. */
@Entity
@Table(name = "policy_schedules")
@IdClass(PolicyScheduleEntity.Key.class)
class PolicyScheduleEntity {
    @Id
    @Column(name = "policy_id")
    String policyId;
    @Id
    int position;
    String expression;
    @Column(name = "next_run")
    Instant nextRun;

    /** The primary key: policy and position. */
    public static class Key implements Serializable {
        String policyId;
        int position;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.policyId.equals(policyId) && k.position == position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(policyId, position);
        }
    }

    PolicyScheduleEntity() {
    }

    PolicyScheduleEntity(ScheduleStore.StoredSchedule s) {
        policyId = s.policyId().toString();
        position = s.position();
        expression = s.expression();
        nextRun = s.nextRun();
    }

    ScheduleStore.StoredSchedule toSchedule() {
        return new ScheduleStore.StoredSchedule(UUID.fromString(policyId), position, expression, nextRun);
    }
}
