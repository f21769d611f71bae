package org.bulwark.server.node;

import java.io.InputStream;
import java.util.UUID;

/**
 * The server's only way to reach nodes (a port of the domain). The SSH adapter implements it:
 * it pins each node's host key at enrollment, keeps one SSH connection per node with
 * heartbeats and reconnects with back-off, and carries every call to the node's loopback
 * task API through direct-tcpip tunnels.
 */
public interface NodeGateway extends AutoCloseable {

    /**
     * First contact with a node: connects to {@code host:port}, records the node's host key,
     * and presents the server's public key with the node's one-time enrollment token.
     *
     * @throws NodeException with {@link NodeException.Reason#REJECTED} for a wrong or used token,
     *         {@link NodeException.Reason#UNREACHABLE} when nothing answers
     */
    Enrollment enroll(String host, int port, String enrollmentToken) throws NodeException;

    /**
     * Keeps a channel to an enrolled node open from now on, reconnecting with back-off; every
     * change of its state (and every heartbeat) goes to {@code listener}. A node whose host key
     * differs from {@link NodeAddress#hostKey()} is refused and reported offline.
     */
    void attach(NodeAddress node, NodeListener listener);

    /** Closes the channel to a node and stops reconnecting. */
    void detach(UUID nodeId);

    /**
     * Hands a task to the node. Returns once the node accepted it; progress, the result or the
     * failure arrive through {@code events}, on another thread.
     *
     * @throws NodeException when the node is not connected or refuses the task; with
     *         {@link NodeException.Reason#UNCONFIRMED} when the submission broke off: the task is
     *         followed all the same, so its events arrive if the node took it, and a node that does
     *         not know it reports it lost
     */
    void submit(UUID nodeId, TaskOrder order, TaskEvents events) throws NodeException;

    /** Asks the node to stop a task; the task's events report the cancellation. */
    void cancel(UUID nodeId, UUID taskId) throws NodeException;

    /**
     * A read-only {@code GET} on the node's task API (e.g. {@code /mounts/ID/partitions/1/list?path=%2Fetc});
     * returns the answer's body as a stream, which the caller closes. Query values must be URL-encoded.
     *
     * @throws NodeException {@link NodeException.Reason#NOT_FOUND} when the node answered 404,
     *         {@link NodeException.Reason#REJECTED} for other refusals (with the node's message),
     *         {@link NodeException.Reason#NOT_CONNECTED} or {@link NodeException.Reason#FAILED} when it could not be asked
     */
    InputStream get(UUID nodeId, String pathAndQuery) throws NodeException;

    @Override
    void close();
}
