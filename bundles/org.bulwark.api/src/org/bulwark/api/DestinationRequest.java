package org.bulwark.api;

import java.util.UUID;

/**
 * Registers a destination.
 *
 * @param name unique name operators know it by, e.g. {@code primary-nas}
 * @param nodeId the node that writes to it
 * @param folder absolute path of the repository folder on that node
 */
public record DestinationRequest(String name, UUID nodeId, String folder) {
}
