package org.bulwark.console.restore.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * A local folder that downloads from a backup land in. Names from the backup are resolved
 * inside it and refused when they would leave it ({@code ..}, absolute paths, links pointing
 * out); a file or folder that exists already is never replaced silently: the
 * {@link ConflictResolver} decides. Files are written to a temporary name beside their target
 * and moved into place when complete, so a cancelled or failed download leaves nothing half.
 */
public final class TargetFolder {
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final ConflictResolver conflicts;

    /**
     * @throws NoSuchFileException when {@code folder} is not an existing folder
     */
    public TargetFolder(Path folder, ConflictResolver conflicts) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "not an existing folder");
        }
        this.root = folder.toRealPath();
        this.conflicts = Objects.requireNonNull(conflicts);
    }

    /** Where a download goes, and whether it may replace what is there. */
    public record Placement(Path path, boolean replace) {
    }

    /** The folder (its real path). */
    public Path root() {
        return root;
    }

    /**
     * The path of {@code relative} ({@code /}-separated, e.g. {@code docs/a.txt}) inside the folder.
     *
     * @throws RefusedNameException when it is empty, absolute, has {@code .}, {@code ..} or empty
     *         segments, a backslash or NUL, or leads out of the folder through a link
     */
    public Path resolve(String relative) throws IOException {
        if (relative == null || relative.isEmpty()) {
            throw new RefusedNameException(String.valueOf(relative), "an empty name");
        }
        if (relative.startsWith("/")) {
            throw new RefusedNameException(relative, "an absolute path");
        }
        if (relative.indexOf('\0') >= 0 || relative.indexOf('\\') >= 0) {
            throw new RefusedNameException(relative, "a NUL or backslash in the name");
        }
        Path path = root;
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new RefusedNameException(relative, "it would leave the target folder");
            }
            path = path.resolve(segment);
        }
        path = path.normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new RefusedNameException(relative, "it would leave the target folder");
        }
        Path existing = path.getParent();
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (!existing.toRealPath().startsWith(root)) {
            throw new RefusedNameException(relative, "a link in the target folder leads out of it");
        }
        return path;
    }

    /**
     * Where {@code relative} is written: its own path when free; otherwise what the resolver
     * decides: beside it under a free name, over it, or {@code null} to skip it.
     */
    public Placement place(String relative) throws IOException {
        Path path = resolve(relative);
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return new Placement(path, false);
        }
        return switch (conflicts.resolve(path)) {
            case SKIP -> null;
            case OVERWRITE -> new Placement(path, true);
            case KEEP_BOTH -> new Placement(freeSibling(path), false);
        };
    }

    /**
     * Writes {@code in} as the file of {@code placement}, reporting each KiB copied as one unit
     * of work on {@code monitor}.
     *
     * @throws OperationCanceledException when the monitor is cancelled (nothing is left behind)
     * @throws FileAlreadyExistsException when the placement does not replace and the file appeared meanwhile
     */
    public Path write(Placement placement, InputStream in, IProgressMonitor monitor) throws IOException {
        Path target = placement.path();
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null, "a folder of that name exists");
        }
        Files.createDirectories(target.getParent());
        Path part = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(part)) {
                byte[] buffer = new byte[BUFFER];
                long copied = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (monitor.isCanceled()) {
                        throw new OperationCanceledException();
                    }
                    out.write(buffer, 0, n);
                    long before = copied >> 10;
                    copied += n;
                    monitor.worked((int) ((copied >> 10) - before));
                }
            }
            if (placement.replace()) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(part, target);
            }
            return target;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Creates the folder of {@code placement}; a file in its way is replaced only when the placement says so. */
    public Path createFolder(Placement placement) throws IOException {
        Path folder = placement.path();
        if (placement.replace() && Files.exists(folder, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(folder);
        }
        return Files.createDirectories(folder);
    }

    /** The path relative to the folder, {@code /}-separated, e.g. {@code docs (1)/a.txt}. */
    public String relative(Path path) {
        return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    /** {@code name (1).ext}, {@code name (2).ext}, … beside {@code path}: the first that does not exist. */
    static Path freeSibling(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        boolean hasExtension = dot > 0 && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        String base = hasExtension ? name.substring(0, dot) : name;
        String extension = hasExtension ? name.substring(dot) : "";
        for (int i = 1; ; i++) {
            Path candidate = path.resolveSibling(base + " (" + i + ")" + extension);
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
    }
}
