package org.bulwark.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.UUID;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.api.rest.TaskResource;

/**
 * Follows a task until it ends: one live progress line on stderr (percent, message, elapsed
 * time), rewritten in place on a terminal, or one line per change when stderr goes to a file or
 * pipe. Interrupting {@code bulwark} stops watching, not the task.
 */
final class TaskWatcher {
    private static final Duration POLL = Duration.ofMillis(250);

    private TaskWatcher() {
    }

    /** Watches a task to its end and prints it (JSON: the final task); SUCCEEDED exits 0. */
    static ExitCode watch(Context context, UUID id) {
        Task task = await(context, id);
        context.output().print(task, task.state() + ": " + Output.text(task.message()));
        return outcome(task);
    }

    /** Polls a task until it is final, showing progress on stderr. */
    static Task await(Context context, UUID id) {
        TaskResource tasks = context.resource(TaskResource.class);
        PrintStream err = context.terminal().err();
        long started = System.nanoTime();
        boolean live = context.terminal().console() != null;
        String shown = "";
        int width = 0;
        while (true) {
            Task task = tasks.get(id);
            String status = String.format("%s %s %3d%% %s", task.type(), task.state(), task.progress(), Output.text(task.message()));
            String line = status + "  " + elapsed(Duration.ofNanos(System.nanoTime() - started));
            if (live) {
                err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
                width = line.length();
            } else if (!status.equals(shown)) {
                err.println(line);
            }
            shown = status;
            if (task.state().isFinal()) {
                if (live) {
                    err.println();
                }
                return task;
            }
            err.flush();
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCode.ERROR, "Stopped watching task " + id + "; it goes on (bulwark task watch " + id + ")");
            }
        }
    }

    /** OK for a SUCCEEDED task, {@link ExitCode#TASK_NOT_SUCCEEDED} otherwise. */
    static ExitCode outcome(Task task) {
        return task.state() == TaskState.SUCCEEDED ? ExitCode.OK : ExitCode.TASK_NOT_SUCCEEDED;
    }

    private static String elapsed(Duration elapsed) {
        return String.format("%d:%02d", elapsed.toMinutes(), elapsed.toSecondsPart());
    }
}
