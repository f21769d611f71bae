package org.bulwark.server.schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The schedules of policies with their next run times (a port; the JPA adapter implements it). */
public interface ScheduleStore {

    /** A schedule of a policy; {@code position} orders a policy's schedules. */
    record StoredSchedule(UUID policyId, int position, String expression, Instant nextRun) {
    }

    /** Replaces the schedules of a policy. */
    void replace(UUID policyId, List<StoredSchedule> schedules);

    List<StoredSchedule> of(UUID policyId);

    /** Schedules whose next run is at or before {@code now}, oldest first. */
    List<StoredSchedule> due(Instant now);

    /** Moves a schedule's next run from {@code expected} to {@code next}; {@code false} if it moved already. */
    boolean advance(UUID policyId, int position, Instant expected, Instant next);
}
