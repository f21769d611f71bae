package org.bulwark.server.m365;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bulwark.api.ApiException;
import org.bulwark.api.M365BackupRequest;
import org.bulwark.api.M365Policy;
import org.bulwark.api.M365PolicyRequest;
import org.bulwark.api.M365RestorePoint;
import org.bulwark.api.M365RestoreRequest;
import org.bulwark.api.M365User;
import org.bulwark.api.Retention;
import org.bulwark.api.Schedule;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.server.errors.Errors;
import org.bulwark.server.restorepoint.RetentionRule;
import org.bulwark.server.schedule.ScheduleException;
import org.bulwark.server.schedule.ScheduleExpression;
import org.bulwark.server.schedule.ScheduleStore;
import org.bulwark.server.user.Caller;
import org.bulwark.server.workflow.TaskLink;
import org.bulwark.server.workflow.TaskLinkStore;
import org.bulwark.server.workflow.Workflows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protection of tenants: policies that choose users by hand, by name patterns, by group and by
 * license ({@link UserSelection}, against the last discovery), with the
 * schedules and retention of VM policies ({@link ScheduleExpression}, {@link RetentionRule}); the
 * M365_BACKUP tasks they (and backups on demand) queue, linked ({@link TaskLink}) like every workflow
 * task so that the one workflow monitor applies their outcome; the restore points recorded from those
 * tasks' results; and retention, which drops the records of expired restore points and queues an
 * M365_PRUNE per repository they were stored in: a tenant's backups are incremental batches of one
 * history, so the node frees the item versions no kept restore point sees rather than whole backups.
 */
