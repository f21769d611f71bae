package org.bulwark.server.fleet;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bulwark.api.Node;
import org.bulwark.api.NodeEnrollment;
import org.bulwark.api.NodeState;
import org.bulwark.server.errors.Errors;
import org.bulwark.server.node.Enrollment;
import org.bulwark.server.node.NodeException;
import org.bulwark.server.node.NodeGateway;
import org.bulwark.server.node.NodeInfo;
import org.bulwark.server.node.NodeListener;
import org.bulwark.server.user.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrolled nodes and their live state. Enrollment goes through the {@link NodeGateway}
 * (which pins the node's host key); the state comes from the gateway's {@link NodeListener}
 * callbacks and is kept in memory: every node starts {@code CONNECTING} when the server starts.
 */
public final class NodeRegistry implements NodeListener {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRegistry.class);

    /**
     * What the server currently knows of a node.
     *
     * @param offlineSince when the node was last seen going offline, or {@code null} while online
     */
    public record Status(EnrolledNode node, NodeState state, NodeInfo info, Instant lastSeen, String message,
                         Instant offlineSince) {

        /** How many more tasks the node takes, by its declared capacity. */
        public int capacity() {
            return info == null ? 0 : info.capacity();
        }

        Node toNode() {
            return new Node(node.id(), node.name(), node.host(), node.sshPort(), state,
                    info == null ? null : info.version(), capacity(), info == null ? 0 : info.runningTasks(),
                    node.hostKeyFingerprint(), lastSeen, message == null ? "" : message);
        }
    }

    private final NodeStore store;
    private final NodeGateway gateway;
    private final Clock clock;
    private final Map<UUID, Status> live = new ConcurrentHashMap<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    public NodeRegistry(NodeStore store, NodeGateway gateway, Clock clock) {
        this.store = store;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** Attaches every enrolled node; called once at server start. */
    public void start() {
        for (EnrolledNode node : store.list()) {
            live.put(node.id(), new Status(node, NodeState.CONNECTING, null, null, "connecting", clock.instant()));
            gateway.attach(node.address(), this);
        }
        LOG.info("nodes attached count={}", live.size());
    }

    /** Runs {@code listener} (on a gateway thread) whenever a node comes online, beats or goes offline. */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /**
     * Enrolls a node: 400 for missing fields, 409 when its name or endpoint is enrolled already,
     * 403 when the node refuses the token, 502 when it cannot be reached.
     */
    public Node enroll(Caller caller, NodeEnrollment request) {
        Errors.required(request, "enrollment");
        String host = Errors.required(request.host(), "host").trim();
        if (request.sshPort() < 1 || request.sshPort() > 65535) {
            throw Errors.badRequest("sshPort must be between 1 and 65535");
        }
        String token = Errors.required(request.enrollmentToken(), "enrollmentToken");
        String requestedName = request.name() == null || request.name().isBlank() ? null : request.name().trim();
        if (requestedName != null && requestedName.length() > 128) {
            throw Errors.badRequest("name must have at most 128 characters");
        }
        if (store.exists(requestedName, host, request.sshPort())) {
            throw Errors.conflict("A node with this name or endpoint is enrolled already");
        }
        Enrollment enrollment;
        try {
            enrollment = gateway.enroll(host, request.sshPort(), token);
        } catch (NodeException e) {
            LOG.warn("enrollment failed host={} port={} reason={} message={}", host, request.sshPort(), e.reason(), e.getMessage());
            throw NodeFailures.toApi(host + ":" + request.sshPort(), e);
        }
        String name = requestedName != null ? requestedName : enrollment.info().name();
        EnrolledNode node = new EnrolledNode(UUID.randomUUID(), name, host, request.sshPort(), enrollment.hostKey(),
                enrollment.hostKeyFingerprint(), clock.instant());
        if (!store.insert(node)) {
            throw Errors.conflict("A node named " + name + " is enrolled already");
        }
        Status status = new Status(node, NodeState.CONNECTING, enrollment.info(), clock.instant(), "connecting", clock.instant());
        live.put(node.id(), status);
        gateway.attach(node.address(), this);
        LOG.info("node enrolled node={} id={} host={} port={} fingerprint={} by={}", name, node.id(), host,
                request.sshPort(), enrollment.hostKeyFingerprint(), caller.username());
        return status.toNode();
    }

    public List<Node> list() {
        return live.values().stream().map(Status::toNode)
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
    }

    public Node get(UUID id) {
        return status(id).orElseThrow(() -> Errors.notFound("No node " + id)).toNode();
    }

    /** The live state of a node, empty if it is not enrolled. */
    public Optional<Status> status(UUID id) {
        return Optional.ofNullable(live.get(id));
    }

    /** Nodes currently online. */
    public List<Status> online() {
        return live.values().stream().filter(s -> s.state() == NodeState.ONLINE).toList();
    }

    /** Forgets a node and closes its channel. */
    public void remove(Caller caller, UUID id) {
        if (!store.delete(id)) {
            throw Errors.notFound("No node " + id);
        }
        Status removed = live.remove(id);
        gateway.detach(id);
        LOG.info("node removed node={} id={} by={}", removed == null ? "?" : removed.node().name(), id, caller.username());
        fireChange();
    }

    @Override
    public void online(UUID nodeId, NodeInfo info) {
        Status before = live.get(nodeId);
        Status after = live.computeIfPresent(nodeId,
                (id, s) -> new Status(s.node(), NodeState.ONLINE, info, clock.instant(), "", null));
        if (after == null) {
            return;
        }
        if (before.state() != NodeState.ONLINE) {
            LOG.info("node online node={} id={} version={} capacity={}", after.node().name(), nodeId, info.version(), info.capacity());
        }
        fireChange();
    }

    @Override
    public void offline(UUID nodeId, String reason) {
        Status before = live.get(nodeId);
        Status after = live.computeIfPresent(nodeId, (id, s) -> new Status(s.node(), NodeState.OFFLINE, s.info(),
                s.lastSeen(), reason, s.offlineSince() != null ? s.offlineSince() : clock.instant()));
        if (after == null) {
            return;
        }
        if (before.state() != NodeState.OFFLINE) {
            LOG.warn("node offline node={} id={} reason={}", after.node().name(), nodeId, reason);
        }
        fireChange();
    }

    private void fireChange() {
        for (Runnable listener : changeListeners) {
            listener.run();
        }
    }
}
