package org.bulwark.repository;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.bulwark.repository.format.ManifestItem;
import org.bulwark.repository.format.Segment;

/**
 * Writes a backup back out. Chunks are fetched, decrypted and verified by a pool of readers in
 * parallel and written at their offsets; each file goes to a temporary name first and is renamed
 * when all its bytes are in, so a failed restore never leaves a file that looks complete.
 * Content cut at block-aligned offsets (disk images) is written with {@link DirectIo direct I/O}
 * where the file system allows it. Paths from the catalog are checked to stay inside the target folder.
 */
final class Restorer {

    private static final int MAX_OPEN_FILES = 64;
    private static final byte[] ZEROS = new byte[1 << 20];
    /** Only files at least this large are written with direct I/O. */
    private static final long DIRECT_MIN = 4 << 20;

    /** Per restore thread: an aligned direct buffer for direct writes, grown on demand. */
    private final ThreadLocal<ByteBuffer> directBuffer = new ThreadLocal<>();
    private ByteBuffer directZeros;

    private final Repository repo;
    private final Backup backup;
    private final List<ManifestItem> items;
    private final RestoreOptions options;
    private final AtomicLong done = new AtomicLong();
    private long total;
    private long lastReport;

    Restorer(Repository repo, Backup backup, List<ManifestItem> items, RestoreOptions options) {
        this.repo = repo;
        this.backup = backup;
        this.items = items;
        this.options = options;
    }

