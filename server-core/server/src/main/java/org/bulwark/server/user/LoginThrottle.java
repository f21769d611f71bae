package org.bulwark.server.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing per user name: after {@value #FREE_FAILURES} failed logins in a row,
 * further attempts are refused for 5 s, a delay that doubles with every further failure (up to
 * 15 minutes).
 * A successful login clears the count. Kept in memory, bounded in size.
 */
final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    private static final Duration MAX_DELAY = Duration.ofMinutes(15);
    private static final int MAX_ENTRIES = 10_000;

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code username} must still wait, or zero. */
    Duration waitFor(String username) {
        Failures f = failures.get(username);
        if (f == null || f.lockedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.lockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Records a failure; returns the consecutive count. */
    int failed(String username) {
        if (failures.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            failures.values().removeIf(f -> f.lockedUntil() == null || f.lockedUntil().isBefore(now));
        }
        return failures.compute(username, (name, old) -> {
            int count = old == null ? 1 : old.count() + 1;
            Instant lockedUntil = null;
            if (count >= FREE_FAILURES) {
                long seconds = 5L << Math.min(count - FREE_FAILURES, 20);
                Duration delay = Duration.ofSeconds(seconds);
                lockedUntil = clock.instant().plus(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
            }
            return new Failures(count, lockedUntil);
        }).count();
    }

    void succeeded(String username) {
        failures.remove(username);
    }
}
