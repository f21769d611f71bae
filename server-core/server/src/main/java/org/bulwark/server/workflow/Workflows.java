package org.bulwark.server.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bulwark.api.ApiException;
import org.bulwark.api.BackupCommands;
import org.bulwark.api.BackupRequest;
import org.bulwark.api.Hypervisor;
import org.bulwark.api.Mount;
import org.bulwark.api.MountRequest;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.RestoreRequest;
import org.bulwark.api.Role;
import org.bulwark.api.SnapshotRequest;
import org.bulwark.api.Task;
import org.bulwark.api.TaskRequest;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.api.Vm;
import org.bulwark.server.errors.Errors;
import org.bulwark.server.fleet.NodeRegistry;
import org.bulwark.server.inventory.InventoryService;
import org.bulwark.server.policy.PolicyService;
import org.bulwark.server.policy.StoredPolicy;
import org.bulwark.server.restorepoint.RestorePointStore;
import org.bulwark.server.restorepoint.RetentionRule;
import org.bulwark.server.task.TaskService;
import org.bulwark.server.user.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KVM workflows as chains of tasks: inventory sync, backup (on demand, per policy, on
 * schedule), restore to the file system, restore then import, snapshot, retention, mount and unmount. Each
 * queued task is linked to its purpose; the {@link WorkflowMonitor} applies its outcome.
 */
public final class Workflows {
    /** Who queues the tasks of schedules and periodic syncs. */
    public static final Caller SCHEDULER = new Caller("scheduler", Role.OPERATOR, null, null);
    private static final Logger LOG = LoggerFactory.getLogger(Workflows.class);
    private static final Set<String> FORMATS = Set.of("raw", "qcow2");

    private final TaskService tasks;
    private final InventoryService inventory;
    private final PolicyService policies;
    private final RestorePointStore restorePoints;
    private final TaskLinkStore links;
    private final NodeRegistry nodes;
    private final Clock clock;

    public Workflows(TaskService tasks, InventoryService inventory, PolicyService policies,
                     RestorePointStore restorePoints, TaskLinkStore links, NodeRegistry nodes, Clock clock) {
        this.tasks = tasks;
        this.inventory = inventory;
        this.policies = policies;
        this.restorePoints = restorePoints;
        this.links = links;
        this.nodes = nodes;
        this.clock = clock;
    }

    /** Queues an INVENTORY of the hypervisor on its node. */
    public Task sync(Caller caller, UUID hypervisorId) {
        Hypervisor hypervisor = inventory.hypervisor(hypervisorId);
        Task task = tasks.submit(caller, new TaskRequest(TaskType.INVENTORY, hypervisor.nodeId(), Map.of("uri", hypervisor.uri())));
        links.insert(new TaskLink(task.id(), TaskLink.Purpose.SYNC, hypervisorId, null, null, null, null));
        return task;
    }

    /** Syncs every hypervisor whose node is enrolled (the periodic sync). */
    public void syncAll() {
        for (Hypervisor hypervisor : inventory.hypervisors()) {
            if (nodes.status(hypervisor.nodeId()).isPresent()) {
                sync(SCHEDULER, hypervisor.id());
            }
        }
    }

    /**
     * Queues a BACKUP of a VM: 404 for an unknown VM or policy, 409 for a VM that vanished, 400
     * without a destination and passphrase.
     */
    public Task backup(Caller caller, UUID vmId, BackupRequest request) {
        return backup(caller, vmId, request, null, null);
    }

