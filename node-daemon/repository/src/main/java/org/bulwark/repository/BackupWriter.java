package org.bulwark.repository;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.bulwark.repository.chunking.CdcReader;
import org.bulwark.repository.chunking.FastCdc;
import org.bulwark.repository.format.BackupRecords;
import org.bulwark.repository.format.ManifestItem;
import org.bulwark.repository.format.Manifests;
import org.bulwark.repository.format.ObjectCodec;
import org.bulwark.repository.format.Segment;

/**
 * Builds one backup: stores the content of each item through the {@link ChunkPipeline}, collects
 * the catalog and source errors, and commits manifest then record. Nothing is listed before the
 * record is written, so an interrupted backup leaves only unreferenced chunks behind.
 */
final class BackupWriter {

    private final Repository repo;
    private final ChunkPipeline pipeline;
    private final ProgressListener progress;
    private final long total;
    private final String id;
    private final Instant created = Instant.now();
    private final List<ManifestItem> items = new ArrayList<>();
    private final List<CatalogEntry> entries = new ArrayList<>();
    private final List<SourceError> errors = new ArrayList<>();
    private byte[] cdcBuffer;
    private long read;
    private long logical;
    private long lastReport;

    BackupWriter(Repository repo, ChunkPipeline pipeline, ProgressListener progress, long total) {
        this.repo = repo;
        this.pipeline = pipeline;
        this.progress = progress;
        this.total = total;
        this.id = HexFormat.of().formatHex(randomBytes());
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    void entry(CatalogEntry e) {
        entries.add(e);
        logical += e.type().hasContent() ? e.size() : 0;
    }

    void error(String path, String message) {
        errors.add(new SourceError(path, message));
    }

    long itemSizeOf(int item) {
        return items.get(item).size();
    }

    /** Adds an item whose content is unchanged from the parent, without reading it. */
    int reuse(ManifestItem item) {
        items.add(item);
        return items.size() - 1;
    }

    /** Cuts a stream into content-defined chunks and stores them. */
    int addStream(InputStream in, FastCdc cdc) throws IOException {
        if (cdcBuffer == null) {
            cdcBuffer = CdcReader.newBuffer(cdc);
        }
        CdcReader reader = new CdcReader(in, cdc, cdcBuffer);
        List<Future<Segment>> pending = new ArrayList<>();
        long size = 0;
        byte[] chunk;
        while ((chunk = reader.next()) != null) {
            pending.add(pipeline.submit(chunk, chunk.length));
            size += chunk.length;
            advance(chunk.length);
        }
        return add(size, pending);
    }

    /**
     * Stores a disk image in fixed-size chunks. With a parent item and changed extents only the
     * blocks the extents touch are read; the other blocks are taken from the parent.
     */
    int addImage(ImageSource.Reader ch, long size, int chunkSize, ManifestItem parent, List<Extent> changed) throws IOException {
        Segment[] parentBlocks = parent == null || changed == null ? null : blocks(parent, chunkSize);
        BitSet dirty = null;
        if (parentBlocks != null) {
            dirty = new BitSet();
            for (Extent e : changed) {
                if (e.length() == 0) {
                    continue;
                }
                int first = (int) (e.offset() / chunkSize);
                int last = (int) ((e.offset() + e.length() - 1) / chunkSize);
                dirty.set(first, last + 1);
            }
        }
        long blocks = (size + chunkSize - 1) / chunkSize;
        List<Future<Segment>> pending = new ArrayList<>();
        for (long b = 0; b < blocks; b++) {
            long off = b * chunkSize;
            int len = (int) Math.min(chunkSize, size - off);
            boolean reusable = parentBlocks != null && !dirty.get((int) b) && b < parentBlocks.length
                    && parentBlocks[(int) b].length() == len;
            if (reusable) {
                pending.add(java.util.concurrent.CompletableFuture.completedFuture(parentBlocks[(int) b]));
                continue;
            }
            byte[] buf = len == chunkSize ? pipeline.buffer(len) : new byte[len];
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, len);
            ch.read(off, bb);
            pending.add(pipeline.submit(buf, len));
            advance(len);
        }
        return add(size, pending);
    }

    /** The parent item as one segment per block, or null when it was not cut at this block size. */
    private static Segment[] blocks(ManifestItem parent, int chunkSize) {
        List<Segment> out = new ArrayList<>();
        long pos = 0;
        for (Segment s : parent.segments()) {
            if (pos % chunkSize != 0) {
                return null;
            }
            if (s.zero()) {
                long left = s.length();
                while (left > 0) {
                    long n = Math.min(chunkSize, left);
                    out.add(new Segment(null, n));
                    left -= n;
                }
            } else {
                if (s.length() != chunkSize && pos + s.length() != parent.size()) {
                    return null;
                }
                out.add(s);
            }
            pos += s.length();
        }
        return out.toArray(Segment[]::new);
    }

    private int add(long size, List<Future<Segment>> pending) throws IOException {
        List<Segment> segments = new ArrayList<>();
        for (Future<Segment> f : pending) {
            Segment s = await(f);
            Segment prev = segments.isEmpty() ? null : segments.getLast();
            if (s.zero() && prev != null && prev.zero()) {
                segments.set(segments.size() - 1, new Segment(null, prev.length() + s.length()));
            } else {
                segments.add(s);
            }
        }
        items.add(new ManifestItem(size, List.copyOf(segments)));
        return items.size() - 1;
    }

    private static Segment await(Future<Segment> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("backup interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new RepositoryException("writing to the destination failed: " + c.getMessage()
                    + "; nothing of this backup is listed, earlier backups are intact", c);
        }
    }

    private void advance(long n) {
        read += n;
        long now = System.nanoTime();
        if (now - lastReport > 200_000_000L) {
            lastReport = now;
            progress.update("backup", read, total);
        }
    }

    /** Writes the manifest, then the record that makes the backup visible. */
    Backup commit(String label, BackupKind kind, String parent, String source) throws IOException {
        progress.update("backup", read, total);
        ObjectCodec codec = repo.codec();
        var dest = repo.destination();
        String manifestName = Manifests.objectName(id);
        byte[] plain = Manifests.encode(items);
        byte[] manifest = codec.seal(ObjectCodec.TYPE_MANIFEST, manifestName, plain, 0, plain.length);
        dest.flush();
        dest.writeOnce(manifestName, manifest, 0, manifest.length);
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(manifest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Backup b = new Backup(id, created, label, RepositoryLock.host(), kind, parent, source, logical,
                pipeline.newBytes.get() + manifest.length, read, digest, errors, entries);
        String recordName = BackupRecords.objectName(id);
        byte[] rec = BackupRecords.encode(b);
        byte[] sealed = codec.seal(ObjectCodec.TYPE_BACKUP, recordName, rec, 0, rec.length);
        dest.flush();
        dest.writeOnce(recordName, sealed, 0, sealed.length);
        dest.flush();
        return b;
    }
}
