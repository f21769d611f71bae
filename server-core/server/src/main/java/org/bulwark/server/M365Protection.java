package org.bulwark.server;

import java.time.Clock;
import java.time.Duration;
import org.bulwark.server.fleet.NodeRegistry;
import org.bulwark.server.m365.TenantContent;
import org.bulwark.server.m365.TenantProtection;
import org.bulwark.server.m365.TenantService;
import org.bulwark.server.node.NodeGateway;
import org.bulwark.server.persistence.Jpa;
import org.bulwark.server.persistence.JpaProtectionStore;
import org.bulwark.server.persistence.JpaTenantStore;
import org.bulwark.server.rest.TenantEndpoint;
import org.bulwark.server.schedule.Scheduler;
import org.bulwark.server.secret.SecretBox;
import org.bulwark.server.task.TaskService;
import org.bulwark.server.workflow.TaskLink;

/**
 * Wires Microsoft 365 protection: tenants (secrets sealed by the {@link SecretBox}), their policies,
 * restore points and content on their JPA stores, and a scheduler of the tenant policies (due
 * schedules every {@value KvmProtection#SCHEDULER_TICK_SECONDS} s, retention by age every hour).
 * The M365 tasks it queues are linked like every workflow task ({@link KvmProtection#links()}); the
 * one monitor applies their outcomes through the purposes registered here.
 */
final class M365Protection implements AutoCloseable {
    private final TenantService tenants;
    private final TenantProtection protection;
    private final TenantContent content;
    private final Scheduler scheduler;

    M365Protection(Jpa jpa, SecretBox secrets, NodeRegistry nodes, NodeGateway gateway, TaskService tasks,
                   KvmProtection workflows, Clock clock) {
        tenants = new TenantService(new JpaTenantStore(jpa), secrets, nodes, tasks, clock);
        JpaProtectionStore store = new JpaProtectionStore(jpa);
        protection = new TenantProtection(store, store.schedules(), tenants, workflows.links(), clock);
        workflows.monitor().register(TaskLink.Purpose.M365_BACKUP, protection::backedUp);
        workflows.monitor().register(TaskLink.Purpose.M365_PRUNE, protection::pruned);
        content = new TenantContent(protection, tenants, gateway);
        scheduler = new Scheduler(store.schedules(), protection::fire, protection::applyAgeRetention, clock);
    }

    /** The REST endpoint, for {@code RestApi}. */
    Object endpoint() {
        return new TenantEndpoint(tenants, protection, content);
    }

    void start() {
        scheduler.start(Duration.ofSeconds(KvmProtection.SCHEDULER_TICK_SECONDS), Duration.ofHours(1));
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