    private Task backup(Caller caller, UUID vmId, BackupRequest request, Instant notAfter, String window) {
        Errors.required(request, "backup request");
        Vm vm = inventory.vm(vmId);
        Map<String, String> parameters = new HashMap<>();
        UUID policyId = request.policyId();
        boolean full = request.full();
        if (policyId != null) {
            StoredPolicy policy = policies.find(policyId);
            parameters.put("destination", policy.destination());
            parameters.put("passphraseFile", policy.passphraseFile());
            full |= fullDue(policy, vmId);
            commandParameters(policy.commands(), parameters);
        } else {
            parameters.put("destination", absolute(request.destination(), "destination"));
            secret(parameters, request.passphrase(), request.passphraseFile());
        }
        parameters.put("mode", full ? "full" : "auto");
        return backup(caller, vm, policyId, parameters, notAfter, window);
    }

    /**
     * The policy's pre/post commands as BACKUP parameters: {@code preCommand.0}, {@code preCommand.1}, ...
     * (one parameter per argument, so no list is ever joined into a command line), likewise
     * {@code postCommand.N}, and {@code commandTimeout} in seconds.
     */
    private static void commandParameters(BackupCommands commands, Map<String, String> parameters) {
        if (commands.runsNothing()) {
            return;
        }
        for (int i = 0; i < commands.pre().size(); i++) {
            parameters.put("preCommand." + i, commands.pre().get(i));
        }
        for (int i = 0; i < commands.post().size(); i++) {
            parameters.put("postCommand." + i, commands.post().get(i));
        }
        parameters.put("commandTimeout", String.valueOf(commands.effectiveTimeoutSeconds()));
    }

    /** Backs up every VM the policy covers now; a disabled policy is refused with 409. */
    public List<Task> runPolicy(Caller caller, UUID policyId) {
        return runPolicy(caller, policyId, null, null);
    }

    private List<Task> runPolicy(Caller caller, UUID policyId, Instant notAfter, String window) {
        StoredPolicy policy = policies.find(policyId);
        if (!policy.enabled()) {
            throw Errors.conflict("Policy " + policy.name() + " is disabled");
        }
        List<Task> queued = new ArrayList<>();
        for (Vm vm : policies.selection(policy)) {
            queued.add(backup(caller, vm.id(), new BackupRequest(policyId, null, null, null, false), notAfter, window));
        }
        LOG.info("policy run policy={} vms={} by={}", policy.name(), queued.size(), caller.username());
        return queued;
    }

    /**
     * What a due schedule does: runs its policy unless it was disabled or deleted meanwhile. With a
     * window, a backup still queued when it closes at {@code windowCloses} is not started
     * ({@link #windowClosed}).
     */
    public void fire(UUID policyId, Instant windowCloses, String window) {
        try {
            runPolicy(SCHEDULER, policyId, windowCloses, window);
        } catch (ApiException e) {
            LOG.info("scheduled run skipped policy={} reason={}", policyId, e.getMessage());
        }
    }

    /**
     * Whether a task's window has closed while it is still queued: then it is cancelled, giving the
     * window as the reason, and {@code true} is answered. A task that started in time runs on.
     */
    boolean windowClosed(TaskLink link, Task task) {
        if (link.notAfter() == null || task.state() != TaskState.QUEUED || clock.instant().isBefore(link.notAfter())) {
            return false;
        }
        Caller window = new Caller("the close of its schedule window " + link.window() + " at " + link.notAfter(),
                Role.OPERATOR, null, null);
        try {
            tasks.cancel(window, task.id());
            LOG.info("backup not started task={}: its schedule window {} closed at {}", task.id(), link.window(),
                    link.notAfter());
            return true;
        } catch (ApiException e) {
            LOG.debug("task {} started or ended as its window closed: {}", task.id(), e.getMessage());
            return false;
        }
    }

