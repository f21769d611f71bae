package org.bulwark.node.mount;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bulwark.api.TaskType;
import org.bulwark.node.Numbers;
import org.bulwark.node.mount.fs.Partition;
import org.bulwark.node.task.TaskHandler;
import org.bulwark.repository.Backup;
import org.bulwark.repository.Repository;
import org.bulwark.repository.RepositoryException;
import org.bulwark.repository.destination.LocalDestination;

/**
 * The node's MOUNT and UNMOUNT tasks over one {@link MountService}; mounts outlive their task and
 * end with UNMOUNT or when the node stops ({@link #close()}).
 *
 * <p>MOUNT parameters: {@code destination} (repository folder), {@code passphrase} or
 * {@code passphraseFile} (a file on the node; the secret is never logged), {@code restorePoint}
 * (backup id or unique prefix); optional {@code disk} (catalog entry of the disk image, e.g.
 * {@code vda}; default the first), {@code cacheMiB} (chunk cache, default 64), {@code listen}
 * ({@code tcp}, the default: 127.0.0.1, reachable by every local user while mounted; or
 * {@code unix}: a socket in the node's private mount folder) and {@code port} (with tcp; default
 * a free one). Result: {@link Mounted}.
 * UNMOUNT parameters: {@code mount} (the id MOUNT returned). Result: {@link Unmounted}.
 */
public final class MountTasks implements AutoCloseable {
    private final MountService service = new MountService();
    private final Path socketDir;

    /** @param socketDir where {@code listen=unix} mounts put their sockets; made private to the node's user */
    public MountTasks(Path socketDir) {
        this.socketDir = socketDir;
    }

    /** What MOUNT returns: the mount (id, NBD URI and port) and the partitions found. */
    public record Mounted(MountSession.Info mount, List<Partition> partitions) {
    }

    /** What UNMOUNT returns. */
    public record Unmounted(UUID mount) {
    }

    /** The handlers to register with the task runner. */
    public Map<TaskType, TaskHandler> handlers() {
        return Map.of(TaskType.MOUNT, this::mount, TaskType.UNMOUNT, this::unmount);
    }

    /** The open mounts, for browsing and downloads. */
    public MountService service() {
        return service;
    }

    private TaskHandler.Job mount(Map<String, String> p) {
        Path destination = absolute(required(p, "destination"), "destination");
        String passphrase = p.get("passphrase");
        Path passphraseFile = p.get("passphraseFile") == null ? null : absolute(p.get("passphraseFile"), "passphraseFile");
        if (passphrase != null && passphraseFile != null) {
            throw new IllegalArgumentException("MOUNT takes either passphrase or passphraseFile, not both");
        }
        String restorePoint = required(p, "restorePoint");
        String disk = p.get("disk") == null || p.get("disk").isBlank() ? null : p.get("disk").strip();
        long cache = Numbers.parse("MOUNT parameter cacheMiB", p.get("cacheMiB"), 64, 1, 4096) * (1L << 20);
        int port = Numbers.parse("MOUNT parameter port", p.get("port"), 0, 0, 65535);
        String listen = p.getOrDefault("listen", "tcp").strip();
        if (!listen.equals("tcp") && !listen.equals("unix")) {
            throw new IllegalArgumentException("MOUNT parameter listen must be tcp or unix, not '" + listen + "'");
        }
        return progress -> {
            progress.report(0, "opening the repository at " + destination);
            if (!Files.isDirectory(destination)) {
                throw new RepositoryException("no repository at " + destination + ": the folder does not exist");
            }
            char[] secret = passphraseFile == null ? (passphrase == null ? new char[0] : passphrase.toCharArray())
                    : readSecret(passphraseFile);
            Repository repository;
            try {
                repository = Repository.open(new LocalDestination(destination), secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
            progress.report(30, "mounting restore point " + restorePoint);
            Backup backup;
            try {
                backup = repository.find(restorePoint);
            } catch (IOException | RuntimeException e) {
                repository.close();
                throw e;
            }
            MountSession session = listen.equals("tcp") ? service.open(repository, backup, disk, port, cache)
                    : service.openOnSocket(repository, backup, disk, privateSocketDir(repository), cache);
            return new Mounted(session.info(), session.partitions());
        };
    }

    private TaskHandler.Job unmount(Map<String, String> p) {
        String text = required(p, "mount");
        UUID id;
        try {
            id = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("UNMOUNT parameter mount must be a mount id, not '" + text + "'", e);
        }
        if (service.find(id).isEmpty()) {
            throw new IllegalArgumentException("no mount " + id + " on this node");
        }
        return progress -> {
            service.close(id);
            return new Unmounted(id);
        };
    }

    private Path privateSocketDir(Repository repository) throws IOException {
        try {
            Files.createDirectories(socketDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.setPosixFilePermissions(socketDir, PosixFilePermissions.fromString("rwx------"));
            return socketDir;
        } catch (IOException e) {
            repository.close();
            throw new IOException("cannot prepare the mount socket folder " + socketDir + ": " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> p, String name) {
        String value = p.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("parameter " + name + " is required");
        }
        return value.strip();
    }

    private static Path absolute(String text, String name) {
        Path path = Path.of(text.strip());
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("parameter " + name + " must be an absolute path, not '" + text + "'");
        }
        return path.normalize();
    }

    private static char[] readSecret(Path file) throws RepositoryException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new RepositoryException("cannot read the passphrase file " + file + ": " + e, e);
        }
    }

    @Override
    public void close() {
        service.close();
    }
}
