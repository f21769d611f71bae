package org.bulwark.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A hypervisor manager: a libvirt connection URI reached through a node.
 *
 * @param lastSyncAt when the inventory was last taken, {@code null} before the first sync
 * @param lastSyncMessage how the last sync went
 */
public record Hypervisor(UUID id, String name, UUID nodeId, String uri, Instant lastSyncAt, String lastSyncMessage) {
}
