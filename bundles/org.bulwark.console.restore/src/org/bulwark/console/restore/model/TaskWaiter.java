package org.bulwark.console.restore.model;

import org.bulwark.api.ApiException;
import org.bulwark.api.Task;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/** Waits for a queued task to end, reporting its progress; a cancelled monitor cancels the task. */
final class TaskWaiter {
    static final long POLL_MILLIS = 300;

    private TaskWaiter() {
    }

    /**
     * @return the task in its final state
     * @throws OperationCanceledException when the monitor was cancelled (the task is asked to cancel)
     */
    static Task await(ConsoleSession session, Task queued, IProgressMonitor monitor) {
        Task task = queued;
        int shown = 0;
        while (!task.state().isFinal()) {
            monitor.worked(Math.max(0, task.progress() - shown));
            shown = Math.max(shown, task.progress());
            if (monitor.isCanceled()) {
                cancel(session, task);
                throw new OperationCanceledException();
            }
            try {
                pause();
            } catch (OperationCanceledException e) {
                cancel(session, task);
                throw e;
            }
            Task current = task;
            task = session.call(client -> client.tasks().get(current.id()));
        }
        return task;
    }

    /**
     * Waits one polling interval.
     *
     * @throws OperationCanceledException when the thread is interrupted
     */
    static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        }
    }

    private static void cancel(ConsoleSession session, Task task) {
        try {
            session.call(client -> client.tasks().cancel(task.id()));
        } catch (ApiException endedMeanwhile) {
            // the task ended before the cancel arrived
        }
    }
}
