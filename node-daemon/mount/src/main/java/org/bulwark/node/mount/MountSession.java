package org.bulwark.node.mount;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bulwark.node.mount.fs.Ext4;
import org.bulwark.node.mount.fs.FileInfo;
import org.bulwark.node.mount.fs.Partition;
import org.bulwark.node.mount.image.DiskImage;
import org.bulwark.node.mount.image.RepositoryImage;
import org.bulwark.node.mount.nbd.NbdServer;
import org.bulwark.repository.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mounted disk of a restore point: its NBD export and its browsable file systems, read straight
 * from the repository. Made by {@link MountService#open}; {@link #close()} stops the export, drops the
 * cache and closes the repository it owns.
 */
public final class MountSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MountSession.class);

    private final Info info;
    private final Repository repository;
    private final RepositoryImage image;
    private final NbdServer nbd;
    private final List<Partition> partitions;
    private final Map<Integer, Ext4> fileSystems = new ConcurrentHashMap<>();
    private final Runnable onClose;
    private volatile boolean closed;

    /**
     * What a mount is.
     *
     * @param id           session id
     * @param restorePoint backup id
     * @param disk         catalog entry of the disk image
     * @param size         disk size in bytes
     * @param nbdUri       where the export is served ({@code nbd://127.0.0.1:PORT/NAME})
     * @param nbdPort      its TCP port, -1 on a unix socket
     * @param opened       when the mount was opened
     */
    public record Info(UUID id, String restorePoint, String disk, long size, String nbdUri, int nbdPort, Instant opened) {
    }

    MountSession(Info info, Repository repository, RepositoryImage image, NbdServer nbd, List<Partition> partitions,
            Runnable onClose) {
        this.info = info;
        this.repository = repository;
        this.image = image;
        this.nbd = nbd;
        this.partitions = List.copyOf(partitions);
        this.onClose = onClose;
    }

    public Info info() {
        return info;
    }

    /** The partitions found on the disk when it was mounted. */
    public List<Partition> partitions() {
        return partitions;
    }

    /** Entries of a directory of partition {@code number} (0 for an unpartitioned disk). */
    public List<FileInfo> list(int number, String path) throws IOException {
        return fileSystem(number).list(path);
    }

    /** What one path of partition {@code number} is. */
    public FileInfo stat(int number, String path) throws IOException {
        return fileSystem(number).stat(path);
    }

    /** A regular file's content; every chunk under it is verified as read. */
    public InputStream open(int number, String path) throws IOException {
        return fileSystem(number).open(path);
    }

    /** An entry found by {@link #search}: its full guest path and what it is. */
    public record Found(String path, FileInfo file) {
    }

    /**
     * Entries below the folder {@code under} of partition {@code number} whose name contains
     * {@code namePart} ignoring case, shallow ones first, at most {@code limit}; symbolic links
     * to folders are reported, not followed.
     */
    public List<Found> search(int number, String under, String namePart, int limit) throws IOException {
        Ext4 fs = fileSystem(number);
        if (fs.stat(under).type() != FileInfo.FileType.DIRECTORY) {
            throw new IOException(under + " is not a folder");
        }
        String needle = namePart.toLowerCase(Locale.ROOT);
        List<Found> found = new ArrayList<>();
        Deque<String> folders = new ArrayDeque<>(List.of(under));
        while (!folders.isEmpty()) {
            String folder = folders.removeFirst();
            for (FileInfo e : fs.list(folder)) {
                String child = folder.endsWith("/") ? folder + e.name() : folder + "/" + e.name();
                if (e.name().toLowerCase(Locale.ROOT).contains(needle)) {
                    found.add(new Found(child, e));
                    if (found.size() >= limit) {
                        return found;
                    }
                }
                if (e.type() == FileInfo.FileType.DIRECTORY) {
                    folders.addLast(child);
                }
            }
        }
        return found;
    }

    /**
     * Writes the folder at {@code path} as a zip to {@code out}: regular files and directories,
     * names relative to the folder and sanitized ({@link ZipNames}); symbolic links and special
     * files are left out (they could point outside the folder). A read error fails the download.
     *
     * @return the number of files written
     */
    public int zip(int number, String path, OutputStream out) throws IOException {
        Ext4 fs = fileSystem(number);
        if (fs.stat(path).type() != FileInfo.FileType.DIRECTORY) {
            throw new IOException(path + " is not a folder");
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        int files = addFolder(fs, path, new ArrayList<>(), zip);
        zip.finish();
        return files;
    }

    private int addFolder(Ext4 fs, String path, List<String> relative, ZipOutputStream zip) throws IOException {
        int files = 0;
        for (FileInfo e : fs.list(path)) {
            List<String> name = new ArrayList<>(relative);
            name.add(e.name());
            String child = path.endsWith("/") ? path + e.name() : path + "/" + e.name();
            switch (e.type()) {
                case DIRECTORY -> {
                    zip.putNextEntry(entry(ZipNames.of(name) + "/", e));
                    zip.closeEntry();
                    files += addFolder(fs, child, name, zip);
                }
                case FILE -> {
                    zip.putNextEntry(entry(ZipNames.of(name), e));
                    try (InputStream in = fs.open(child)) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                    files++;
                }
                default -> LOG.debug("zip of {} leaves out {} ({})", path, child, e.type());
            }
        }
        return files;
    }

    private static ZipEntry entry(String name, FileInfo info) {
        ZipEntry z = new ZipEntry(name);
        z.setLastModifiedTime(java.nio.file.attribute.FileTime.from(info.mtime()));
        return z;
    }

    private Ext4 fileSystem(int number) throws IOException {
        if (closed) {
            throw new IOException("mount " + info.id() + " is closed");
        }
        Partition p = partitions.stream().filter(x -> x.number() == number).findFirst()
                .orElseThrow(() -> new FileNotFoundException("no partition " + number + " on " + info.disk()));
        if (!p.browsable()) {
            throw new IOException("partition " + number + " holds no file system this node can browse (" + p.fileSystem() + ")");
        }
        Ext4 fs = fileSystems.get(number);
        if (fs == null) {
            fs = Ext4.open(image.slice(p.offset(), p.length()));
            fileSystems.put(number, fs);
        }
        return fs;
    }

    /** The disk itself, read at any offset (what the NBD export serves). */
    public DiskImage disk() {
        return image;
    }

    /** Bytes of chunks cached now. */
    public long cachedBytes() {
        return image.cachedBytes();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        nbd.close();
        fileSystems.clear();
        image.clearCache();
        try {
            repository.close();
        } catch (IOException e) {
            LOG.warn("closing the repository of mount {}: {}", info.id(), e.toString());
        }
        onClose.run();
        LOG.info("mount {} of {} closed", info.id(), info.restorePoint());
    }
}
