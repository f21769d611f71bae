package org.bulwark.console.m365.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bulwark.api.M365Item;
import org.bulwark.console.restore.model.Downloader.Outcome;
import org.bulwark.console.restore.model.RefusedNameException;
import org.bulwark.console.restore.model.TargetFolder;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * Downloads messages ({@code <subject>.eml}), files and drive folders (the server's zip,
 * unpacked entry by entry) of a restore point into a {@link TargetFolder}: names that would
 * leave it are refused, what exists is never replaced silently (the folder's resolver decides)
 * and a cancelled download leaves nothing half written.
 */
public final class ItemDownloader {
    private final RestorePointContent content;
    private final TargetFolder target;

    public ItemDownloader(RestorePointContent content, TargetFolder target) {
        this.content = content;
        this.target = target;
    }

    /** Units of work (KiB of messages and files, 1 per folder) that {@link #download} reports for {@code items}. */
    public static int work(List<M365Item> items) {
        long units = 0;
        for (M365Item item : items) {
            units += RestorePointContent.FOLDER.equals(item.kind()) ? 1 : item.size() >> 10;
        }
        return (int) Math.min(Integer.MAX_VALUE, units);
    }

    /**
     * The file name of a message: its subject with path separators and control characters made
     * {@code _}, and {@code .eml}; a message without subject is named by its id.
     */
    public static String emlName(M365Item message) {
        String subject = message.name() == null || message.name().isBlank() ? message.id() : message.name().strip();
        StringBuilder name = new StringBuilder(subject.length() + 4);
        subject.codePoints().forEach(c -> name.appendCodePoint(c == '/' || c == '\\' || Character.isISOControl(c) ? '_' : c));
        return name.append(".eml").toString();
    }

    /**
     * Downloads {@code items} one after the other.
     *
     * @throws OperationCanceledException when the monitor is cancelled; what was complete stays, nothing half
     * @throws IOException when writing fails; what was complete stays
     */
    public Outcome download(List<M365Item> items, IProgressMonitor monitor) throws IOException {
        List<Path> written = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (M365Item item : items) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            monitor.subTask(item.name());
            try {
                Path path = switch (item.kind()) {
                    case RestorePointContent.MESSAGE -> file(emlName(item), () -> content.eml(item), monitor);
                    case RestorePointContent.FILE -> file(item.name(), () -> content.file(item), monitor);
                    case RestorePointContent.FOLDER -> folder(item, monitor, skipped);
                    default -> throw new RefusedNameException(item.name(), "a " + item.kind() + " is not downloaded;"
                            + " choose messages, files or folders");
                };
                if (path == null) {
                    skipped.add(item.name() + ": kept the existing one");
                } else {
                    written.add(path);
                }
            } catch (RefusedNameException e) {
                skipped.add(e.getMessage());
            }
        }
        return new Outcome(List.copyOf(written), List.copyOf(skipped));
    }

    /** Opens a download from the server. */
    @FunctionalInterface
    private interface Source {
        InputStream open();
    }

    private Path file(String name, Source source, IProgressMonitor monitor) throws IOException {
        TargetFolder.Placement placement = target.place(name);
        if (placement == null) {
            return null;
        }
        try (InputStream in = source.open()) {
            return target.write(placement, in, monitor);
        }
    }

    private Path folder(M365Item item, IProgressMonitor monitor, List<String> skipped) throws IOException {
        TargetFolder.Placement placement = target.place(item.name());
        if (placement == null) {
            return null;
        }
        Path folder = target.createFolder(placement);
        String prefix = target.relative(folder) + "/";
        try (ZipInputStream zip = new ZipInputStream(content.zip(item))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.isDirectory() ? entry.getName().substring(0, entry.getName().length() - 1) : entry.getName();
                if (name.isEmpty()) {
                    continue;
                }
                try {
                    TargetFolder.Placement inside = new TargetFolder.Placement(target.resolve(prefix + name), placement.replace());
                    if (entry.isDirectory()) {
                        target.createFolder(inside);
                    } else {
                        target.write(inside, zip, monitor);
                    }
                } catch (RefusedNameException e) {
                    skipped.add(item.name() + "/" + name + ": " + e.getMessage());
                }
            }
        }
        monitor.worked(1);
        return folder;
    }
}
