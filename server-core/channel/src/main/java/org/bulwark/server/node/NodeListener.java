package org.bulwark.server.node;

import java.util.UUID;

/** Receives the state of attached nodes, on gateway threads. */
public interface NodeListener {

    /** The channel is up, or a heartbeat arrived. */
    void online(UUID nodeId, NodeInfo info);

    /** The channel is down (lost, refused, host key changed); the gateway keeps retrying unless detached. */
    void offline(UUID nodeId, String reason);
}
