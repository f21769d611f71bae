package org.bulwark.node.hook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.bulwark.node.Numbers;
import org.bulwark.node.task.TaskHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pre and post commands of a BACKUP, from its parameters {@code preCommand.0},
 * {@code preCommand.1}, ... (one argument each: the program's absolute path, then its arguments),
 * {@code postCommand.N} and {@code commandTimeout} (seconds, default 600). They run as the node's
 * user through {@link CommandRunner}, never through a shell.
 *
 * <p>{@link #around} runs the pre command, then the backup, then the post command whatever happened:
 * a pre command that fails (non-zero exit, timeout, cannot start) fails the backup before the export
 * with its exit code and the end of its standard error; a post command that fails leaves the outcome
 * as it was and only reports a warning. Environment: {@code BULWARK_VM_NAME}, {@code BULWARK_VM_UUID},
 * {@code BULWARK_PHASE} ({@code pre}/{@code post}), and for post {@code BULWARK_OUTCOME}
 * ({@code success}/{@code failure}) with {@code BULWARK_RESTORE_POINT} or {@code BULWARK_ERROR}.
 */
public final class BackupHooks {
    private static final Logger LOG = LoggerFactory.getLogger(BackupHooks.class);
    private static final int DEFAULT_TIMEOUT_SECONDS = 600;
    private static final int MAX_TIMEOUT_SECONDS = 86_400;

    private final List<String> pre;
    private final List<String> post;
    private final Duration timeout;

    private BackupHooks(List<String> pre, List<String> post, Duration timeout) {
        this.pre = pre;
        this.post = post;
        this.timeout = timeout;
    }

    /** Reads the commands from a BACKUP's parameters; {@link IllegalArgumentException} names a malformed one. */
    public static BackupHooks of(Map<String, String> parameters) {
        int seconds = Numbers.parse("BACKUP parameter commandTimeout", parameters.get("commandTimeout"),
                DEFAULT_TIMEOUT_SECONDS, 1, MAX_TIMEOUT_SECONDS);
        return new BackupHooks(command(parameters, "preCommand"), command(parameters, "postCommand"),
                Duration.ofSeconds(seconds));
    }

    private static List<String> command(Map<String, String> parameters, String name) {
        List<String> command = new ArrayList<>();
        while (parameters.containsKey(name + "." + command.size())) {
            String argument = parameters.get(name + "." + command.size());
            if (argument == null || argument.isEmpty() || argument.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("BACKUP parameter " + name + "." + command.size()
                        + " must be a non-empty argument without NUL characters");
            }
            command.add(argument);
        }
        long given = parameters.keySet().stream().filter(k -> k.startsWith(name + ".")).count();
        if (given != command.size()) {
            throw new IllegalArgumentException("BACKUP parameters " + name + ".N must be numbered 0, 1, 2, ... without gaps");
        }
        if (!command.isEmpty() && !command.getFirst().startsWith("/")) {
            throw new IllegalArgumentException("BACKUP parameter " + name + ".0 must be the program's absolute path, not '"
                    + command.getFirst() + "'");
        }
        return List.copyOf(command);
    }

    /**
     * Runs the pre command, {@code backup}, then the post command.
     *
     * @param restorePoint the restore point id of a successful backup's result, for the post command
     */
    public <R> R around(String vm, UUID uuid, TaskHandler.Progress progress, Callable<R> backup,
                        Function<R, String> restorePoint) throws Exception {
        R result = null;
        Exception failure = null;
        try {
            if (!pre.isEmpty()) {
                progress.report(1, "running the pre command " + pre.getFirst());
                CommandRunner.Outcome outcome = CommandRunner.run(pre, environment(vm, uuid, "pre"), timeout);
                if (!outcome.succeeded()) {
                    throw new HookFailedException("pre command " + pre.getFirst() + describe(outcome)
                            + ": the backup of " + vm + " was not started");
                }
                LOG.info("pre command {} of the backup of {} succeeded", pre.getFirst(), vm);
            }
            result = backup.call();
            return result;
        } catch (Exception e) {
            failure = e;
            throw e;
        } finally {
            if (!post.isEmpty()) {
                Map<String, String> environment = environment(vm, uuid, "post");
                environment.put("BULWARK_OUTCOME", failure == null ? "success" : "failure");
                if (failure == null) {
                    environment.put("BULWARK_RESTORE_POINT", restorePoint.apply(result));
                } else {
                    environment.put("BULWARK_ERROR", String.valueOf(failure.getMessage()));
                }
                runPost(vm, environment, progress);
            }
        }
    }

    private void runPost(String vm, Map<String, String> environment, TaskHandler.Progress progress)
            throws InterruptedException {
        progress.report(99, "running the post command " + post.getFirst());
        CommandRunner.Outcome outcome = CommandRunner.run(post, environment, timeout);
        if (outcome.succeeded()) {
            LOG.info("post command {} of the backup of {} succeeded", post.getFirst(), vm);
        } else {
            String warning = "warning: post command " + post.getFirst() + describe(outcome);
            LOG.warn("backup of {}: {}", vm, warning);
            progress.report(99, warning);
        }
    }

    private String describe(CommandRunner.Outcome outcome) {
        String how = outcome.timedOut() ? " was killed after its timeout of " + timeout.toSeconds() + " s"
                : " failed with exit code " + outcome.exitCode();
        return how + (outcome.stderrTail().isEmpty() ? "" : " (stderr: " + outcome.stderrTail() + ")");
    }

    private static Map<String, String> environment(String vm, UUID uuid, String phase) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("BULWARK_VM_NAME", vm);
        environment.put("BULWARK_VM_UUID", uuid.toString());
        environment.put("BULWARK_PHASE", phase);
        return environment;
    }

    /** A pre command failed: the backup is not made. */
    public static final class HookFailedException extends Exception {
        public HookFailedException(String message) {
            super(message);
        }
    }
}
