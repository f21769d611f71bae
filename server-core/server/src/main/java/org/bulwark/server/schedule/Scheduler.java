package org.bulwark.server.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns due schedules into runs of their policy: every tick it takes the schedules whose next
 * run has come, moves each to its following run (so a schedule fires once even when the server
 * was down for several of its runs) and hands the policy to {@code fire}. It also runs
 * {@code periodic} (the inventory sync) every {@code periodicEvery}.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final ScheduleStore store;
    private final Consumer<UUID> fire;
    private final Runnable periodic;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("scheduler").daemon().factory());

    public Scheduler(ScheduleStore store, Consumer<UUID> fire, Runnable periodic, Clock clock) {
        this.store = store;
        this.fire = fire;
        this.periodic = periodic;
        this.clock = clock;
    }

    public void start(Duration tick, Duration periodicEvery) {
        executor.scheduleWithFixedDelay(this::tick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::runPeriodic, periodicEvery.toMillis(), periodicEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            for (ScheduleStore.StoredSchedule due : store.due(now)) {
                Instant next = ScheduleExpression.parse(due.expression()).next(now);
                if (store.advance(due.policyId(), due.position(), due.nextRun(), next)) {
                    LOG.info("schedule due policy={} schedule='{}' planned={} next={}", due.policyId(), due.expression(),
                            due.nextRun(), next);
                    fire.accept(due.policyId());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("scheduler round failed", e);
        }
    }

    private void runPeriodic() {
        try {
            periodic.run();
        } catch (RuntimeException e) {
            LOG.error("periodic job failed", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
