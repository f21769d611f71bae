package org.bulwark.node.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.api.node.TaskEvent;
import org.bulwark.api.node.TaskEventPage;
import org.bulwark.api.node.TaskStatus;

/** One task on this node: its state and every event it produced, kept after it ended. */
public final class TaskRun {
    private final UUID id;
    private final TaskType type;
    private final List<TaskEvent> events = new ArrayList<>();
    private TaskState state = TaskState.QUEUED;
    private int progress;
    private String message = "";
    private String result;
    private boolean cancelRequested;
    private Thread worker;
    private Runnable onEnd;

    /** @param onEnd runs once when the task ends, before its final event is published (frees its slot) */
    TaskRun(UUID id, TaskType type, Runnable onEnd) {
        this.id = id;
        this.type = type;
        this.onEnd = onEnd;
    }

    public UUID id() {
        return id;
    }

    public synchronized TaskStatus status() {
        return new TaskStatus(id, type, state, progress, message, result, events.size());
    }

    public synchronized boolean isFinal() {
        return state.isFinal();
    }

    /**
     * The events after sequence number {@code after}, waiting up to {@code waitMillis} for one
     * when there is none yet and the task has not ended.
     */
    public synchronized TaskEventPage eventsAfter(long after, long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        long left;
        while (events.size() <= after && !state.isFinal() && (left = deadline - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
        int from = (int) Math.min(Math.max(after, 0), events.size());
        return new TaskEventPage(events.subList(from, events.size()), state);
    }

    /** Claims the calling thread as the task's worker; false when the task was cancelled before it started. */
    synchronized boolean begin() {
        if (cancelRequested) {
            end(TaskState.CANCELLED, TaskEvent.Kind.CANCELLED, "cancelled before it started", null);
            return false;
        }
        worker = Thread.currentThread();
        state = TaskState.RUNNING;
        add(TaskEvent.Kind.STARTED, "started", null);
        return true;
    }

    synchronized void progress(int percent, String text) {
        if (!state.isFinal()) {
            progress = Math.clamp(percent, 0, 100);
            message = text;
            add(TaskEvent.Kind.PROGRESS, text, null);
        }
    }

    synchronized void succeed(String resultJson) {
        progress = 100;
        end(TaskState.SUCCEEDED, TaskEvent.Kind.SUCCEEDED, "done", resultJson);
    }

    /** Ends the task after its job threw: cancelled if that was asked for, else failed. */
    synchronized void fail(Throwable error) {
        if (cancelRequested) {
            end(TaskState.CANCELLED, TaskEvent.Kind.CANCELLED, "cancelled", null);
        } else {
            String text = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
            end(TaskState.FAILED, TaskEvent.Kind.FAILED, text, null);
        }
    }

    /** Asks the task to stop; false if it has ended already. */
    synchronized boolean requestCancel() {
        if (state.isFinal()) {
            return false;
        }
        cancelRequested = true;
        if (worker != null) {
            worker.interrupt();
        }
        return true;
    }

    private void end(TaskState finalState, TaskEvent.Kind kind, String text, String resultJson) {
        if (onEnd != null) {
            onEnd.run();
            onEnd = null;
        }
        state = finalState;
        message = text;
        result = resultJson;
        worker = null;
        add(kind, text, resultJson);
    }

    private void add(TaskEvent.Kind kind, String text, String resultJson) {
        events.add(new TaskEvent(events.size() + 1, kind, progress, text, resultJson, Instant.now()));
        notifyAll();
    }
}
