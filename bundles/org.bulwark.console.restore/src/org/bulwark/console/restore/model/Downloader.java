package org.bulwark.console.restore.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bulwark.api.MountEntry;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * Downloads entries of a mounted partition into a {@link TargetFolder}: files as they are,
 * folders through the server's zip of them, unpacked entry by entry (each name checked).
 * Links and special files are not downloaded.
 */
public final class Downloader {
    private final MountedDisk disk;
    private final int partition;
    private final TargetFolder target;

    public Downloader(MountedDisk disk, int partition, TargetFolder target) {
        this.disk = disk;
        this.partition = partition;
        this.target = target;
    }

    /**
     * What a download did.
     *
     * @param written files and folders written at the top of the target folder
     * @param skipped names not written, with the reason ({@code name: why})
     */
    public record Outcome(List<Path> written, List<String> skipped) {
        /** One line for the operator, e.g. {@code 2 written, 1 skipped}. */
        public String summary() {
            return written.size() + " written" + (skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped: "
                    + String.join("; ", skipped));
        }
    }

    /** Units of work (KiB of files, 1 per folder) that {@link #download} reports for {@code entries}. */
    public static int work(List<MountEntry> entries) {
        long units = 0;
        for (MountEntry entry : entries) {
            units += MountedDisk.FILE.equals(entry.type()) ? entry.size() >> 10 : 1;
        }
        return (int) Math.min(Integer.MAX_VALUE, units);
    }

    /**
     * Downloads {@code entries} into the target folder, one after the other.
     *
     * @throws OperationCanceledException when the monitor is cancelled; what was complete stays, nothing half
     * @throws IOException when writing fails; what was complete stays
     */
    public Outcome download(List<MountEntry> entries, IProgressMonitor monitor) throws IOException {
        List<Path> written = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (MountEntry entry : entries) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            monitor.subTask(entry.path());
            try {
                Path path = switch (entry.type()) {
                    case MountedDisk.FILE -> file(entry, monitor);
                    case MountedDisk.DIRECTORY -> folder(entry, monitor, skipped);
                    default -> throw new SkippedException(entry.type().toLowerCase(java.util.Locale.ROOT)
                            + " entries are not downloaded");
                };
                if (path == null) {
                    skipped.add(entry.name() + ": kept the existing one");
                } else {
                    written.add(path);
                }
            } catch (RefusedNameException | SkippedException e) {
                skipped.add(entry.name() + ": " + e.getMessage());
            }
        }
        return new Outcome(List.copyOf(written), List.copyOf(skipped));
    }

    private Path file(MountEntry entry, IProgressMonitor monitor) throws IOException {
        TargetFolder.Placement placement = target.place(entry.name());
        if (placement == null) {
            return null;
        }
        try (InputStream in = disk.open(partition, entry)) {
            return target.write(placement, in, monitor);
        }
    }

    private Path folder(MountEntry entry, IProgressMonitor monitor, List<String> skipped) throws IOException {
        TargetFolder.Placement placement = target.place(entry.name());
        if (placement == null) {
            return null;
        }
        Path folder = target.createFolder(placement);
        String prefix = target.relative(folder) + "/";
        try (ZipInputStream zip = new ZipInputStream(disk.open(partition, entry))) {
            for (ZipEntry item; (item = zip.getNextEntry()) != null; ) {
                String name = item.getName().endsWith("/") ? item.getName().substring(0, item.getName().length() - 1)
                        : item.getName();
                if (name.isEmpty()) {
                    continue;
                }
                try {
                    Path path = target.resolve(prefix + name); // refuses names that would leave the folder
                    if (item.isDirectory()) {
                        target.createFolder(new TargetFolder.Placement(path, placement.replace()));
                    } else {
                        target.write(new TargetFolder.Placement(path, placement.replace()), zip, monitor);
                    }
                } catch (RefusedNameException e) {
                    skipped.add(entry.name() + "/" + name + ": " + e.getMessage());
                }
            }
        }
        monitor.worked(1);
        return folder;
    }

    /** A reason to leave an entry out that is no failure. */
    private static final class SkippedException extends IOException {
        private static final long serialVersionUID = 1L;

        SkippedException(String why) {
            super(why);
        }
    }
}
