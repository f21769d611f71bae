package org.bulwark.node.mount;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bulwark.node.mount.fs.Partition;
import org.bulwark.node.mount.fs.PartitionTable;
import org.bulwark.node.mount.image.DiskImage;
import org.bulwark.node.mount.image.RepositoryImage;
import org.bulwark.node.mount.nbd.NbdServer;
import org.bulwark.repository.Backup;
import org.bulwark.repository.CatalogEntry;
import org.bulwark.repository.EntryType;
import org.bulwark.repository.Repository;
import org.bulwark.repository.RepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mounts of one node: opens a restore point's disk as an NBD export on 127.0.0.1 with browsable
 * file systems, lists and closes them; {@link #close()} closes every mount.
 */
public final class MountService implements AutoCloseable {
    /** Chunk cache per mount unless told otherwise: 64 MiB. */
    public static final long DEFAULT_CACHE_BYTES = 64L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(MountService.class);

    private final Map<UUID, MountSession> sessions = new ConcurrentHashMap<>();

    /** Starts the export of a mounted image. */
    @FunctionalInterface
    private interface Listener {
        NbdServer start(DiskImage image, String exportName) throws IOException;
    }

    /**
     * Mounts disk {@code disk} (a disk image entry of the catalog; null: the only or first one) of
     * {@code backup}, exported on 127.0.0.1 (which every local user of the node can reach while it
     * is mounted). The session takes over {@code repository} and closes it on unmount, also when
     * mounting fails.
     *
     * @param port       TCP port for the export on 127.0.0.1, 0 for a free one
     * @param cacheBytes chunk cache budget
     */
    public MountSession open(Repository repository, Backup backup, String disk, int port, long cacheBytes) throws IOException {
        return open(repository, backup, disk, cacheBytes, (image, name) -> NbdServer.onLoopback(image, name, port));
    }

    /**
     * Mounts like {@link #open(Repository, Backup, String, int, long)}, exported on a unix socket
     * {@code <export name>.sock} in {@code socketDir} (keep that folder private to the node's user).
     */
    public MountSession openOnSocket(Repository repository, Backup backup, String disk, Path socketDir, long cacheBytes)
            throws IOException {
        return open(repository, backup, disk, cacheBytes,
                (image, name) -> NbdServer.onUnixSocket(image, name, socketDir.resolve(name + ".sock")));
    }

    private MountSession open(Repository repository, Backup backup, String disk, long cacheBytes, Listener listener)
            throws IOException {
        NbdServer nbd = null;
        try {
            CatalogEntry entry = diskEntry(backup, disk);
            RepositoryImage image = new RepositoryImage(repository, repository.manifest(backup).get(entry.item()), cacheBytes);
            List<Partition> partitions = PartitionTable.read(image);
            UUID id = UUID.randomUUID();
            nbd = listener.start(image, exportName(backup, entry));
            MountSession.Info info = new MountSession.Info(id, backup.id(), entry.path(), image.size(), nbd.uri(), nbd.port(),
                    Instant.now());
            MountSession session = new MountSession(info, repository, image, nbd, partitions, () -> sessions.remove(id));
            sessions.put(id, session);
            LOG.info("mounted {} of restore point {} at {} ({} partitions)", entry.path(), backup.shortId(), nbd.uri(),
                    partitions.size());
            return session;
        } catch (IOException | RuntimeException e) {
            if (nbd != null) {
                nbd.close();
            }
            repository.close();
            throw e;
        }
    }

    private static CatalogEntry diskEntry(Backup backup, String disk) throws RepositoryException {
        List<CatalogEntry> disks = backup.entries().stream().filter(e -> e.type() == EntryType.DISK_IMAGE).toList();
        if (disks.isEmpty()) {
            throw new RepositoryException("restore point " + backup.shortId() + " holds no disk image");
        }
        if (disk == null) {
            return disks.getFirst();
        }
        return disks.stream().filter(e -> e.path().equals(disk)).findFirst()
                .orElseThrow(() -> new RepositoryException("restore point " + backup.shortId() + " has no disk " + disk
                        + " (it has " + String.join(", ", disks.stream().map(CatalogEntry::path).toList()) + ")"));
    }

    /** {@code <short id>-<disk>}, with anything but letters, digits, dot, dash and underscore as {@code _}. */
    private static String exportName(Backup backup, CatalogEntry entry) {
        return backup.shortId() + "-" + entry.path().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The open mounts. */
    public List<MountSession.Info> list() {
        return sessions.values().stream().map(MountSession::info).sorted((a, b) -> a.opened().compareTo(b.opened())).toList();
    }

    public Optional<MountSession> find(UUID id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** Unmounts; false when there was no such mount. */
    public boolean close(UUID id) {
        MountSession session = sessions.get(id);
        if (session == null) {
            return false;
        }
        session.close();
        return true;
    }

    @Override
    public void close() {
        for (MountSession s : List.copyOf(sessions.values())) {
            s.close();
        }
    }
}