    /** Queues a SNAPSHOT of a VM: {@code create} (with a label and optional keep) or {@code revert} to a snapshot. */
    public Task snapshot(Caller caller, UUID vmId, SnapshotRequest request) {
        Errors.required(request, "snapshot request");
        Vm vm = presentVm(vmId);
        Hypervisor hypervisor = inventory.hypervisor(vm.hypervisorId());
        Map<String, String> parameters = new LinkedHashMap<>(Map.of("vm", vm.name(), "uri", hypervisor.uri()));
        String action = request.action() == null || request.action().isBlank() ? "create" : request.action();
        switch (action) {
            case "create" -> {
                parameters.put("action", "create");
                parameters.put("policy", Errors.required(request.label(), "label"));
                if (request.keep() > 0) {
                    parameters.put("keep", String.valueOf(request.keep()));
                }
            }
            case "revert" -> {
                parameters.put("action", "revert");
                parameters.put("snapshot", Errors.required(request.snapshot(), "snapshot"));
            }
            default -> throw Errors.badRequest("action must be create or revert, not " + action);
        }
        Task task = tasks.submit(caller, new TaskRequest(TaskType.SNAPSHOT, hypervisor.nodeId(), parameters));
        links.insert(new TaskLink(task.id(), TaskLink.Purpose.SNAPSHOT, vmId, null, null, null, null));
        return task;
    }

    /**
     * Queues a RESTORE of a restore point into a folder on the node that made it (or, when that
     * node is gone, the node of the VM's hypervisor); with {@code importVm} an IMPORT of the same
     * files follows on the same node once the RESTORE succeeded.
     */
    public Task restore(Caller caller, String restorePointId, RestoreRequest request) {
        Errors.required(request, "restore request");
        RestorePoint point = restorePoints.find(restorePointId)
                .orElseThrow(() -> Errors.notFound("No restore point " + restorePointId));
        Vm vm = inventory.vm(point.vmId());
        Hypervisor hypervisor = inventory.hypervisor(vm.hypervisorId());
        String format = request.format() == null || request.format().isBlank() ? "raw" : request.format();
        if (!FORMATS.contains(format)) {
            throw Errors.badRequest("format must be raw or qcow2, not " + format);
        }
        Map<String, String> parameters = new HashMap<>();
        parameters.put("destination", point.destination());
        parameters.put("restorePoint", point.id());
        parameters.put("folder", absolute(request.folder(), "folder"));
        parameters.put("format", format);
        if (request.name() != null && !request.name().isBlank()) {
            parameters.put("name", request.name().trim());
        }
        if (request.passphrase() == null && request.passphraseFile() == null && point.policyId() != null) {
            parameters.put("passphraseFile", policies.find(point.policyId()).passphraseFile());
        } else {
            secret(parameters, request.passphrase(), request.passphraseFile());
        }
        Task task = tasks.submit(caller, new TaskRequest(TaskType.RESTORE, nodeOf(point, hypervisor), parameters));
        Map<String, String> importParameters = null;
        if (request.importVm()) {
            importParameters = new HashMap<>(parameters);
            importParameters.put("uri", hypervisor.uri());
            importParameters.put("start", String.valueOf(request.start()));
            importParameters.put("overwrite", String.valueOf(request.overwrite()));
        }
        links.insert(new TaskLink(task.id(), TaskLink.Purpose.RESTORE, vm.id(), point.policyId(), point.destination(),
                request.importVm() ? TaskType.IMPORT : null, importParameters));
        LOG.info("restore queued task={} restorePoint={} import={} by={}", task.id(), point.id(), request.importVm(),
                caller.username());
        return task;
    }

