package org.bulwark.server;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.bulwark.server.destination.DestinationService;
import org.bulwark.server.fleet.NodeRegistry;
import org.bulwark.server.inventory.InventoryService;
import org.bulwark.server.mount.MountService;
import org.bulwark.server.node.NodeGateway;
import org.bulwark.server.persistence.Jpa;
import org.bulwark.server.persistence.JpaDestinationStore;
import org.bulwark.server.persistence.JpaInventoryStore;
import org.bulwark.server.persistence.JpaMountStore;
import org.bulwark.server.persistence.JpaPolicyStore;
import org.bulwark.server.persistence.JpaRestorePointStore;
import org.bulwark.server.persistence.JpaTaskLinkStore;
import org.bulwark.server.persistence.TaskParameterColumn;
import org.bulwark.server.policy.PolicyService;
import org.bulwark.server.rest.KvmEndpoints;
import org.bulwark.server.restorepoint.RestorePointService;
import org.bulwark.server.results.JsonTaskResults;
import org.bulwark.server.results.NodeMountReader;
import org.bulwark.server.schedule.Scheduler;
import org.bulwark.server.task.TaskDispatcher;
import org.bulwark.server.task.TaskService;
import org.bulwark.server.workflow.NodeFailover;
import org.bulwark.server.workflow.RetriedTasks;
import org.bulwark.server.workflow.TaskLinkStore;
import org.bulwark.server.workflow.WorkflowMonitor;
import org.bulwark.server.workflow.Workflows;

/**
 * Wires KVM protection: inventory, policies, schedules, restore points, mounts, destinations and workflows on their
 * JPA stores (mounts browsed on their nodes through the node gateway), the workflow monitor that applies task outcomes, the failover of BACKUP and RESTORE
 * tasks to another node, and the scheduler (due schedules
 * every {@value #SCHEDULER_TICK_SECONDS} s, inventory sync of every hypervisor every
 * {@value #SYNC_MINUTES} minutes).
 */
final class KvmProtection implements AutoCloseable {
    static final int SCHEDULER_TICK_SECONDS = 2;
    static final int SYNC_MINUTES = 15;
    private static final Duration MONITOR_TICK = Duration.ofMillis(250);

    final InventoryService inventory;
    final PolicyService policies;
    final RestorePointService restorePoints;
    final Workflows workflows;
    final MountService mounts;
    final DestinationService destinations;
    private final TaskLinkStore links;
    private final WorkflowMonitor monitor;
    private final Scheduler scheduler;

    KvmProtection(Jpa jpa, TaskParameterColumn taskParameters, NodeRegistry nodes, NodeGateway gateway, TaskService tasks,
                  TaskDispatcher dispatcher, Clock clock) {
        inventory = new InventoryService(new JpaInventoryStore(jpa), nodes, clock);
        JpaPolicyStore policyStore = new JpaPolicyStore(jpa);
        policies = new PolicyService(policyStore, policyStore, inventory, clock);
        JpaRestorePointStore restorePointStore = new JpaRestorePointStore(jpa);
        restorePoints = new RestorePointService(restorePointStore);
        links = new JpaTaskLinkStore(jpa, taskParameters);
        workflows = new Workflows(tasks, inventory, policies, restorePointStore, links, nodes, clock);
        tasks.onRetry(new RetriedTasks(links));
        mounts = new MountService(new JpaMountStore(jpa), new NodeMountReader(gateway), nodes);
        destinations = new DestinationService(new JpaDestinationStore(jpa), nodes, policies, restorePointStore, clock);
        monitor = new WorkflowMonitor(links, tasks, new JsonTaskResults(), inventory, restorePointStore, workflows, mounts);
        dispatcher.failover(new NodeFailover(nodes));
        scheduler = new Scheduler(policyStore, workflows::fire, workflows::syncAll, clock);
    }

    /** The links of queued tasks to their workflows, for other areas that queue tasks. */
    TaskLinkStore links() {
        return links;
    }

    /** The monitor that applies the outcomes of linked tasks, for other areas to register theirs. */
    WorkflowMonitor monitor() {
        return monitor;
    }

    /** The REST endpoints, for {@code RestApi}. */
    List<Object> endpoints() {
        return KvmEndpoints.of(inventory, policies, restorePoints, workflows, mounts, destinations);
    }

    void start() {
        monitor.start(MONITOR_TICK);
        scheduler.start(Duration.ofSeconds(SCHEDULER_TICK_SECONDS), Duration.ofMinutes(SYNC_MINUTES));
    }

    @Override
    public void close() {
        scheduler.close();
        monitor.close();
    }
}
