package org.bulwark.node.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.bulwark.api.TaskType;
import org.bulwark.api.node.NodeError;
import org.bulwark.api.node.TaskSubmission;
import org.bulwark.node.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a bounded pool: at most {@code capacity} at once, a submission beyond that is
 * refused as busy (never queued). Tasks run independently of any connection; ended tasks are
 * kept (the latest {@value #KEPT_ENDED}) so the server can collect their outcome later.
 */
public final class TaskRunner implements AutoCloseable {
    static final int KEPT_ENDED = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final int capacity;
    private final Map<TaskType, TaskHandler> handlers;
    private final Semaphore slots;
    private final ExecutorService pool;
    private final Map<UUID, TaskRun> runs = new LinkedHashMap<>();

    public TaskRunner(int capacity, Map<TaskType, TaskHandler> handlers) {
        this.capacity = capacity;
        this.handlers = new EnumMap<>(handlers);
        this.slots = new Semaphore(capacity);
        this.pool = Executors.newFixedThreadPool(capacity, Thread.ofPlatform().name("task-", 1).factory());
    }

    public int capacity() {
        return capacity;
    }

    public int running() {
        return capacity - slots.availablePermits();
    }

    /** Starts a task, or refuses it: unknown type, bad parameters, id in use, or no free slot. */
    public TaskRun submit(TaskSubmission submission) throws TaskRefusedException {
        if (submission.taskId() == null || submission.type() == null) {
            throw new TaskRefusedException(NodeError.Code.BAD_REQUEST, "taskId and type are required");
        }
        TaskHandler handler = handlers.get(submission.type());
        if (handler == null) {
            throw new TaskRefusedException(NodeError.Code.UNSUPPORTED,
                    "task type " + submission.type() + " is not supported by this node yet");
        }
        TaskHandler.Job job;
        try {
            job = handler.prepare(submission.parameters());
        } catch (IllegalArgumentException e) {
            throw new TaskRefusedException(NodeError.Code.BAD_REQUEST, e.getMessage());
        }
        TaskRun run = new TaskRun(submission.taskId(), submission.type(), slots::release);
        synchronized (runs) {
            if (runs.containsKey(run.id())) {
                throw new TaskRefusedException(NodeError.Code.CONFLICT, "task " + run.id() + " exists already");
            }
            if (!slots.tryAcquire()) {
                throw new TaskRefusedException(NodeError.Code.BUSY,
                        "node busy: " + capacity + " of " + capacity + " task slots in use");
            }
            runs.put(run.id(), run);
            forgetOldEnded();
        }
        LOG.info("Task {} ({}) accepted", run.id(), submission.type());
        pool.execute(() -> execute(run, job));
        return run;
    }

    public Optional<TaskRun> find(UUID id) {
        synchronized (runs) {
            return Optional.ofNullable(runs.get(id));
        }
    }

    /** Asks a running task to stop; its events end with CANCELLED. */
    public TaskRun cancel(UUID id) throws TaskRefusedException {
        TaskRun run = find(id).orElseThrow(() -> new TaskRefusedException(NodeError.Code.UNKNOWN_TASK, "no task " + id));
        if (!run.requestCancel()) {
            throw new TaskRefusedException(NodeError.Code.CONFLICT, "task " + id + " has ended already");
        }
        LOG.info("Task {} cancel requested", id);
        return run;
    }

    private void execute(TaskRun run, TaskHandler.Job job) {
        try {
            if (run.begin()) {
                Object result = job.run(run::progress);
                run.succeed(Json.MAPPER.writeValueAsString(result));
            }
        } catch (JsonProcessingException e) {
            run.fail(new IllegalStateException("result not serializable: " + e.getOriginalMessage(), e));
        } catch (Exception | LinkageError | AssertionError e) {
            run.fail(e); // an Error such as a missing native library must end the task too, never hang it
        } finally {
            Thread.interrupted();
            LOG.info("Task {} ended: {}", run.id(), run.status().state());
        }
    }

    private void forgetOldEnded() {
        int ended = (int) runs.values().stream().filter(TaskRun::isFinal).count();
        for (Iterator<TaskRun> it = runs.values().iterator(); ended > KEPT_ENDED && it.hasNext(); ) {
            if (it.next().isFinal()) {
                it.remove();
                ended--;
            }
        }
    }

    @Override
    public void close() {
        synchronized (runs) {
            runs.values().forEach(TaskRun::requestCancel);
        }
        pool.shutdownNow();
    }
}
