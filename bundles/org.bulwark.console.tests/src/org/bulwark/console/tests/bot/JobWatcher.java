package org.bulwark.console.tests.bot;

import java.time.Duration;
import java.util.Arrays;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Waits for the Eclipse Jobs of a family to be idle (none running or about to run; jobs
 * sleeping until their next round do not count), as Apache Directory Studio's tests wait for
 * their jobs instead of sleeping.
 */
public final class JobWatcher {
    private final Object family;

    public JobWatcher(Object family) {
        this.family = family;
    }

    /** Whether no job of the family runs or waits to run. */
    public boolean idle() {
        return Arrays.stream(Job.getJobManager().find(family))
                .noneMatch(job -> job.getState() == Job.RUNNING || job.getState() == Job.WAITING);
    }

    /** Waits until {@link #idle()}. */
    public void waitUntilIdle(Bot bot, Duration timeout) {
        bot.waitUntil("the console's jobs to finish", this::idle, timeout);
    }
}