    /**
     * Queues a MOUNT of one disk of a restore point on the node that made it (or, when that node is
     * gone, the node of the VM's hypervisor); the monitor records the mount once it succeeded. The
     * request's passphrase opens the repository when given (a restore point made on demand with a
     * typed passphrase): it travels as the task's sealed {@code passphrase} parameter, as a restore's
     * does, and is neither logged nor kept with the mount. Without one, a policy's restore point opens
     * with the policy's passphrase file, and one made on demand without a passphrase (an unencrypted
     * repository only: the MOUNT fails otherwise).
     */
    public Task mount(Caller caller, MountRequest request) {
        Errors.required(request, "mount request");
        String id = Errors.required(request.restorePointId(), "restorePointId");
        RestorePoint point = restorePoints.find(id).orElseThrow(() -> Errors.notFound("No restore point " + id));
        Vm vm = inventory.vm(point.vmId());
        Hypervisor hypervisor = inventory.hypervisor(vm.hypervisorId());
        Map<String, String> parameters = new HashMap<>();
        parameters.put("destination", point.destination());
        parameters.put("restorePoint", point.id());
        if (request.disk() != null && !request.disk().isBlank()) {
            parameters.put("disk", request.disk().trim());
        }
        if (request.passphrase() != null && !request.passphrase().isEmpty()) {
            parameters.put("passphrase", request.passphrase());
        } else if (point.policyId() != null) {
            parameters.put("passphraseFile", policies.find(point.policyId()).passphraseFile());
        }
        Task task = tasks.submit(caller, new TaskRequest(TaskType.MOUNT, nodeOf(point, hypervisor), parameters));
        links.insert(new TaskLink(task.id(), TaskLink.Purpose.MOUNT, vm.id(), point.policyId(), point.destination(), null, null));
        LOG.info("mount queued task={} restorePoint={} disk={} by={}", task.id(), point.id(), request.disk(), caller.username());
        return task;
    }

    /** Queues the UNMOUNT of an open mount on its node; the monitor forgets the mount once it succeeded. */
    public Task unmount(Caller caller, Mount mount) {
        Task task = tasks.submit(caller, new TaskRequest(TaskType.UNMOUNT, mount.nodeId(), Map.of("mount", mount.id().toString())));
        links.insert(new TaskLink(task.id(), TaskLink.Purpose.UNMOUNT, mount.id(), null, null, null, null));
        LOG.info("unmount queued task={} mount={} by={}", task.id(), mount.id(), caller.username());
        return task;
    }

    /** Queues the IMPORT that follows a succeeded RESTORE, on the node that restored the files. */
    Task queueNext(TaskLink link, Task ended) {
        Caller owner = new Caller(ended.owner(), Role.OPERATOR, null, null);
        Task next = tasks.submit(owner, new TaskRequest(link.next(), ended.nodeId(), link.nextParameters()));
        links.insert(new TaskLink(next.id(), TaskLink.Purpose.IMPORT, link.subjectId(), link.policyId(),
                link.destination(), null, null));
        return next;
    }

    /**
     * Applies a policy's retention: per VM, the restore points the policy made that the retention
     * no longer keeps are expired (and no longer listed), and a FORGET removes their data from the
     * repository; their records are deleted once it succeeded.
     */
    public List<RestorePoint> applyRetention(Caller caller, UUID policyId) {
        StoredPolicy policy = policies.find(policyId);
        Map<UUID, List<RestorePoint>> byVm = new LinkedHashMap<>();
        for (RestorePoint point : restorePoints.list()) {
            if (policyId.equals(point.policyId())) {
                byVm.computeIfAbsent(point.vmId(), id -> new ArrayList<>()).add(point);
            }
        }
        List<RestorePoint> expired = new ArrayList<>();
        byVm.values().forEach(points -> expired.addAll(RetentionRule.expired(points, policy.retention(), clock.instant())));
        if (!expired.isEmpty()) {
            restorePoints.expire(expired.stream().map(RestorePoint::id).toList(), clock.instant());
            forget(caller, policy, expired);
        }
        LOG.info("retention applied policy={} expired={} by={}", policy.name(), expired.size(), caller.username());
        return expired;
    }

