package org.bulwark.node.kvm.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bulwark.node.kvm.ObjectNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process's exclusive right, on this host, to export one virtual machine; and what that process
 * leaves behind if it dies before it is done. The host folder holds per machine (by UUID) a lock
 * file, locked with {@link FileLock} for as long as an export runs (the kernel releases it when the
 * process dies, even by SIGKILL), the pid files of its {@code qemu-nbd} servers and the name of the
 * checkpoint it created but has not yet committed or dropped.
 *
 * <p>Whoever gets the lock therefore knows that anything found there belongs to a dead exporter:
 * {@link #reapServers()} stops its {@code qemu-nbd} processes (which hold image locks and, started
 * with {@code --fork} and never connected to, would live forever) and {@link #pendingCheckpoint()}
 * names the checkpoint to drop. Nodes that reach the same hypervisor from different hosts do not see
 * each other's claims.
 *
 * <p>Within one process, callers serialize per machine first ({@link org.bulwark.node.kvm.Hypervisor#exclusive}):
 * the JVM refuses a second lock on the same file.
 */
final class ExportClaim implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExportClaim.class);
    private static final String PENDING = "pending-checkpoint";
    private static final String PID_SUFFIX = ".pid";
    private static final long POLL_MILLIS = 100;

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private ExportClaim(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Claims machine {@code uuid} in {@code hostFolder}, waiting while another process on this host
     * exports it (that process may still be working although its node lost contact with the server).
     */
    static ExportClaim acquire(Path hostFolder, UUID uuid, String vm) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(hostFolder.resolve(uuid.toString()));
        FileChannel channel = FileChannel.open(folder.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                LOG.info("export of {}: waiting for another process on this host exporting it", vm);
                while ((lock = channel.tryLock()) == null) {
                    Thread.sleep(POLL_MILLIS);
                }
            }
            return new ExportClaim(folder, channel, lock);
        } catch (IOException | InterruptedException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Where the {@code qemu-nbd} serving disk {@code target} writes its pid. */
    Path pidFile(String target) {
        return folder.resolve("qemu-nbd-" + ObjectNames.require("disk device", target) + PID_SUFFIX);
    }

    /**
     * Stops the {@code qemu-nbd} servers a dead exporter left (a pid file's process counts only if its
     * command line names that pid file, so a reused pid is left alone); returns how many were stopped.
     */
    int reapServers() throws IOException {
        List<Path> pidFiles;
        try (Stream<Path> files = Files.list(folder)) {
            pidFiles = files.filter(f -> f.getFileName().toString().endsWith(PID_SUFFIX)).toList();
        }
        int stopped = 0;
        for (Path pidFile : pidFiles) {
            Optional<ProcessHandle> server = serverOf(pidFile);
            if (server.isPresent()) {
                LOG.warn("stopping qemu-nbd (pid {}) left by an export that did not finish", server.get().pid());
                stop(server.get());
                stopped++;
            }
            Files.deleteIfExists(pidFile);
        }
        return stopped;
    }

    /** The live {@code qemu-nbd} process that wrote {@code pidFile}, if it still runs. */
    static Optional<ProcessHandle> serverOf(Path pidFile) {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        String marker = "--pid-file=" + pidFile;
        return ProcessHandle.of(pid).filter(p -> p.info().arguments().map(List::of)
                .map(args -> args.contains(marker)).orElse(false));
    }

    /** Terminates {@code process} and waits for it (forcibly after 10 s). */
    static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    /** The checkpoint an earlier exporter created and neither committed nor dropped. */
    Optional<String> pendingCheckpoint() throws IOException {
        Path file = folder.resolve(PENDING);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String name = Files.readString(file, StandardCharsets.UTF_8).strip();
        try {
            return Optional.of(ObjectNames.require("checkpoint", name));
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring unreadable pending checkpoint record {}: {}", file, e.getMessage());
            Files.delete(file);
            return Optional.empty();
        }
    }

    /** Records, before it is created, the checkpoint this export makes, so a successor can drop it. */
    void recordPending(String checkpoint) throws IOException {
        Path temporary = folder.resolve(PENDING + ".tmp");
        try (FileChannel file = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.wrap(checkpoint.getBytes(StandardCharsets.UTF_8)));
            file.force(true);
        }
        Files.move(temporary, folder.resolve(PENDING), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The checkpoint is committed or dropped: nothing for a successor to clean. */
    void clearPending() throws IOException {
        Files.deleteIfExists(folder.resolve(PENDING));
    }

    /** Releases the machine to the next exporter. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
