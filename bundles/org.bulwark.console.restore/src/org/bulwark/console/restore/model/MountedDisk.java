package org.bulwark.console.restore.model;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bulwark.api.ApiException;
import org.bulwark.api.Mount;
import org.bulwark.api.MountEntry;
import org.bulwark.api.MountRequest;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.api.rest.MountResource;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * One disk of a restore point mounted on its node, browsed and downloaded through the server.
 * Every call waits for the network: never call one on the UI thread.
 */
public final class MountedDisk {
    /** Type of a folder entry. */
    public static final String DIRECTORY = "DIRECTORY";
    /** Type of a regular file entry. */
    public static final String FILE = "FILE";
    /** The most results a search asks for. */
    public static final int SEARCH_LIMIT = 1000;
    /** How long the server may take to list a mount after its MOUNT succeeded. */
    static final Duration RECORDED = Duration.ofSeconds(30);

    private final ConsoleSession session;
    private final Mount mount;

    private MountedDisk(ConsoleSession session, Mount mount) {
        this.session = session;
        this.mount = mount;
    }

    /**
     * Queues a MOUNT of the first disk of {@code point}, waits for it, and returns the mount.
     * Cancelling {@code monitor} cancels the task.
     *
     * @throws ApiException what the server said, or {@code MOUNT_FAILED} with the task's message
     */
    public static MountedDisk mount(ConsoleSession session, RestorePoint point, IProgressMonitor monitor) {
        Set<UUID> before = session.call(client -> client.resource(MountResource.class).list()).stream()
                .map(Mount::id).collect(Collectors.toSet());
        Task task = TaskWaiter.await(session,
                session.call(client -> client.resource(MountResource.class).mount(new MountRequest(point.id(), null))), monitor);
        if (task.state() != TaskState.SUCCEEDED) {
            throw new ApiException(409, "MOUNT_" + task.state(), "Mounting " + point.vmName() + " " + task.state().name()
                    .toLowerCase(java.util.Locale.ROOT) + ": " + task.message());
        }
        long deadline = System.nanoTime() + RECORDED.toNanos();
        while (true) { // the server records the mount from the task's result just after the task ended
            Optional<Mount> mount = session.call(client -> client.resource(MountResource.class).list()).stream()
                    .filter(open -> point.id().equals(open.restorePointId()) && !before.contains(open.id())).findFirst();
            if (mount.isPresent()) {
                return new MountedDisk(session, mount.get());
            }
            if (System.nanoTime() > deadline || monitor.isCanceled()) {
                throw new ApiException(404, "MOUNT_GONE", "The mount of " + point.vmName() + " succeeded but the server lists no such mount");
            }
            TaskWaiter.pause();
        }
    }

    /** The mount as the server described it when it was opened. */
    public Mount mount() {
        return mount;
    }

    /** The entries of {@code folder} (an absolute path in the partition, e.g. {@code /} or {@code /etc}). */
    public List<MountEntry> list(int partition, String folder) {
        return session.call(client -> client.resource(MountResource.class).list(mount.id(), partition, folder));
    }

    /** Entries anywhere in the partition whose name contains {@code namePart}, ignoring case; at most {@link #SEARCH_LIMIT}. */
    public List<MountEntry> search(int partition, String namePart) {
        return session.call(client -> client.resource(MountResource.class).search(mount.id(), partition, "/", namePart,
                SEARCH_LIMIT));
    }

    /** The bytes of a file, or a folder as a zip, streamed from the node; the caller closes the stream. */
    public InputStream open(int partition, MountEntry entry) {
        boolean folder = DIRECTORY.equals(entry.type());
        return session.call(client -> folder ? client.resource(MountResource.class).zip(mount.id(), partition, entry.path())
                : client.resource(MountResource.class).file(mount.id(), partition, entry.path()));
    }

    /** Queues the UNMOUNT of this mount. */
    public Task unmount() {
        return session.call(client -> client.resource(MountResource.class).unmount(mount.id()));
    }
}
