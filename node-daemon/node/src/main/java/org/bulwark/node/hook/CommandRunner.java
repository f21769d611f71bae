package org.bulwark.node.hook;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command given as an argument list (started directly, never through a shell) with extra
 * environment variables and a timeout; standard input is empty, standard output is discarded and
 * the last {@value #TAIL_BYTES} bytes of standard error are kept for the task log. A command still
 * running at the timeout, or when the task is cancelled, is killed with everything it started.
 */
public final class CommandRunner {
    /** How much of the end of standard error an outcome keeps. */
    public static final int TAIL_BYTES = 2048;
    private static final File NO_INPUT = new File("/dev/null");

    private CommandRunner() {
    }

    /**
     * How a command ended.
     *
     * @param exitCode its exit code (-1 when it was killed at the timeout or could not start)
     * @param timedOut whether it was killed at the timeout
     * @param stderrTail the end of its standard error (or why it could not start), trimmed
     */
    public record Outcome(int exitCode, boolean timedOut, String stderrTail) {
        public boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }
    }

    /** Runs {@code command} to its end or the timeout; {@link InterruptedException} after killing it when interrupted. */
    public static Outcome run(List<String> command, Map<String, String> environment, Duration timeout)
            throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Outcome(-1, false, "could not start " + command.getFirst() + ": " + e.getMessage());
        }
        Tail tail = new Tail(process.getErrorStream());
        Thread reader = Thread.ofVirtual().name("command-stderr").start(tail);
        try {
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                kill(process);
            }
            reader.join(Duration.ofSeconds(5));
            return new Outcome(ended ? process.exitValue() : -1, !ended, tail.text());
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    /** Reads a stream to its end, keeping its last {@value #TAIL_BYTES} bytes. */
    private static final class Tail implements Runnable {
        private final InputStream in;
        private final byte[] ring = new byte[TAIL_BYTES];
        private long total;

        Tail(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (this) {
                        for (int i = 0; i < n; i++) {
                            ring[(int) (total++ % TAIL_BYTES)] = buffer[i];
                        }
                    }
                }
            } catch (IOException e) {
                // the process was killed or closed its side: what was read stays
            }
        }

        synchronized String text() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long start = Math.max(0, total - TAIL_BYTES);
            for (long i = start; i < total; i++) {
                out.write(ring[(int) (i % TAIL_BYTES)]);
            }
            return out.toString(StandardCharsets.UTF_8).strip();
        }
    }
}
