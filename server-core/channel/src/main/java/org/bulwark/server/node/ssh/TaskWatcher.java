package org.bulwark.server.node.ssh;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.bulwark.api.node.NodeError;
import org.bulwark.api.node.TaskEvent;
import org.bulwark.api.node.TaskEventPage;
import org.bulwark.server.node.TaskEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one submitted task: long-polls its events through whatever link to the node is open,
 * resumes after a reconnect from the last event seen (so none is lost or repeated), and ends
 * with the task's final event, or with a failure when the node no longer knows the task.
 */
final class TaskWatcher implements Runnable {
    static final String LOST = "node restarted; task lost";
    private static final Logger LOG = LoggerFactory.getLogger(TaskWatcher.class);

    private final NodeConnection connection;
    private final UUID taskId;
    private final TaskEvents events;
    private final Duration pollWait;

    TaskWatcher(NodeConnection connection, UUID taskId, TaskEvents events, Duration pollWait) {
        this.connection = connection;
        this.taskId = taskId;
        this.events = events;
        this.pollWait = pollWait;
    }

    @Override
    public void run() {
        long seen = 0;
        try {
            Link link;
            while ((link = connection.awaitLink()) != null) {
                try {
                    TaskEventPage page = link.api().events(taskId, seen, pollWait);
                    for (TaskEvent event : page.events()) {
                        seen = event.sequence();
                        if (deliver(event)) {
                            return;
                        }
                    }
                } catch (NodeRefusal refusal) {
                    events.failed(taskId, refusal.error().code() == NodeError.Code.UNKNOWN_TASK ? LOST : refusal.getMessage());
                    return;
                } catch (IOException e) {
                    LOG.debug("Events of task {} interrupted ({}); resuming after reconnect", taskId, e.toString());
                    link.awaitClosed(pollWait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands one event on; true when it ended the task. */
    private boolean deliver(TaskEvent event) {
        switch (event.kind()) {
            case STARTED -> events.started(taskId);
            case PROGRESS -> events.progress(taskId, event.progress(), event.message());
            case SUCCEEDED -> events.succeeded(taskId, event.result());
            case FAILED -> events.failed(taskId, event.message());
            case CANCELLED -> events.cancelled(taskId);
        }
        return event.kind().isFinal();
    }
}