    /**
     * Queues one FORGET per VM, node and repository of expired restore points, on the node that made
     * them (or, when it is gone, the node of the VM's hypervisor); the monitor deletes their records
     * once it succeeded.
     */
    private void forget(Caller caller, StoredPolicy policy, List<RestorePoint> expired) {
        Map<List<Object>, List<RestorePoint>> groups = new LinkedHashMap<>();
        for (RestorePoint point : expired) {
            groups.computeIfAbsent(Arrays.asList(point.vmId(), point.nodeId(), point.destination()), k -> new ArrayList<>())
                    .add(point);
        }
        for (List<RestorePoint> points : groups.values()) {
            RestorePoint first = points.getFirst();
            Hypervisor hypervisor = inventory.hypervisor(inventory.vm(first.vmId()).hypervisorId());
            UUID nodeId = nodeOf(first, hypervisor);
            Map<String, String> parameters = new HashMap<>();
            parameters.put("destination", first.destination());
            parameters.put("passphraseFile", policy.passphraseFile());
            parameters.put("restorePoints", String.join(",", points.stream().map(RestorePoint::id).toList()));
            Task task = tasks.submit(caller, new TaskRequest(TaskType.FORGET, nodeId, parameters));
            links.insert(new TaskLink(task.id(), TaskLink.Purpose.FORGET, first.vmId(), policy.id(), first.destination(),
                    null, null));
            LOG.info("forget queued task={} vm={} restorePoints={} policy={}", task.id(), first.vmName(), points.size(),
                    policy.name());
        }
    }

    private Task backup(Caller caller, Vm vm, UUID policyId, Map<String, String> parameters, Instant notAfter,
                        String window) {
        if (!vm.present()) {
            throw Errors.conflict("VM " + vm.name() + " has vanished from its hypervisor");
        }
        Hypervisor hypervisor = inventory.hypervisor(vm.hypervisorId());
        parameters.put("vm", vm.name());
        parameters.put("uri", hypervisor.uri());
        Task task = tasks.submit(caller, new TaskRequest(TaskType.BACKUP, hypervisor.nodeId(), parameters));
        links.insert(new TaskLink(task.id(), TaskLink.Purpose.BACKUP, vm.id(), policyId, parameters.get("destination"),
                null, null, notAfter, window));
        LOG.info("backup queued task={} vm={} policy={} by={}", task.id(), vm.name(), policyId, caller.username());
        return task;
    }

    /** Whether the policy's {@code fullEvery} asks for a full now: after {@code fullEvery - 1} incrementals. */
    private boolean fullDue(StoredPolicy policy, UUID vmId) {
        if (policy.fullEvery() <= 0) {
            return false;
        }
        int incrementals = 0;
        for (RestorePoint point : restorePoints.ofVm(vmId)) {
            if (!policy.id().equals(point.policyId())) {
                continue;
            }
            if ("FULL".equals(point.kind())) {
                return incrementals + 1 >= policy.fullEvery();
            }
            incrementals++;
        }
        return false;
    }

    /** The node that made a restore point, or the node of its VM's hypervisor when that one is gone. */
    private UUID nodeOf(RestorePoint point, Hypervisor hypervisor) {
        return point.nodeId() != null && nodes.status(point.nodeId()).isPresent() ? point.nodeId() : hypervisor.nodeId();
    }

    private Vm presentVm(UUID vmId) {
        Vm vm = inventory.vm(vmId);
        if (!vm.present()) {
            throw Errors.conflict("VM " + vm.name() + " has vanished from its hypervisor");
        }
        return vm;
    }

    private static String absolute(String path, String field) {
        String value = Errors.required(path, field).trim();
        if (!value.startsWith("/")) {
            throw Errors.badRequest(field + " must be an absolute path on the node");
        }
        return value;
    }

    private static void secret(Map<String, String> parameters, String passphrase, String passphraseFile) {
        if (passphraseFile != null && !passphraseFile.isBlank()) {
            parameters.put("passphraseFile", absolute(passphraseFile, "passphraseFile"));
        } else if (passphrase != null && !passphrase.isEmpty()) {
            parameters.put("passphrase", passphrase);
        } else {
            throw Errors.badRequest("passphrase or passphraseFile is required");
        }
    }
}
