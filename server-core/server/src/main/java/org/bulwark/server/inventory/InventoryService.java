package org.bulwark.server.inventory;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bulwark.api.Hypervisor;
import org.bulwark.api.HypervisorRequest;
import org.bulwark.api.Vm;
import org.bulwark.server.errors.Errors;
import org.bulwark.server.fleet.NodeRegistry;
import org.bulwark.server.user.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hypervisor managers and their VMs. A sync replaces what is known of each VM with what the
 * hypervisor reported (matched by the hypervisor's UUID, else by name); VMs it no longer reports
 * are marked vanished, never deleted, so their restore points keep their VM.
 */
public final class InventoryService {
    /** The node's own hypervisor. */
    public static final String LOCAL_URI = "qemu:///system";
    private static final Logger LOG = LoggerFactory.getLogger(InventoryService.class);

    private final InventoryStore store;
    private final NodeRegistry nodes;
    private final Clock clock;

    public InventoryService(InventoryStore store, NodeRegistry nodes, Clock clock) {
        this.store = store;
        this.nodes = nodes;
        this.clock = clock;
    }

    /** Adds a hypervisor: 400 for a missing name or a URI that is not a libvirt URI, 404 for an unknown node, 409 for a name in use. */
    public Hypervisor add(Caller caller, HypervisorRequest request) {
        Errors.required(request, "hypervisor");
        String name = Errors.required(request.name(), "name").trim();
        UUID nodeId = Errors.required(request.nodeId(), "nodeId");
        if (name.length() > 128) {
            throw Errors.badRequest("name must have at most 128 characters");
        }
        nodes.get(nodeId);
        String uri = request.uri() == null || request.uri().isBlank() ? LOCAL_URI : request.uri().trim();
        try {
            if (URI.create(uri).getScheme() == null || !URI.create(uri).getScheme().startsWith("qemu")) {
                throw Errors.badRequest("uri must be a libvirt QEMU URI such as qemu:///system or qemu+ssh://host/system, not " + uri);
            }
        } catch (IllegalArgumentException e) {
            throw Errors.badRequest("uri is not a URI: " + uri);
        }
        Hypervisor hypervisor = new Hypervisor(UUID.randomUUID(), name, nodeId, uri, null, "never synced");
        if (!store.insert(hypervisor)) {
            throw Errors.conflict("A hypervisor named " + name + " exists already");
        }
        LOG.info("hypervisor added name={} node={} uri={} by={}", name, nodeId, uri, caller.username());
        return hypervisor;
    }

    public List<Hypervisor> hypervisors() {
        return store.hypervisors();
    }

    public Hypervisor hypervisor(UUID id) {
        return store.hypervisor(id).orElseThrow(() -> Errors.notFound("No hypervisor " + id));
    }

    public void remove(Caller caller, UUID id) {
        if (!store.delete(id)) {
            throw Errors.notFound("No hypervisor " + id);
        }
        LOG.info("hypervisor removed id={} by={}", id, caller.username());
    }

    /** Whether a URI names the hypervisor of the node's own host (rather than a remote one every node can reach). */
    public static boolean isLocal(String uri) {
        String host = URI.create(uri).getHost();
        return host == null || host.isEmpty();
    }

    public List<Vm> vms() {
        return store.vms();
    }

    public Vm vm(UUID id) {
        return store.vm(id).orElseThrow(() -> Errors.notFound("No VM " + id));
    }

    /** Applies an INVENTORY result of a hypervisor. */
    public void apply(UUID hypervisorId, List<ReportedVm> reported) {
        if (store.hypervisor(hypervisorId).isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Vm> byUuid = new HashMap<>();
        Map<String, Vm> byName = new HashMap<>();
        List<Vm> known = store.vmsOf(hypervisorId);
        known.forEach(vm -> {
            byUuid.put(vm.uuid(), vm);
            byName.put(vm.name(), vm);
        });
        Map<UUID, Boolean> seen = new HashMap<>();
        for (ReportedVm r : reported) {
            Vm before = byUuid.getOrDefault(r.uuid(), byName.get(r.name()));
            UUID id = before == null ? UUID.randomUUID() : before.id();
            seen.put(id, true);
            store.save(new Vm(id, hypervisorId, r.name(), r.uuid(), r.state(), r.vcpus(), r.memoryBytes(), r.disks(),
                    r.tags(), true, now));
        }
        int vanished = 0;
        for (Vm vm : known) {
            if (!seen.containsKey(vm.id()) && vm.present()) {
                store.save(new Vm(vm.id(), hypervisorId, vm.name(), vm.uuid(), "VANISHED", vm.vcpus(), vm.memoryBytes(),
                        vm.disks(), vm.tags(), false, vm.lastSeenAt()));
                vanished++;
            }
        }
        store.recordSync(hypervisorId, now, reported.size() + " VMs, " + vanished + " vanished");
        LOG.info("inventory synced hypervisor={} vms={} vanished={}", hypervisorId, reported.size(), vanished);
    }

    /** Records a sync that failed; the VMs stay as they were. */
    public void syncFailed(UUID hypervisorId, String message) {
        store.recordSync(hypervisorId, clock.instant(), "sync failed: " + message);
    }
}
