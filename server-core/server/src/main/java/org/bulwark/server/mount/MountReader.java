package org.bulwark.server.mount;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bulwark.api.MountEntry;
import org.bulwark.server.node.NodeException;

/**
 * What a node answers about its mounts (a port; the adapter asks the node's API through the node
 * channel). Paths are guest paths already checked by {@link GuestPath}.
 */
public interface MountReader {

    /** The ids of the mounts the node has open now. */
    Set<UUID> open(UUID nodeId) throws NodeException;

    /** Entries of a folder. */
    List<MountEntry> list(UUID nodeId, UUID mountId, int partition, String path) throws NodeException;

    /** Entries below {@code under} whose name contains {@code namePart} ignoring case, at most {@code limit}. */
    List<MountEntry> search(UUID nodeId, UUID mountId, int partition, String under, String namePart, int limit)
            throws NodeException;

    /** What one path is. */
    MountEntry stat(UUID nodeId, UUID mountId, int partition, String path) throws NodeException;

    /** A regular file's bytes as the node streams them; the caller closes the stream. */
    InputStream file(UUID nodeId, UUID mountId, int partition, String path) throws NodeException;

    /** A folder as a zip as the node streams it; the caller closes the stream. */
    InputStream zip(UUID nodeId, UUID mountId, int partition, String path) throws NodeException;
}
