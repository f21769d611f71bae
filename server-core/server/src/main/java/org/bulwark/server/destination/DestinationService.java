package org.bulwark.server.destination;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.bulwark.api.Destination;
import org.bulwark.api.DestinationRequest;
import org.bulwark.api.Policy;
import org.bulwark.api.RestorePoint;
import org.bulwark.server.errors.Errors;
import org.bulwark.server.fleet.NodeRegistry;
import org.bulwark.server.policy.PolicyService;
import org.bulwark.server.restorepoint.RestorePointStore;
import org.bulwark.server.user.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of backup destinations: named repository folders on nodes. Each is listed with
 * what the restore points its node keeps there hold and with the policies that back up into its
 * folder; one in use by a policy cannot be removed.
 */
public final class DestinationService {
    private static final Logger LOG = LoggerFactory.getLogger(DestinationService.class);

    private final DestinationStore store;
    private final NodeRegistry nodes;
    private final PolicyService policies;
    private final RestorePointStore restorePoints;
    private final Clock clock;

    public DestinationService(DestinationStore store, NodeRegistry nodes, PolicyService policies,
                              RestorePointStore restorePoints, Clock clock) {
        this.store = store;
        this.nodes = nodes;
        this.policies = policies;
        this.restorePoints = restorePoints;
        this.clock = clock;
    }

    /** Every destination by name, with its usage. */
    public List<Destination> list() {
        List<RestorePoint> points = restorePoints.list();
        List<Policy> all = policies.list();
        return store.list().stream().map(destination -> usage(destination, points, all)).toList();
    }

    /** Registers a destination; see {@code DestinationResource#add} for the refusals. */
    public Destination add(Caller caller, DestinationRequest request) {
        Errors.required(request, "destination");
        String name = Errors.required(request.name(), "name").strip();
        UUID nodeId = Errors.required(request.nodeId(), "nodeId");
        String folder = folder(Errors.required(request.folder(), "folder"));
        if (name.isEmpty()) {
            throw Errors.badRequest("name must not be empty");
        }
        if (nodes.status(nodeId).isEmpty()) {
            throw Errors.notFound("No node " + nodeId);
        }
        for (StoredDestination existing : store.list()) {
            if (existing.name().equalsIgnoreCase(name)) {
                throw Errors.conflict("A destination named " + existing.name() + " exists already");
            }
            if (existing.nodeId().equals(nodeId) && existing.folder().equals(folder)) {
                throw Errors.conflict(folder + " on that node is registered already as " + existing.name());
            }
        }
        StoredDestination destination = new StoredDestination(UUID.randomUUID(), name, nodeId, folder, clock.instant());
        store.insert(destination);
        LOG.info("destination added name={} node={} folder={} by={}", name, nodeId, folder, caller.username());
        return usage(destination, restorePoints.list(), policies.list());
    }

    /** Forgets a destination; 404 for an unknown one, 409 while a policy backs up into its folder. */
    public void remove(Caller caller, UUID id) {
        StoredDestination destination = store.find(id).orElseThrow(() -> Errors.notFound("No destination " + id));
        List<String> usedBy = usedBy(destination, policies.list());
        if (!usedBy.isEmpty()) {
            throw Errors.conflict("Destination " + destination.name() + " is in use by policy " + String.join(", ", usedBy)
                    + ": give the policy another destination first");
        }
        store.delete(id);
        LOG.info("destination removed name={} by={}", destination.name(), caller.username());
    }

    private Destination usage(StoredDestination destination, List<RestorePoint> points, List<Policy> all) {
        List<RestorePoint> kept = points.stream().filter(point -> destination.nodeId().equals(point.nodeId())
                && destination.folder().equals(normalized(point.destination()))).toList();
        long logical = kept.stream().mapToLong(RestorePoint::logicalBytes).sum();
        long stored = kept.stream().mapToLong(RestorePoint::bytesWritten).sum();
        String nodeName = nodes.status(destination.nodeId()).map(status -> status.node().name()).orElse(null);
        return new Destination(destination.id(), destination.name(), destination.nodeId(), nodeName, destination.folder(),
                destination.createdAt(), kept.size(), logical, stored, stored == 0 ? 0 : (double) logical / stored,
                usedBy(destination, all));
    }

    private static List<String> usedBy(StoredDestination destination, List<Policy> all) {
        return all.stream().filter(policy -> destination.folder().equals(normalized(policy.destination())))
                .map(Policy::name).sorted().toList();
    }

    /** The folder as registered: absolute, normalized, without a trailing slash; 400 otherwise. */
    private static String folder(String folder) {
        String normalized = normalized(folder);
        if (normalized == null || !normalized.startsWith("/")) {
            throw Errors.badRequest("folder must be an absolute path on the node, not '" + folder + "'");
        }
        return normalized;
    }

    private static String normalized(String folder) {
        if (folder == null || folder.isBlank()) {
            return null;
        }
        try {
            return Objects.toString(Path.of(folder.strip()).normalize());
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
