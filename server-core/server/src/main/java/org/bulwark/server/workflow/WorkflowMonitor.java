package org.bulwark.server.workflow;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bulwark.api.Mount;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.server.inventory.InventoryService;
import org.bulwark.server.mount.MountService;
import org.bulwark.server.restorepoint.RestorePointStore;
import org.bulwark.server.task.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the outcome of linked tasks once they ended: an INVENTORY updates the VMs, a BACKUP
 * records its restore point (and its policy's retention runs), a succeeded RESTORE with a next
 * step queues the IMPORT; a failed RESTORE queues nothing; a succeeded FORGET deletes the records of
 * the restore points it removed, a failed one leaves them expired; a succeeded MOUNT records the mount,
 * a succeeded UNMOUNT forgets it; a scheduled backup still queued when its schedule's window closed
 * is cancelled; the Microsoft 365 purposes go to the {@link Outcome} their area registered. Polls the links, so outcomes of tasks
 * that ended while the server was down are applied after a restart too.
 */
public final class WorkflowMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowMonitor.class);

    private final TaskLinkStore links;
    private final TaskService tasks;
    private final TaskResults results;
    private final InventoryService inventory;
    private final RestorePointStore restorePoints;
    private final Workflows workflows;
    private final MountService mounts;
    private final Map<TaskLink.Purpose, Outcome> outcomes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("workflow-monitor").daemon().factory());

    public WorkflowMonitor(TaskLinkStore links, TaskService tasks, TaskResults results, InventoryService inventory,
                           RestorePointStore restorePoints, Workflows workflows, MountService mounts) {
        this.links = links;
        this.tasks = tasks;
        this.results = results;
        this.inventory = inventory;
        this.restorePoints = restorePoints;
        this.workflows = workflows;
        this.mounts = mounts;
    }

    /** Applies the outcome of a task linked with a purpose of another area. */
    public interface Outcome {
        void apply(TaskLink link, Task task);
    }

    /** Lets another area (Microsoft 365) apply the outcomes of its purposes; call before {@link #start}. */
    public void register(TaskLink.Purpose purpose, Outcome outcome) {
        outcomes.put(purpose, outcome);
    }

    public void start(Duration tick) {
        executor.scheduleWithFixedDelay(this::round, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            for (TaskLink link : links.pending()) {
                Task task = tasks.get(link.taskId());
                if (workflows.windowClosed(link, task)) {
                    task = tasks.get(link.taskId());
                }
                if (task.state().isFinal() && links.markApplied(link.taskId())) {
                    apply(link, task);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("workflow round failed", e);
        }
    }

    private void apply(TaskLink link, Task task) {
        boolean ok = task.state() == TaskState.SUCCEEDED;
        try {
            switch (link.purpose()) {
                case SYNC -> {
                    if (ok) {
                        inventory.apply(link.subjectId(), results.inventory(task.result()));
                    } else {
                        inventory.syncFailed(link.subjectId(), task.message());
                    }
                }
                case BACKUP -> {
                    if (ok) {
                        recordRestorePoint(link, task);
                    }
                }
                case RESTORE -> {
                    if (ok && link.next() != null) {
                        Task next = workflows.queueNext(link, task);
                        LOG.info("workflow continues after={} next={} type={}", task.id(), next.id(), next.type());
                    } else if (link.next() != null) {
                        LOG.info("workflow stops after={} state={}: {} not queued", task.id(), task.state(), link.next());
                    }
                }
                case FORGET -> {
                    if (ok) {
                        List<String> removed = results.forgotten(task.result());
                        restorePoints.delete(removed);
                        LOG.info("restore points deleted {} task={}", removed, task.id());
                    } else {
                        LOG.warn("restore points stay expired: FORGET task={} {}: {}", task.id(), task.state(), task.message());
                    }
                }
                case MOUNT -> {
                    if (ok) {
                        recordMount(link, task);
                    }
                }
                case UNMOUNT -> {
                    if (ok) {
                        mounts.closed(link.subjectId());
                    }
                }
                case IMPORT, SNAPSHOT -> LOG.debug("task ended task={} state={}", task.id(), task.state());
                case M365_BACKUP, M365_PRUNE -> {
                    Outcome outcome = outcomes.get(link.purpose());
                    if (outcome == null) {
                        LOG.error("no outcome registered for {} task={}", link.purpose(), task.id());
                    } else {
                        outcome.apply(link, task);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("outcome of task {} ({}) could not be applied: {}", task.id(), link.purpose(), e.getMessage(), e);
        }
    }

    private void recordRestorePoint(TaskLink link, Task task) {
        TaskResults.Backup backup = results.backup(task.result());
        String vmName = inventory.vm(link.subjectId()).name();
        restorePoints.insert(new RestorePoint(backup.restorePoint(), link.subjectId(), vmName, task.finishedAt(),
                backup.kind(), backup.bytesRead(), backup.bytesWritten(), backup.logicalBytes(), task.nodeId(),
                task.nodeName(), link.destination(), link.policyId(), task.id()));
        LOG.info("restore point recorded id={} vm={} kind={} task={}", backup.restorePoint(), vmName, backup.kind(), task.id());
        if (link.policyId() != null) {
            workflows.applyRetention(Workflows.SCHEDULER, link.policyId());
        }
    }

    private void recordMount(TaskLink link, Task task) {
        TaskResults.Mounted mounted = results.mounted(task.result());
        mounts.opened(new Mount(mounted.id(), mounted.restorePoint(), link.subjectId(), inventory.vm(link.subjectId()).name(),
                mounted.disk(), mounted.size(), mounted.nbdUri(), task.nodeId(), task.nodeName(), mounted.opened(),
                mounted.partitions()));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