public final class TenantProtection {
    private static final Logger LOG = LoggerFactory.getLogger(TenantProtection.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The repository access an M365_BACKUP's link keeps for its restore point. */
    private static final String PASSPHRASE_FILE = "passphraseFile";

    private final ProtectionStore store;
    private final ScheduleStore schedules;
    private final TenantService tenants;
    private final TaskLinkStore links;
    private final Clock clock;

    /** @param links where the M365 tasks queued here are linked, for the workflow monitor to apply their outcomes */
    public TenantProtection(ProtectionStore store, ScheduleStore schedules, TenantService tenants, TaskLinkStore links,
                            Clock clock) {
        this.store = store;
        this.schedules = schedules;
        this.tenants = tenants;
        this.links = links;
        this.clock = clock;
    }

    /** The tenant's policies, with the users they cover now and the next run of each schedule. */
    public List<M365Policy> policies(UUID tenantId) {
        tenants.tenant(tenantId);
        TenantDirectory directory = discovered(tenantId);
        return store.policies().stream().filter(p -> p.tenant().equals(tenantId)).map(p -> toApi(p, directory)).toList();
    }

    public M365Policy create(Caller caller, UUID tenantId, M365PolicyRequest request) {
        tenants.tenant(tenantId);
        return save(caller, tenantId, UUID.randomUUID(), request);
    }

    public M365Policy update(Caller caller, UUID tenantId, UUID policyId, M365PolicyRequest request) {
        policy(tenantId, policyId);
        return save(caller, tenantId, policyId, request);
    }

    public void delete(Caller caller, UUID tenantId, UUID policyId) {
        policy(tenantId, policyId);
        store.deletePolicy(policyId);
        LOG.info("m365 policy deleted id={} by={}", policyId, caller.username());
    }

    /** Removes a tenant with its policies and their schedules (its restore point records go with it). */
    public void removeTenant(Caller caller, UUID tenantId) {
        tenants.tenant(tenantId);
        store.policies().stream().filter(p -> p.tenant().equals(tenantId)).forEach(p -> store.deletePolicy(p.id()));
        tenants.remove(caller, tenantId);
    }

    /** Backs up the users the policy covers now: 409 when it is disabled or covers nobody (or nothing was discovered). */
    public Task run(Caller caller, UUID tenantId, UUID policyId) {
        StoredM365Policy policy = policy(tenantId, policyId);
        if (!policy.enabled()) {
            throw Errors.conflict("Policy " + policy.name() + " is disabled");
        }
        List<String> users = UserSelection.select(policy, tenants.directory(tenantId)).stream().map(M365User::id).toList();
        if (users.isEmpty()) {
            throw Errors.conflict("Policy " + policy.name() + " covers no user of the last discovery");
        }
        Task task = tenants.backupUsers(caller, tenants.tenant(tenantId), policy.destination(), policy.passphraseFile(), users);
        linkBackup(task, tenantId, policyId, policy.destination(), policy.passphraseFile());
        LOG.info("m365 policy run policy={} users={} task={} by={}", policy.name(), users.size(), task.id(), caller.username());
        return task;
    }

    /** What a due schedule does: runs its policy, unless it was disabled or deleted meanwhile (then its schedules go). */
    public void fire(UUID policyId) {
        StoredM365Policy policy = store.policy(policyId).orElse(null);
        if (policy == null) {
            schedules.replace(policyId, List.of());
            LOG.info("scheduled m365 run dropped: policy {} is gone", policyId);
            return;
        }
        try {
            run(Workflows.SCHEDULER, policy.tenant(), policyId);
        } catch (ApiException e) {
            LOG.info("scheduled m365 run skipped policy={} reason={}", policy.name(), e.getMessage());
        }
    }

    /** Backs up the whole tenant now into the request's repository; its restore point is recorded as a policy's. */
    public Task backupNow(Caller caller, UUID tenantId, M365BackupRequest request) {
        Task task = tenants.backup(caller, tenantId, request);
        String passphraseFile = request.passphraseFile() == null || request.passphraseFile().isBlank() ? null
                : request.passphraseFile();
        linkBackup(task, tenantId, null, request.destination(), passphraseFile);
        return task;
    }

    /** Links a queued M365_BACKUP to its tenant, policy and repository; the workflow monitor calls {@link #backedUp}. */
    private void linkBackup(Task task, UUID tenantId, UUID policyId, String destination, String passphraseFile) {
        links.insert(new TaskLink(task.id(), TaskLink.Purpose.M365_BACKUP, tenantId, policyId, destination, null,
                passphraseFile == null ? Map.of() : Map.of(PASSPHRASE_FILE, passphraseFile)));
    }

    /**
     * Restores items; without {@code destination} the repository is the restore point's (which must have been made
     * with a passphrase file).
     */
    public Task restore(Caller caller, UUID tenantId, M365RestoreRequest request) {
        Errors.required(request, "restore request");
        if (request.destination() != null || request.restorePoint() == null) {
            return tenants.restore(caller, tenantId, request);
        }
        StoredM365Point point = point(tenantId, request.restorePoint());
        return tenants.restore(caller, tenantId, new M365RestoreRequest(point.destination(), point.passphraseFile(), null,
                point.id(), request.service(), request.source(), request.items(), request.target()));
    }

    /** The tenant's restore points, newest first. */
    public List<M365RestorePoint> restorePoints(UUID tenantId) {
        tenants.tenant(tenantId);
        return store.points(tenantId).stream().map(StoredM365Point::toApi).toList();
    }

    /** A restore point that can be read through the server: 404 for none, 409 when no passphrase file opens it. */
    public StoredM365Point point(UUID tenantId, long id) {
        tenants.tenant(tenantId);
        StoredM365Point point = store.point(tenantId, id)
                .orElseThrow(() -> Errors.notFound("Tenant " + tenantId + " has no restore point " + id));
        if (point.passphraseFile() == null) {
            throw Errors.conflict("Restore point " + id + " was made with a passphrase given inline; only restore points"
                    + " made with a passphrase file (policies) can be read through the server");
        }
        return point;
    }

    /**
     * The outcome of an M365_BACKUP that ended (applied by the workflow monitor): a succeeded, complete run
     * becomes a restore point (and its policy's retention runs), a failed one leaves none.
     */
    public void backedUp(TaskLink link, Task task) {
        if (task.state() == TaskState.SUCCEEDED) {
            record(link, task);
        } else {
            LOG.info("m365 backup made no restore point task={} {}: {}", task.id(), task.state(), task.message());
        }
    }

    /** The outcome of an M365_PRUNE that ended: the records of its restore points were dropped when it was queued. */
    public void pruned(TaskLink link, Task task) {
        if (task.state() == TaskState.SUCCEEDED) {
            LOG.info("m365 prune done tenant={} destination={} task={}", link.subjectId(), link.destination(), task.id());
        } else {
            LOG.warn("m365 prune {} tenant={} destination={} task={}: {}; the expired runs stay in the repository", task.state(),
                    link.subjectId(), link.destination(), task.id(), task.message());
        }
    }

    /** Retention by age of every policy (the scheduler runs it every hour). */
    public void applyAgeRetention() {
        store.policies().forEach(p -> applyRetention(p.id()));
    }

    /** Drops the records of the restore points the policy's retention no longer keeps; returns them. */
    public List<M365RestorePoint> applyRetention(UUID policyId) {
        StoredM365Policy policy = store.policy(policyId).orElseThrow(() -> Errors.notFound("No policy " + policyId));
        List<StoredM365Point> made = store.points(policy.tenant()).stream().filter(p -> policyId.equals(p.policyId())).toList();
        List<StoredM365Point> expired = RetentionRule.expired(made, StoredM365Point::createdAt, policy.retention(),
                clock.instant());
        if (!expired.isEmpty()) {
            store.deletePoints(policy.tenant(), expired.stream().map(StoredM365Point::id).toList());
            LOG.info("m365 retention policy={} expired={}", policy.name(), expired.stream().map(StoredM365Point::id).toList());
            prune(policy.tenant(), expired);
        }
        return expired.stream().map(StoredM365Point::toApi).toList();
    }

    /** Queues the data side of retention: one M365_PRUNE per node and repository the expired points were stored in. */
    private void prune(UUID tenantId, List<StoredM365Point> expired) {
        StoredTenant tenant = tenants.tenant(tenantId);
        Map<List<Object>, List<StoredM365Point>> byRepository = expired.stream().filter(p -> p.passphraseFile() != null)
                .collect(Collectors.groupingBy(p -> List.of(p.nodeId() != null ? p.nodeId() : tenant.nodeId(), p.destination(), p.passphraseFile()),
                        LinkedHashMap::new, Collectors.toList()));
        byRepository.values().forEach(points -> {
            StoredM365Point first = points.getFirst();
            UUID node = first.nodeId() != null ? first.nodeId() : tenant.nodeId();
            Task task = tenants.prune(Workflows.SCHEDULER, tenant, node, first.destination(), first.passphraseFile(),
                    points.stream().map(StoredM365Point::id).toList());
            links.insert(new TaskLink(task.id(), TaskLink.Purpose.M365_PRUNE, tenantId, first.policyId(), first.destination(),
                    null, null));
            LOG.info("m365 prune queued tenant={} destination={} points={} task={}", tenant.tenantId(), first.destination(),
                    points.size(), task.id());
        });
    }

    private void record(TaskLink backup, Task task) {
        try {
            JsonNode result = JSON.readTree(task.result());
            long id = result.path("restorePoint").asLong();
            if (id <= 0 || !result.path("complete").asBoolean()) {
                LOG.warn("m365 backup task={} gave no complete restore point", task.id());
                return;
            }
            store.insert(new StoredM365Point(id, backup.subjectId(), Instant.ofEpochMilli(id), result.path("items").asLong(),
                    result.path("bytes").asLong(), task.nodeId(), backup.destination(),
                    backup.nextParameters().get(PASSPHRASE_FILE), backup.policyId(), task.id()));
            LOG.info("m365 restore point recorded tenant={} id={} task={}", backup.subjectId(), id, task.id());
        } catch (IOException e) {
            LOG.error("the result of m365 backup task {} is not a backup report: {}", task.id(), e.getMessage());
            return;
        }
        if (backup.policyId() != null && store.policy(backup.policyId()).isPresent()) {
            applyRetention(backup.policyId());
        }
    }

    private M365Policy save(Caller caller, UUID tenantId, UUID id, M365PolicyRequest request) {
        Errors.required(request, "policy");
        String name = Errors.required(request.name(), "name").strip();
        String destination = absolute(request.destination(), "destination");
        String passphraseFile = absolute(request.passphraseFile(), "passphraseFile");
        Retention retention = RetentionRule.validated(request.retention());
        for (String value : request.userIds()) {
            if (value == null || value.isBlank() || value.contains(",")) {
                throw Errors.badRequest("userIds entries must be user ids (not blank, no commas)");
            }
        }
        request.namePatterns().forEach(pattern -> Errors.required(pattern, "namePatterns entry"));
        request.groups().forEach(group -> Errors.required(group, "groups entry"));
        request.licenses().forEach(license -> Errors.required(license, "licenses entry"));
        if (request.userIds().isEmpty() && request.namePatterns().isEmpty() && request.groups().isEmpty()
                && request.licenses().isEmpty()) {
            throw Errors.badRequest("a policy chooses users: give userIds, namePatterns, groups or licenses");
        }
        Instant now = clock.instant();
        List<ScheduleStore.StoredSchedule> stored = new ArrayList<>();
        for (int i = 0; i < request.schedules().size(); i++) {
            ScheduleExpression expression;
            try {
                expression = ScheduleExpression.parse(request.schedules().get(i));
            } catch (ScheduleException e) {
                throw Errors.badRequest("schedules[" + i + "]: " + e.getMessage());
            }
            stored.add(new ScheduleStore.StoredSchedule(id, i, expression.text(), expression.next(now)));
        }
        StoredM365Policy policy = new StoredM365Policy(id, tenantId, name, request.userIds(), request.namePatterns(),
                request.groups().stream().map(String::strip).toList(), request.licenses().stream().map(String::strip).toList(),
                destination, passphraseFile, retention, request.enabled());
        if (!store.savePolicy(policy)) {
            throw Errors.conflict("The tenant has a policy named " + name + " already");
        }
        schedules.replace(id, stored);
        LOG.info("m365 policy saved name={} id={} schedules={} by={}", name, id, stored.size(), caller.username());
        return toApi(policy, discovered(tenantId));
    }

    private StoredM365Policy policy(UUID tenantId, UUID policyId) {
        return store.policy(policyId).filter(p -> p.tenant().equals(tenantId))
                .orElseThrow(() -> Errors.notFound("Tenant " + tenantId + " has no policy " + policyId));
    }

    /** The last discovery; empty while there is none. */
    private TenantDirectory discovered(UUID tenantId) {
        try {
            return tenants.directory(tenantId);
        } catch (ApiException e) {
            return TenantDirectory.EMPTY;
        }
    }

    private M365Policy toApi(StoredM365Policy p, TenantDirectory directory) {
        List<Schedule> planned = schedules.of(p.id()).stream()
                .map(s -> new Schedule(s.expression(), p.enabled() ? s.nextRun() : null)).toList();
        return new M365Policy(p.id(), p.tenant(), p.name(), p.userIds(), p.namePatterns(),
                UserSelection.select(p, directory).stream().map(M365User::id).toList(), p.destination(), p.passphraseFile(),
                planned, p.retention(), p.enabled(), p.groups(), p.licenses());
    }

    private static String absolute(String path, String field) {
        String value = Errors.required(path, field).strip();
        if (!value.startsWith("/")) {
            throw Errors.badRequest(field + " must be an absolute path on the node");
        }
        return value;
    }
}
