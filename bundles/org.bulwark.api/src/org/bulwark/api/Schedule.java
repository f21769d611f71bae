package org.bulwark.api;

import java.time.Instant;

/**
 * When a policy runs: {@code daily HH:MM}, {@code weekly MON[,TUE...] HH:MM}, {@code monthly D HH:MM}
 * or a five-field cron expression ({@code minute hour day-of-month month day-of-week}); times are UTC.
 * Any of them may end in a time window, {@code window HH:MM-HH:MM} (it may cross midnight, such as
 * {@code daily 20:00 window 22:00-06:00}): a run that falls outside the window waits for its start,
 * and a backup still queued when the window closes is not started (it is cancelled, saying why).
 *
 * @param nextRun the next time it fires, window applied (computed by the server; ignored in requests)
 */
public record Schedule(String expression, Instant nextRun) {
}
