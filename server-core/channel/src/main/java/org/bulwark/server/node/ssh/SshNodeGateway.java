package org.bulwark.server.node.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.bulwark.api.node.KeyPairFile;
import org.bulwark.api.node.NodeError;
import org.bulwark.api.node.NodeProtocol;
import org.bulwark.api.node.NodeStatus;
import org.bulwark.api.node.TaskSubmission;
import org.bulwark.server.node.Enrollment;
import org.bulwark.server.node.NodeAddress;
import org.bulwark.server.node.NodeException;
import org.bulwark.server.node.NodeException.Reason;
import org.bulwark.server.node.NodeGateway;
import org.bulwark.server.node.NodeListener;
import org.bulwark.server.node.TaskEvents;
import org.bulwark.server.node.TaskOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSH adapter of {@link NodeGateway} (Apache MINA SSHD client). The server's key pair lives
 * in one file (created 0600 on first use); every node's host key is pinned at enrollment.
 * Task calls travel through a local tunnel of the node's session to its loopback task API.
 */
public final class SshNodeGateway implements NodeGateway {
    private static final Logger LOG = LoggerFactory.getLogger(SshNodeGateway.class);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(10);

    private final ChannelSettings settings;
    private final SshConnector connector;
    private final Map<UUID, NodeConnection> connections = new ConcurrentHashMap<>();
    private final ExecutorService watchers = Executors.newVirtualThreadPerTaskExecutor();

    /** A gateway with {@link ChannelSettings#DEFAULTS}. */
    public SshNodeGateway(Path serverKeyFile) throws IOException {
        this(serverKeyFile, ChannelSettings.DEFAULTS);
    }

    /** @param serverKeyFile the server's key pair; created if missing */
    public SshNodeGateway(Path serverKeyFile, ChannelSettings settings) throws IOException {
        this.settings = settings;
        Path folder = serverKeyFile.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        this.connector = new SshConnector(KeyPairFile.loadOrCreate(serverKeyFile), settings);
    }

    /** The server's public key in OpenSSH form (what enrolled nodes accept). */
    public String serverPublicKey() {
        return connector.serverPublicKey();
    }

    @Override
    public Enrollment enroll(String host, int port, String enrollmentToken) throws NodeException {
        HostKeyCheck capture = HostKeyCheck.capture();
        try (ClientSession session = connector.login(host, port, NodeProtocol.ENROLL_USER, enrollmentToken, capture)) {
            session.executeRemoteCommand(NodeProtocol.ENROLL_COMMAND + " " + connector.serverPublicKey());
        } catch (IOException e) {
            throw new NodeException(Reason.REJECTED, host + ":" + port + " refused the enrollment: " + e.getMessage(), e);
        }
        PublicKey hostKey = capture.presented();
        try (Link link = connector.open(host, port, hostKey)) {
            NodeStatus status = link.api().node();
            String fingerprint = KeyUtils.getFingerPrint(hostKey);
            LOG.info("Enrolled node {} at {}:{}, host key {}", status.name(), host, port, fingerprint);
            return new Enrollment(PublicKeyEntry.toString(hostKey), fingerprint, NodeConnection.info(status));
        } catch (IOException | NodeRefusal e) {
            throw new NodeException(Reason.FAILED, "enrolled " + host + ":" + port + " but could not read its status: " + e.getMessage(), e);
        }
    }

    @Override
    public void attach(NodeAddress node, NodeListener listener) {
        NodeConnection connection = new NodeConnection(node, listener, connector, settings);
        NodeConnection previous = connections.put(node.id(), connection);
        if (previous != null) {
            previous.detach();
        }
        connection.start();
    }

    @Override
    public void detach(UUID nodeId) {
        NodeConnection connection = connections.remove(nodeId);
        if (connection != null) {
            connection.detach();
        }
    }

    @Override
    public void submit(UUID nodeId, TaskOrder order, TaskEvents events) throws NodeException {
        NodeConnection connection = connection(nodeId);
        try {
            connection.current().api().submit(new TaskSubmission(order.taskId(), order.type(), order.parameters()));
        } catch (NodeRefusal refusal) {
            throw new NodeException(Reason.REJECTED, refusal.getMessage());
        } catch (IOException e) {
            watch(connection, order, events);
            throw new NodeException(Reason.UNCONFIRMED, "submission of task " + order.taskId()
                    + " broke off; the node may have started it: " + e.getMessage(), e);
        }
        watch(connection, order, events);
    }

    private void watch(NodeConnection connection, TaskOrder order, TaskEvents events) {
        Duration wait = settings.heartbeatInterval().compareTo(LONGEST_POLL) < 0 ? settings.heartbeatInterval() : LONGEST_POLL;
        watchers.execute(new TaskWatcher(connection, order.taskId(), events, wait));
    }

    @Override
    public void cancel(UUID nodeId, UUID taskId) throws NodeException {
        try {
            connection(nodeId).current().api().cancel(taskId);
        } catch (NodeRefusal refusal) {
            throw new NodeException(Reason.REJECTED, refusal.error().code() == NodeError.Code.UNKNOWN_TASK
                    ? "the node does not know task " + taskId : refusal.getMessage());
        } catch (IOException e) {
            throw new NodeException(Reason.FAILED, "cancel of task " + taskId + " broke off: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream get(UUID nodeId, String pathAndQuery) throws NodeException {
        if (!pathAndQuery.startsWith("/") || pathAndQuery.startsWith("//")) {
            throw new IllegalArgumentException("not a path on the node's API: " + pathAndQuery);
        }
        try {
            return connection(nodeId).current().api().stream(pathAndQuery);
        } catch (NodeRefusal refusal) {
            throw new NodeException(refusal.status() == 404 ? Reason.NOT_FOUND : Reason.REJECTED, refusal.getMessage());
        } catch (IOException e) {
            throw new NodeException(Reason.FAILED, "GET " + pathAndQuery.split("\\?", 2)[0] + " broke off: " + e.getMessage(), e);
        }
    }

    private NodeConnection connection(UUID nodeId) throws NodeException {
        NodeConnection connection = connections.get(nodeId);
        if (connection == null) {
            throw new NodeException(Reason.NOT_CONNECTED, "node " + nodeId + " is not attached");
        }
        return connection;
    }

    @Override
    public void close() {
        connections.values().forEach(NodeConnection::detach);
        connections.clear();
        watchers.shutdownNow();
        connector.close();
    }
}
