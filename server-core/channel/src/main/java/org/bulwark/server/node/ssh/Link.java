package org.bulwark.server.node.ssh;

import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;

/** One logged-in SSH session to a node with its tunnel to the task API. Closing it closes the tunnel. */
final class Link implements AutoCloseable {
    private final ClientSession session;
    private final NodeApiClient api;

    Link(ClientSession session, NodeApiClient api) {
        this.session = session;
        this.api = api;
    }

    NodeApiClient api() {
        return api;
    }

    boolean isOpen() {
        return session.isOpen() && !session.isClosing();
    }

    /** Waits until the session closes or {@code max} passes. */
    void awaitClosed(Duration max) {
        session.waitFor(EnumSet.of(ClientSessionEvent.CLOSED), max);
    }

    @Override
    public void close() {
        session.close(true);
    }
}
