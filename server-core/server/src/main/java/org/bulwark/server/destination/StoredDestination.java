package org.bulwark.server.destination;

import java.time.Instant;
import java.util.UUID;

/** A destination as registered: a name for a repository folder on a node. */
public record StoredDestination(UUID id, String name, UUID nodeId, String folder, Instant createdAt) {
}
