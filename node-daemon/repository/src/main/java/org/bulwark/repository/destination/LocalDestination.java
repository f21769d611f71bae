package org.bulwark.repository.destination;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A repository in a local or NFS-mounted folder. Each write goes to a temporary file in the
 * target folder, is fsynced, renamed into place; {@link #flush()} fsyncs the touched folders.
 */
public final class LocalDestination implements Destination {

    static final String TEMP_MARK = ".tmp-";

    private final Path root;
    private final Set<Path> dirtyDirs = ConcurrentHashMap.newKeySet();
    private final Set<Path> knownDirs = ConcurrentHashMap.newKeySet();

    public LocalDestination(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    private Path resolve(String name) {
        if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
            throw new IllegalArgumentException("bad object name: " + name);
        }
        return root.resolve(name);
    }

    @Override
    public byte[] read(String name) throws IOException {
        return Files.readAllBytes(resolve(name));
    }

    @Override
    public boolean writeOnce(String name, byte[] data, int offset, int length) throws IOException {
        Path target = resolve(name);
        if (Files.exists(target)) {
            return false;
        }
        writeAtomically(target, data, offset, length);
        return true;
    }

    @Override
    public void overwrite(String name, byte[] data) throws IOException {
        writeAtomically(resolve(name), data, 0, data.length);
    }

    private void writeAtomically(Path target, byte[] data, int offset, int length) throws IOException {
        Path dir = target.getParent();
        ensureDir(dir);
        Path tmp = dir.resolve(target.getFileName() + TEMP_MARK + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(data, offset, length);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        dirtyDirs.add(dir);
    }

    private void ensureDir(Path dir) throws IOException {
        if (knownDirs.contains(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            ensureDir(dir.getParent());
            try {
                Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                // created concurrently
            }
            dirtyDirs.add(dir.getParent());
        }
        knownDirs.add(dir);
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        return listMatching(prefix, false);
    }

    @Override
    public List<String> listTemporaries(String prefix) throws IOException {
        return listMatching(prefix, true);
    }

    private List<String> listMatching(String prefix, boolean temporaries) throws IOException {
        Path dir = resolve(prefix);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String name = root.relativize(p).toString();
                if (name.contains(TEMP_MARK) == temporaries) {
                    names.add(name);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return names;
    }

    @Override
    public boolean exists(String name) {
        return Files.exists(resolve(name));
    }

    @Override
    public long size(String name) throws IOException {
        return Files.size(resolve(name));
    }

    @Override
    public Instant lastModified(String name) throws IOException {
        return Files.getLastModifiedTime(resolve(name)).toInstant();
    }

    @Override
    public void delete(String name) throws IOException {
        Path p = resolve(name);
        if (Files.deleteIfExists(p)) {
            dirtyDirs.add(p.getParent());
        }
    }

    @Override
    public void move(String from, String to) throws IOException {
        Path source = resolve(from);
        Path target = resolve(to);
        ensureDir(target.getParent());
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot move " + from + " atomically", e);
        } catch (NoSuchFileException e) {
            if (!Files.exists(target)) {
                throw e;
            }
        }
        dirtyDirs.add(source.getParent());
        dirtyDirs.add(target.getParent());
    }

    @Override
    public void flush() throws IOException {
        for (Path dir : List.copyOf(dirtyDirs)) {
            dirtyDirs.remove(dir);
            if (Files.isDirectory(dir)) {
                try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                    ch.force(true);
                }
            }
        }
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public void close() {
        // nothing held open
    }
}
