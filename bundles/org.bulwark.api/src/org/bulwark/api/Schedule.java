package org.bulwark.api;

import java.time.Instant;

/**
 * When a policy runs: {@code daily HH:MM}, {@code weekly MON[,TUE...] HH:MM}, {@code monthly D HH:MM}
 * or a five-field cron expression ({@code minute hour day-of-month month day-of-week}); times are UTC.
 *
 * @param nextRun the next time it fires (computed by the server; ignored in requests)
 */
public record Schedule(String expression, Instant nextRun) {
}