    void restoreTo(Path target) throws IOException {
        List<CatalogEntry> selected = select();
        total = selected.stream().filter(e -> e.type().hasContent()).mapToLong(CatalogEntry::size).sum();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(8, repo.threads() * 4), r -> {
            Thread t = new Thread(r, "bulwark-restore");
            t.setDaemon(true);
            return t;
        });
        try {
            boolean single = selected.size() == 1 && selected.getFirst().type().hasContent();
            if (single) {
                CatalogEntry e = selected.getFirst();
                Path out = Files.isDirectory(target) ? target.resolve(fileName(e.path())) : target;
                PendingFile f = start(pool, e, out);
                f.finish();
            } else {
                restoreTree(pool, selected, target);
            }
            options.progress().update("restore", done.get(), total);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<CatalogEntry> select() throws RepositoryException {
        String p = options.path();
        if (p == null || p.isEmpty() || p.equals("/")) {
            return backup.entries();
        }
        String prefix = p.startsWith("/") ? p.substring(1) : p;
        List<CatalogEntry> out = backup.entries().stream()
                .filter(e -> e.path().equals(prefix) || e.path().startsWith(prefix + "/")).toList();
        if (out.isEmpty()) {
            throw new RepositoryException("no path " + p + " in backup " + backup.shortId());
        }
        return out;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private void restoreTree(ExecutorService pool, List<CatalogEntry> entries, Path target) throws IOException {
        Files.createDirectories(target);
        Path root = target.toRealPath();
        for (CatalogEntry e : entries) {
            if (e.type() == EntryType.DIRECTORY) {
                Files.createDirectories(inside(root, e.path()));
            }
        }
        ArrayDeque<PendingFile> open = new ArrayDeque<>();
        try {
            for (CatalogEntry e : entries) {
                if (!e.type().hasContent()) {
                    continue;
                }
                Path out = inside(root, e.path());
                Files.createDirectories(out.getParent());
                if (!out.getParent().toRealPath().startsWith(root)) {
                    throw new RepositoryException("refusing to write " + e.path() + ": its folder leads outside " + root);
                }
                open.add(start(pool, e, out));
                while (open.size() > MAX_OPEN_FILES || (!open.isEmpty() && open.peek().isDone())) {
                    open.poll().finish();
                }
            }
            while (!open.isEmpty()) {
                open.poll().finish();
            }
        } finally {
            for (PendingFile f : open) {
                f.abandon();
            }
        }
        for (CatalogEntry e : entries) {
            if (e.type() == EntryType.SYMLINK) {
                Path link = inside(root, e.path());
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, Path.of(e.linkTarget()));
            }
        }
        List<CatalogEntry> dirs = new ArrayList<>(entries.stream().filter(e -> e.type() == EntryType.DIRECTORY).toList());
        dirs.sort(Comparator.comparing(CatalogEntry::path).reversed());
        for (CatalogEntry d : dirs) {
            applyMetadata(inside(root, d.path()), d);
        }
    }

    /** Resolves a catalog path under the target, refusing anything that could leave it. */
    static Path inside(Path root, String rel) throws RepositoryException {
        if (rel.isEmpty() || rel.startsWith("/") || rel.contains("\\") || rel.contains("\0")) {
            throw new RepositoryException("refusing unsafe path from backup: " + rel);
        }
        for (String part : rel.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new RepositoryException("refusing unsafe path from backup: " + rel);
            }
        }
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new RepositoryException("refusing unsafe path from backup: " + rel);
        }
        return p;
    }

    private PendingFile start(ExecutorService pool, CatalogEntry e, Path out) throws IOException {
        ManifestItem item = items.get(e.item());
        boolean regular = !Files.exists(out) || Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS);
        Path partial = regular ? out.resolveSibling("." + out.getFileName() + ".bulwark-partial") : out;
        FileChannel ch = regular
                ? FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)
                : FileChannel.open(out, StandardOpenOption.WRITE);
        PendingFile f = new PendingFile(e, out, partial, ch, regular, item.size());
        try {
            if (regular && item.size() >= DIRECT_MIN) {
                f.openDirect(item);
            }
            long pos = 0;
            for (Segment s : item.segments()) {
                long at = pos;
                if (s.zero()) {
                    if (!options.sparse() || !regular) {
                        f.writeZeros(at, s.length());
                    }
                    progress(s.length());
                } else {
                    f.window.acquire();
                    f.tasks.add(pool.submit(() -> {
                        try {
                            byte[] data = repo.readChunk(s.chunk());
                            f.write(data, at);
                            done.addAndGet(data.length);
                            return null;
                        } finally {
                            f.window.release();
                        }
                    }));
                }
                pos += s.length();
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            f.abandon();
            throw new InterruptedIOException("restore interrupted");
        } catch (IOException | RuntimeException ex) {
            f.abandon();
            throw ex;
        }
        return f;
    }

    private static void writeFully(FileChannel ch, ByteBuffer bb, long at) throws IOException {
        long pos = at;
        while (bb.hasRemaining()) {
            pos += ch.write(bb, pos);
        }
    }

    private synchronized ByteBuffer directZeros(int align) {
        if (directZeros == null || directZeros.capacity() < ZEROS.length || directZeros.alignmentOffset(0, align) != 0) {
            directZeros = DirectIo.allocate(ZEROS.length, align);
        }
        return directZeros.duplicate().clear();
    }

    private void progress(long n) {
        done.addAndGet(n);
        long now = System.nanoTime();
        if (now - lastReport > 200_000_000L) {
            lastReport = now;
            options.progress().update("restore", done.get(), total);
        }
    }

    private static void applyMetadata(Path p, CatalogEntry e) throws IOException {
        if (e.mode() != 0) {
            Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
            for (PosixFilePermission perm : PosixFilePermission.values()) {
                if ((e.mode() & (1 << (8 - perm.ordinal()))) != 0) {
                    perms.add(perm);
                }
            }
            Files.setPosixFilePermissions(p, perms);
        }
        Files.setLastModifiedTime(p, FileTime.from(e.mtimeNanos(), java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    /** A file being written: its chunk tasks, and the rename that completes it. */
    private final class PendingFile {
        final CatalogEntry entry;
        final Path out;
        final Path partial;
        final FileChannel ch;
        final boolean regular;
        final long size;
        final List<Future<?>> tasks = new ArrayList<>();
        final Semaphore window = new Semaphore(Math.max(8, repo.threads() * 4));
        /** The same file opened for direct I/O, when its segments are block-aligned; else null. */
        volatile FileChannel direct;
        int align;

        PendingFile(CatalogEntry entry, Path out, Path partial, FileChannel ch, boolean regular, long size) {
            this.size = size;
            this.entry = entry;
            this.out = out;
            this.partial = partial;
            this.ch = ch;
            this.regular = regular;
        }

        /** Opens the direct channel when every segment but the last is a multiple of the block size. */
        void openDirect(ManifestItem item) throws IOException {
            int a = DirectIo.alignment(partial);
            List<Segment> segs = item.segments();
            for (int i = 0; i < segs.size() - 1; i++) {
                if (segs.get(i).length() % a != 0) {
                    return;
                }
            }
            align = a;
            direct = DirectIo.open(partial, StandardOpenOption.WRITE);
        }

        /**
         * Writes a chunk at its offset; directly when possible (the last block padded to the block
         * size, cut off again by {@link #finish}), else through the page cache.
         */
        void write(byte[] data, long at) throws IOException {
            FileChannel d = direct;
            if (d != null && at % align == 0) {
                ByteBuffer buf = directBuffer.get();
                int padded = DirectIo.roundUp(data.length, align);
                if (buf == null || buf.capacity() < padded || buf.alignmentOffset(0, align) != 0) {
                    buf = DirectIo.allocate(data.length, align);
                    directBuffer.set(buf);
                }
                buf.clear().put(data).put(ZEROS, 0, padded - data.length).flip();
                try {
                    writeFully(d, buf, at);
                    return;
                } catch (IOException e) {
                    if (!d.isOpen() || Thread.currentThread().isInterrupted()) {
                        throw e;
                    }
                    direct = null; // refused after all (EINVAL): the page cache way below
                }
            }
            writeFully(ch, ByteBuffer.wrap(data), at);
        }

        void writeZeros(long at, long length) throws IOException {
            FileChannel d = direct;
            boolean aligned = d != null && at % align == 0;
            ByteBuffer zeros = aligned ? directZeros(align) : null;
            long left = length;
            long pos = at;
            while (left > 0) {
                int n = (int) Math.min(ZEROS.length, left);
                if (aligned && n % align == 0) {
                    writeFully(d, zeros.clear().limit(n), pos);
                } else {
                    writeFully(ch, ByteBuffer.wrap(ZEROS, 0, n), pos);
                }
                pos += n;
                left -= n;
            }
        }

        private void closeDirect() throws IOException {
            FileChannel d = direct;
            direct = null;
            if (d != null) {
                d.close();
            }
        }

        boolean isDone() {
            return tasks.stream().allMatch(Future::isDone);
        }

        void finish() throws IOException {
            try {
                for (Future<?> t : tasks) {
                    t.get();
                    progress(0);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandon();
                throw new InterruptedIOException("restore interrupted");
            } catch (ExecutionException e) {
                abandon();
                throw new RepositoryException("restore of " + entry.path() + " from backup " + backup.shortId()
                        + " failed: " + e.getCause().getMessage(), e.getCause());
            }
            closeDirect();
            if (regular && ch.size() > size) {
                ch.truncate(size); // the padding of a last block written directly
            }
            if (regular && ch.size() < size) {
                ch.write(ByteBuffer.wrap(new byte[1]), size - 1); // a sparse file ending in a hole
            }
            ch.close();
            if (regular) {
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                if (entry.type() == EntryType.FILE) {
                    applyMetadata(out, entry);
                }
            }
        }

        void abandon() {
            tasks.forEach(t -> t.cancel(true));
            try {
                closeDirect();
                ch.close();
                if (regular) {
                    Files.deleteIfExists(partial);
                }
            } catch (IOException ignored) {
                // best effort: the failure that led here is reported
            }
        }
    }
}
