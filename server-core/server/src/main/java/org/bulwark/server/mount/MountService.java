package org.bulwark.server.mount;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bulwark.api.ApiException;
import org.bulwark.api.Mount;
import org.bulwark.api.MountEntry;
import org.bulwark.api.NodeState;
import org.bulwark.server.errors.Errors;
import org.bulwark.server.fleet.NodeRegistry;
import org.bulwark.server.node.NodeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open mounts and their files: records kept from MOUNT results, browsing and downloads read
 * from the mount's node. A mount its node no longer has (it was unmounted there, or the node
 * restarted) is forgotten as soon as the node says so. Paths are checked by {@link GuestPath}.
 */
public final class MountService {
    /** Most entries a search answers. */
    public static final int MAX_FOUND = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(MountService.class);

    private final MountStore store;
    private final MountReader reader;
    private final NodeRegistry nodes;

    public MountService(MountStore store, MountReader reader, NodeRegistry nodes) {
        this.store = store;
        this.reader = reader;
        this.nodes = nodes;
    }

    /** Records a mount a MOUNT task opened. */
    public void opened(Mount mount) {
        store.insert(mount);
        LOG.info("mount recorded id={} restorePoint={} disk={} node={}", mount.id(), mount.restorePointId(), mount.disk(),
                mount.nodeName());
    }

    /** Forgets a mount that an UNMOUNT closed. */
    public void closed(UUID id) {
        store.delete(id);
        LOG.info("mount forgotten id={}", id);
    }

    /** The open mounts, newest first; mounts that their online node no longer has are forgotten first. */
    public List<Mount> list() {
        List<Mount> mounts = store.list();
        Set<UUID> asked = new HashSet<>();
        for (Mount mount : mounts) {
            if (online(mount.nodeId()) && asked.add(mount.nodeId())) {
                try {
                    Set<UUID> open = reader.open(mount.nodeId());
                    mounts.stream().filter(m -> m.nodeId().equals(mount.nodeId()) && !open.contains(m.id()))
                            .forEach(this::gone);
                } catch (NodeException e) {
                    LOG.warn("mounts of node {} not checked: {}", mount.nodeName(), e.getMessage());
                }
            }
        }
        return asked.isEmpty() ? mounts : store.list();
    }

    /** One open mount; 404 when there is none by that id. */
    public Mount get(UUID id) {
        return store.find(Errors.required(id, "mount id")).orElseThrow(() -> Errors.notFound("No mount " + id));
    }

    /** Entries of the folder {@code path} (default {@code /}). */
    public List<MountEntry> list(UUID id, int partition, String path) {
        Mount mount = get(id);
        String folder = GuestPath.of(path, "/");
        return ask(mount, () -> reader.list(mount.nodeId(), id, partition, folder));
    }

    /** Entries below {@code under} (default {@code /}) whose name contains {@code namePart}; at most {@code limit} (default and cap {@value #MAX_FOUND}). */
    public List<MountEntry> search(UUID id, int partition, String under, String namePart, int limit) {
        Mount mount = get(id);
        String folder = GuestPath.of(under, "/");
        if (namePart == null || namePart.isBlank()) {
            throw Errors.badRequest("name is required: a part of the names to find");
        }
        int max = limit <= 0 || limit > MAX_FOUND ? MAX_FOUND : limit;
        return ask(mount, () -> reader.search(mount.nodeId(), id, partition, folder, namePart, max));
    }

    /** What one path is: 404 when it does not exist. */
    public MountEntry stat(UUID id, int partition, String path) {
        Mount mount = get(id);
        String file = GuestPath.of(path, null);
        return ask(mount, () -> reader.stat(mount.nodeId(), id, partition, file));
    }

    /** A regular file's bytes streamed from the node (the caller closes the stream): 400 for a folder, 404 for no file. */
    public InputStream file(UUID id, int partition, String path) {
        Mount mount = get(id);
        String file = GuestPath.of(path, null);
        return ask(mount, () -> reader.file(mount.nodeId(), id, partition, file));
    }

    /** A folder as a zip streamed from the node (the caller closes the stream): 400 for a file, 404 for no folder. */
    public InputStream zip(UUID id, int partition, String path) {
        Mount mount = get(id);
        String folder = GuestPath.of(path, null);
        return ask(mount, () -> reader.zip(mount.nodeId(), id, partition, folder));
    }

    /** A read on the node. */
    @FunctionalInterface
    private interface Read<T> {
        T run() throws NodeException;
    }

    /**
     * Asks the mount's node: 404 when the node has no such path, partition or mount (a mount the node
     * no longer has is forgotten), 400 for what the node refused, 502 when the node cannot be asked.
     */
    private <T> T ask(Mount mount, Read<T> read) {
        if (!online(mount.nodeId())) {
            throw Errors.nodeUnreachable("Node " + mount.nodeName() + " of mount " + mount.id()
                    + " is offline: its files can be read again once it is back");
        }
        try {
            return read.run();
        } catch (NodeException e) {
            throw toApi(mount, e);
        }
    }

    private ApiException toApi(Mount mount, NodeException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> {
                if (stillOpen(mount)) {
                    yield Errors.notFound(e.getMessage());
                }
                gone(mount);
                yield Errors.notFound("Mount " + mount.id() + " is gone from node " + mount.nodeName()
                        + " (unmounted there, or the node restarted); mount the restore point again");
            }
            case REJECTED -> Errors.badRequest("Node " + mount.nodeName() + " refused: " + e.getMessage());
            default -> Errors.nodeUnreachable("Node " + mount.nodeName() + " could not be asked: " + e.getMessage());
        };
    }

    private boolean stillOpen(Mount mount) {
        try {
            return reader.open(mount.nodeId()).contains(mount.id());
        } catch (NodeException e) {
            return true;
        }
    }

    private void gone(Mount mount) {
        store.delete(mount.id());
        LOG.info("mount forgotten id={} node={}: the node no longer has it", mount.id(), mount.nodeName());
    }

    private boolean online(UUID nodeId) {
        return nodes.status(nodeId).map(s -> s.state() == NodeState.ONLINE).orElse(false);
    }
}
