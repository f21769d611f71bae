package org.bulwark.console.jobs;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bulwark.api.ApiException;
import org.bulwark.api.Task;
import org.bulwark.api.TaskRequest;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.ConsoleEvents;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.e4.core.services.events.IEventBroker;

/**
 * Queues a task and follows it until it ends, reporting the task's progress as the job's (so
 * the status bar shows it). Cancelling the job asks the server to cancel the task.
 */
public final class FollowTaskJob extends ConsoleJob {
    static final long POLL_MILLIS = 500;

    private final ConsoleSession session;
    private final Function<BulwarkClient, Task> submit;
    private final IEventBroker events;
    private final Consumer<ApiException> failed;

    /**
     * @param failed told when the server refused the task or could not be asked about it (called off the UI thread)
     */
    public FollowTaskJob(String name, ConsoleSession session, TaskRequest request, IEventBroker events,
            Consumer<ApiException> failed) {
        this(name, session, client -> client.tasks().submit(request), events, failed);
    }

    /**
     * Follows the task that {@code submit} queues, e.g. a backup through {@code /vms/{id}/backup}.
     *
     * @param failed told when the server refused the task or could not be asked about it (called off the UI thread)
     */
    public FollowTaskJob(String name, ConsoleSession session, Function<BulwarkClient, Task> submit, IEventBroker events,
            Consumer<ApiException> failed) {
        super(name);
        this.session = session;
        this.submit = submit;
        this.events = events;
        this.failed = failed;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), 100);
        try {
            Task task = session.call(submit);
            events.post(ConsoleEvents.TASKS_CHANGED, task);
            int shown = 0;
            while (!task.state().isFinal()) {
                monitor.worked(Math.max(0, task.progress() - shown));
                shown = task.progress();
                if (monitor.isCanceled() || !pause()) {
                    cancel(task.id());
                    return Status.CANCEL_STATUS;
                }
                Task before = task;
                task = session.call(client -> client.tasks().get(before.id()));
                if (task.state() != before.state() || task.progress() != before.progress()) {
                    events.post(ConsoleEvents.TASKS_CHANGED, task);
                }
            }
            monitor.worked(Math.max(0, task.progress() - shown));
            return Status.OK_STATUS;
        } catch (ApiException e) {
            failed.accept(e);
            return Status.OK_STATUS;
        } finally {
            monitor.done();
        }
    }

    private void cancel(UUID id) {
        try {
            events.post(ConsoleEvents.TASKS_CHANGED, session.call(client -> client.tasks().cancel(id)));
        } catch (ApiException endedMeanwhile) {
            // 409: the task ended before the cancel arrived; the tasks part shows how
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(POLL_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
