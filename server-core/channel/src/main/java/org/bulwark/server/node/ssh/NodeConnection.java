package org.bulwark.server.node.ssh;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.UUID;
import org.bulwark.api.node.NodeStatus;
import org.bulwark.server.node.NodeAddress;
import org.bulwark.server.node.NodeException;
import org.bulwark.server.node.NodeException.Reason;
import org.bulwark.server.node.NodeInfo;
import org.bulwark.server.node.NodeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel to one attached node: connects, heartbeats, and after a loss reconnects with
 * exponential back-off until detached. Tells the listener every change.
 */
final class NodeConnection {
    private static final Logger LOG = LoggerFactory.getLogger(NodeConnection.class);

    private final NodeAddress address;
    private final NodeListener listener;
    private final SshConnector connector;
    private final ChannelSettings settings;
    private volatile boolean detached;
    private Link link;
    private NodeException lastFailure = new NodeException(Reason.NOT_CONNECTED, "connecting");
    private Thread loop;

    NodeConnection(NodeAddress address, NodeListener listener, SshConnector connector, ChannelSettings settings) {
        this.address = address;
        this.listener = listener;
        this.connector = connector;
        this.settings = settings;
    }

    UUID nodeId() {
        return address.id();
    }

    synchronized void start() {
        loop = Thread.ofVirtual().name("node-" + address.id()).start(this::run);
    }

    /** Stops reconnecting and closes the link. */
    void detach() {
        detached = true;
        Thread thread;
        Link current;
        synchronized (this) {
            thread = loop;
            current = link;
            notifyAll();
        }
        if (current != null) {
            current.close();
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    boolean isDetached() {
        return detached;
    }

    /**
     * The open link, or an exception saying why there is none (HOST_KEY_MISMATCH after a
     * changed host key, else NOT_CONNECTED).
     */
    synchronized Link current() throws NodeException {
        if (link != null && link.isOpen()) {
            return link;
        }
        Reason reason = lastFailure.reason() == Reason.HOST_KEY_MISMATCH ? Reason.HOST_KEY_MISMATCH : Reason.NOT_CONNECTED;
        throw new NodeException(reason, "node " + address.id() + " is not connected: " + lastFailure.getMessage());
    }

    /** Waits for an open link; null once detached. */
    synchronized Link awaitLink() throws InterruptedException {
        while (!detached && (link == null || !link.isOpen())) {
            wait(settings.heartbeatInterval().toMillis());
        }
        return detached ? null : link;
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        String reported = null;
        while (!detached) {
            String reason;
            try (Link opened = connect()) {
                if (detached) {
                    return;
                }
                NodeStatus first = opened.api().node();
                publish(opened);
                listener.online(address.id(), info(first));
                reported = null;
                backoff = Duration.ZERO;
                reason = heartbeat(opened);
            } catch (NodeException e) {
                reason = e.getMessage();
                failed(e);
            } catch (IOException | NodeRefusal e) {
                reason = "connection lost: " + e.getMessage();
                failed(new NodeException(Reason.FAILED, reason, e));
            } catch (RuntimeException e) {
                LOG.warn("Channel to node {} broke", address.id(), e);
                reason = "channel error: " + e;
                failed(new NodeException(Reason.FAILED, reason, e));
            } finally {
                publish(null);
            }
            if (detached) {
                return;
            }
            if (!reason.equals(reported)) {
                LOG.info("Node {} offline: {}", address.id(), reason);
                listener.offline(address.id(), reason);
                reported = reason;
            }
            backoff = settings.nextBackoff(backoff);
            if (!pause(backoff)) {
                return;
            }
        }
    }

    private Link connect() throws NodeException {
        PublicKey pinned = SshConnector.parseHostKey(address.hostKey());
        return connector.open(address.host(), address.port(), pinned);
    }

    /** Heartbeats until the link breaks; returns why it broke. */
    private String heartbeat(Link opened) throws IOException, NodeRefusal {
        while (!detached) {
            opened.awaitClosed(settings.heartbeatInterval());
            if (detached) {
                break;
            }
            if (!opened.isOpen()) {
                failed(new NodeException(Reason.NOT_CONNECTED, "connection lost"));
                return "connection lost";
            }
            listener.online(address.id(), info(opened.api().node()));
        }
        return "detached";
    }

    private synchronized void publish(Link opened) {
        link = opened;
        notifyAll();
    }

    private synchronized void failed(NodeException failure) {
        lastFailure = failure;
    }

    private synchronized boolean pause(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            for (long left = wait.toNanos(); !detached && left > 0; left = deadline - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
            return !detached;
        } catch (InterruptedException e) {
            return false;
        }
    }

    static NodeInfo info(NodeStatus status) {
        return new NodeInfo(status.name(), status.version(), status.capacity(), status.runningTasks());
    }
}
