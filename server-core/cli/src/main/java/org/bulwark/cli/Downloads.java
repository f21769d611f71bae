package org.bulwark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bulwark.client.Sizes;

/**
 * Saves downloads of {@code bulwark get} into a local folder: each into a hidden temporary file or
 * folder beside its target first, moved into place only when complete, so a broken download leaves
 * nothing behind. Never replaces an existing file unless told to; zip entries that would land
 * outside the target, and symbolic links on the way to a target, are refused. Shows the bytes
 * received on stderr as they arrive.
 */
final class Downloads {
    /** What was saved: the file or folder, its bytes and files. */
    record Saved(String path, long bytes, int files) {
    }

    private static final long QUIET_STEP = 64L << 20;
    private static final long LIVE_NANOS = 200_000_000L;

    private final Terminal terminal;
    private final boolean overwrite;

    Downloads(Terminal terminal, boolean overwrite) {
        this.terminal = terminal;
        this.overwrite = overwrite;
    }

    /** Saves {@code in} as {@code folder/name}; {@code size} -1 when unknown. */
    Saved file(InputStream in, long size, Path folder, String name) throws IOException {
        Path target = target(folder, name);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new CliException(ExitCode.CONFLICT, target + " is a folder; a file cannot replace it");
        }
        Path temp = Files.createTempFile(target.getParent(), ".bulwark-", ".part");
        try {
            Progress progress = new Progress(name, size);
            try (OutputStream out = Files.newOutputStream(temp)) {
                progress.copy(in, out);
            }
            progress.done();
            place(temp, target);
            return new Saved(target.toString(), Files.size(target), 1);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Unpacks the zip {@code in} as the folder {@code folder/name}. */
    Saved unzip(InputStream in, Path folder, String name) throws IOException {
        Path target = target(folder, name);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new CliException(ExitCode.CONFLICT, target + " exists and is not a folder");
        }
        Path temp = Files.createTempDirectory(target.getParent(), ".bulwark-");
        try {
            Progress progress = new Progress(name + "/", -1);
            List<Path> files = new ArrayList<>();
            try (ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    Path path = inside(temp, entry.getName());
                    if (entry.isDirectory()) {
                        Files.createDirectories(path);
                        continue;
                    }
                    Files.createDirectories(path.getParent());
                    try (OutputStream out = Files.newOutputStream(path)) {
                        progress.copy(zip, out);
                    }
                    if (entry.getLastModifiedTime() != null) {
                        Files.setLastModifiedTime(path, entry.getLastModifiedTime());
                    }
                    files.add(temp.relativize(path));
                }
            }
            progress.done();
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                merge(temp, target, files);
            }
            return new Saved(target.toString(), progress.bytes, files.size());
        } finally {
            delete(temp);
        }
    }

    /** {@code folder/name}, refused unless the folder exists and, without overwrite, the target does not. */
    private Path target(Path folder, String name) {
        if (!Files.isDirectory(folder)) {
            throw new CliException(ExitCode.USAGE, "--to " + folder + " is not an existing folder");
        }
        Path target = inside(folder.toAbsolutePath().normalize(), name);
        if (!overwrite && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new CliException(ExitCode.CONFLICT, target + " exists; give --overwrite to replace it");
        }
        return target;
    }

    /** {@code base/name}, refused when it would land outside {@code base} or is {@code base} itself. */
    private static Path inside(Path base, String name) {
        Path path = base.resolve(name).normalize();
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || !path.startsWith(base) || path.equals(base)) {
            throw new CliException(ExitCode.ERROR, "Refused the name '" + name + "': it would land outside " + base);
        }
        return path;
    }

    /** Moves a complete temporary file to its target, replacing a file there only with overwrite. */
    private void place(Path temp, Path target) throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw new CliException(ExitCode.CONFLICT, target + " is a symbolic link; it is not replaced");
        }
        try {
            if (overwrite) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (FileAlreadyExistsException e) {
            throw new CliException(ExitCode.CONFLICT, target + " appeared meanwhile; give --overwrite to replace it");
        }
    }

    /** Moves unpacked files into an existing folder (with overwrite), through no symbolic link. */
    private void merge(Path temp, Path target, List<Path> files) throws IOException {
        for (Path file : files) {
            Path to = target;
            for (Path part : file.getParent() == null ? List.<Path>of() : file.getParent()) {
                to = to.resolve(part.toString());
                if (Files.isSymbolicLink(to)) {
                    throw new CliException(ExitCode.CONFLICT, to + " is a symbolic link; nothing is written through it");
                }
                if (!Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(to);
                }
            }
            place(temp.resolve(file.toString()), target.resolve(file.toString()));
        }
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The bytes received so far, on stderr: rewritten in place on a terminal, a line now and then otherwise. */
    private final class Progress {
        private final String name;
        private final long size;
        private final PrintStream err = terminal.err();
        private final boolean live = terminal.console() != null;
        private long bytes;
        private long shownAt = System.nanoTime();
        private long shownBytes;

        Progress(String name, long size) {
            this.name = name;
            this.size = size;
        }

        void copy(InputStream in, OutputStream out) throws IOException {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                bytes += n;
                show(false);
            }
        }

        void done() {
            show(true);
            if (live) {
                err.println();
            }
        }

        private void show(boolean last) {
            long now = System.nanoTime();
            if (!last && (live ? now - shownAt < LIVE_NANOS : bytes - shownBytes < QUIET_STEP)) {
                return;
            }
            shownAt = now;
            shownBytes = bytes;
            String line = "Downloading " + name + "  " + Sizes.bytes(bytes) + (size >= 0 ? " / " + Sizes.bytes(size) : "");
            if (live) {
                err.print("\r" + line);
                err.flush();
            } else {
                err.println(line);
            }
        }
    }
}
