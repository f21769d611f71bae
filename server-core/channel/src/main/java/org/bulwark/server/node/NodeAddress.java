package org.bulwark.server.node;

import java.util.UUID;

/** Where an enrolled node listens and the host key pinned for it. */
public record NodeAddress(UUID id, String host, int port, String hostKey) {
}
