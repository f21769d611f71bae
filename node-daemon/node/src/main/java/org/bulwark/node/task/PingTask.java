package org.bulwark.node.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bulwark.node.Numbers;

/**
 * PING: walks {@code steps} steps (default 5, 1 to 1000) of {@code stepMillis} milliseconds each
 * (default 100, 0 to 60000), reporting progress after each; the result names the node and the timing.
 */
public final class PingTask implements TaskHandler {
    private final String nodeName;

    public PingTask(String nodeName) {
        this.nodeName = nodeName;
    }

    /** What a PING returns. */
    public record Result(String node, int steps, long stepMillis, Instant startedAt, Instant finishedAt, long elapsedMillis) {
    }

    @Override
    public Job prepare(Map<String, String> parameters) {
        int steps = Numbers.parse("PING parameter steps", parameters.get("steps"), 5, 1, 1000);
        int stepMillis = Numbers.parse("PING parameter stepMillis", parameters.get("stepMillis"), 100, 0, 60_000);
        return progress -> {
            Instant started = Instant.now();
            for (int step = 1; step <= steps; step++) {
                Thread.sleep(stepMillis);
                if (Thread.interrupted()) {
                    throw new InterruptedException("cancelled");
                }
                progress.report(step * 100 / steps, "step " + step + " of " + steps);
            }
            Instant finished = Instant.now();
            return new Result(nodeName, steps, stepMillis, started, finished, Duration.between(started, finished).toMillis());
        };
    }
}
