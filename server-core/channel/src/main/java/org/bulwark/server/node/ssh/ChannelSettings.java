package org.bulwark.server.node.ssh;

import java.time.Duration;

/**
 * Timing of the SSH channel to nodes.
 *
 * @param heartbeatInterval how often an attached node is asked for its status
 * @param backoffMin first wait before reconnecting; doubled after each failure
 * @param backoffMax longest wait before reconnecting
 * @param connectTimeout how long connecting and logging in may take
 * @param requestTimeout how long one task API request may take (long-polls add their wait)
 */
public record ChannelSettings(Duration heartbeatInterval, Duration backoffMin, Duration backoffMax,
                              Duration connectTimeout, Duration requestTimeout) {

    /** Production defaults: heartbeat every 15 s, back-off from 1 s to 30 s. */
    public static final ChannelSettings DEFAULTS = new ChannelSettings(Duration.ofSeconds(15), Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(10));

    public ChannelSettings {
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero() || backoffMin.isNegative()
                || backoffMax.compareTo(backoffMin) < 0) {
            throw new IllegalArgumentException("heartbeat must be positive and 0 <= backoffMin <= backoffMax");
        }
    }

    /** How long the next reconnect waits after one that waited {@code previous}. */
    Duration nextBackoff(Duration previous) {
        Duration doubled = previous.isZero() ? backoffMin : previous.multipliedBy(2);
        return doubled.compareTo(backoffMax) > 0 ? backoffMax : doubled;
    }
}
