package org.bulwark.node.mount.image;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.repository.Repository;
import org.bulwark.repository.format.ChunkId;
import org.bulwark.repository.format.ManifestItem;
import org.bulwark.repository.format.Segment;

/**
 * A disk image of a backup read straight from the repository: an offset is mapped to its segment
 * through the manifest (binary search), zero runs are answered without I/O, chunks are read,
 * verified and kept in a least-recently-used cache bounded in bytes. Thread-safe; two threads
 * missing the same chunk at once may both read it.
 */
public final class RepositoryImage implements DiskImage {
    private final Repository repository;
    private final Segment[] segments;
    private final long[] starts;
    private final long size;
    private final ChunkCache cache;

    /**
     * @param item       the manifest item of the image
     * @param cacheBytes most bytes of decoded chunks kept in memory
     */
    public RepositoryImage(Repository repository, ManifestItem item, long cacheBytes) {
        this.repository = repository;
        List<Segment> list = item.segments();
        this.segments = list.toArray(Segment[]::new);
        this.starts = new long[segments.length];
        long at = 0;
        for (int i = 0; i < segments.length; i++) {
            starts[i] = at;
            at += segments[i].length();
        }
        if (at != item.size()) {
            throw new IllegalArgumentException("manifest item segments cover " + at + " bytes, not its size " + item.size());
        }
        this.size = at;
        this.cache = new ChunkCache(cacheBytes);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void read(long offset, byte[] dst, int off, int len) throws IOException {
        Ranges.check(offset, len, size);
        int i = segmentAt(offset);
        while (len > 0) {
            Segment s = segments[i];
            int within = (int) (offset - starts[i]);
            int n = (int) Math.min(len, s.length() - within);
            if (s.zero()) {
                Arrays.fill(dst, off, off + n, (byte) 0);
            } else {
                byte[] chunk = chunk(s.chunk());
                if (chunk.length != s.length()) {
                    throw new IOException("chunk " + s.chunk().hex() + " holds " + chunk.length + " bytes, the manifest says "
                            + s.length());
                }
                System.arraycopy(chunk, within, dst, off, n);
            }
            offset += n;
            off += n;
            len -= n;
            i++;
        }
    }

    /** Bytes of decoded chunks held in the cache now. */
    public long cachedBytes() {
        return cache.bytes();
    }

    /** Drops every cached chunk. */
    public void clearCache() {
        cache.clear();
    }

    private int segmentAt(long offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : -i - 2;
    }

    private byte[] chunk(ChunkId id) throws IOException {
        byte[] cached = cache.get(id);
        if (cached == null) {
            cached = repository.readChunk(id);
            cache.put(id, cached);
        }
        return cached;
    }

    /** Least-recently-used chunks up to a byte budget. */
    private static final class ChunkCache {
        private final long budget;
        private final LinkedHashMap<ChunkId, byte[]> map = new LinkedHashMap<>(16, 0.75f, true);
        private long bytes;

        ChunkCache(long budget) {
            this.budget = budget;
        }

        synchronized byte[] get(ChunkId id) {
            return map.get(id);
        }

        synchronized void put(ChunkId id, byte[] data) {
            if (data.length > budget) {
                return;
            }
            byte[] old = map.put(id, data);
            bytes += data.length - (old == null ? 0 : old.length);
            var it = map.entrySet().iterator();
            while (bytes > budget && it.hasNext()) {
                Map.Entry<ChunkId, byte[]> eldest = it.next();
                bytes -= eldest.getValue().length;
                it.remove();
            }
        }

        synchronized long bytes() {
            return bytes;
        }

        synchronized void clear() {
            map.clear();
            bytes = 0;
        }
    }
}
