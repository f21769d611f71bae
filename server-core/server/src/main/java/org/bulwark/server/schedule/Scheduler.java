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
 * was down for several of its runs) and hands the policy to {@code fire}, with the time its window
 * closes. A schedule found due while its window is closed (the server was down when it opened) is
 * moved to the window's next opening instead of firing. It also runs {@code periodic} (the
 * inventory sync) every {@code periodicEvery}.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    /** What a due schedule starts. */
    @FunctionalInterface
    public interface Run {
        /**
         * Runs the policy now.
         *
         * @param windowCloses when the schedule's window closes (work still queued then must not start),
         *                     {@code null} without a window
         * @param window the window as written, {@code null} without one
         */
        void fire(UUID policyId, Instant windowCloses, String window);
    }

    private final ScheduleStore store;
    private final Run fire;
    private final Runnable periodic;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("scheduler").daemon().factory());

    /** A scheduler whose runs ignore when windows close (they still start only inside them). */
    public Scheduler(ScheduleStore store, Consumer<UUID> fire, Runnable periodic, Clock clock) {
        this(store, (policyId, windowCloses, window) -> fire.accept(policyId), periodic, clock);
    }

    public Scheduler(ScheduleStore store, Run fire, Runnable periodic, Clock clock) {
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
                ScheduleExpression expression = ScheduleExpression.parse(due.expression());
                Instant startAt = expression.startAt(now);
                if (startAt.isAfter(now)) {
                    if (store.advance(due.policyId(), due.position(), due.nextRun(), startAt)) {
                        LOG.info("schedule due outside its window policy={} schedule='{}' planned={} waits until={}",
                                due.policyId(), due.expression(), due.nextRun(), startAt);
                    }
                    continue;
                }
                Instant next = expression.next(now);
                if (store.advance(due.policyId(), due.position(), due.nextRun(), next)) {
                    LOG.info("schedule due policy={} schedule='{}' planned={} next={}", due.policyId(), due.expression(),
                            due.nextRun(), next);
                    fire.fire(due.policyId(), expression.notAfter(now),
                            expression.window() == null ? null : expression.window().toString());
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
