package org.bulwark.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A node (data mover) enrolled with the server.
 *
 * @param hostKeyFingerprint SHA-256 fingerprint of the node's SSH host key, pinned at enrollment
 * @param capacity how many tasks the node runs at once
 * @param statusMessage why the node is offline, or empty
 */
public record Node(UUID id, String name, String host, int sshPort, NodeState state, String version,
                   int capacity, int runningTasks, String hostKeyFingerprint, Instant lastSeen,
                   String statusMessage) {
}
