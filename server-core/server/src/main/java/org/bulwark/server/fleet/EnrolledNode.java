package org.bulwark.server.fleet;

import java.time.Instant;
import java.util.UUID;
import org.bulwark.server.node.NodeAddress;

/** A node as stored at enrollment, with its pinned SSH host key. */
public record EnrolledNode(UUID id, String name, String host, int sshPort, String hostKey,
                           String hostKeyFingerprint, Instant enrolledAt) {

    NodeAddress address() {
        return new NodeAddress(id, host, sshPort, hostKey);
    }
}
