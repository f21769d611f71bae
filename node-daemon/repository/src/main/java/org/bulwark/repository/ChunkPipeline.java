package org.bulwark.repository;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bulwark.repository.destination.Destination;
import org.bulwark.repository.format.ChunkId;
import org.bulwark.repository.format.ObjectCodec;
import org.bulwark.repository.format.Segment;

/**
 * The write side of a backup: the reading thread hands over chunks, worker threads hash,
 * compress, encrypt and store them concurrently. At most {@code window} chunks are in flight,
 * which bounds memory; zero chunks become zero runs without leaving the reading thread.
 * Fixed-size blocks are read into buffers from {@link #buffer}, which go back to the pool once
 * stored, so a disk image is read without allocating (and zeroing) a new array per block.
 * <p>
 * A chunk is sealed and written only when it is neither stored in this backup already nor present
 * on the destination (one existence check per distinct chunk), so a backup never lists the whole
 * repository before it starts, and an interrupted backup's chunks are not sent again.
 */
final class ChunkPipeline implements AutoCloseable {

    private static final byte[] ZEROS = new byte[1 << 20];

    private final Destination dest;
    private final ObjectCodec codec;
    private final Set<ChunkId> known = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final Semaphore window;
    private final BlockingQueue<byte[]> pool;
    private volatile int blockSize = -1;
    final AtomicLong newBytes = new AtomicLong();
    final AtomicLong newChunks = new AtomicLong();

    ChunkPipeline(Destination dest, ObjectCodec codec, int threads) {
        this.dest = dest;
        this.codec = codec;
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bulwark-chunk-writer");
            t.setDaemon(true);
            return t;
        });
        this.window = new Semaphore(threads * 2);
        this.pool = new ArrayBlockingQueue<>(threads * 2 + 2);
    }

    /** A buffer for one fixed-size block, to hand over to {@link #submit}; pooled. */
    byte[] buffer(int size) {
        if (size != blockSize) {
            pool.clear();
            blockSize = size;
        }
        byte[] b = pool.poll();
        return b != null ? b : new byte[size];
    }

    private void recycle(byte[] data) {
        if (data.length == blockSize) {
            pool.offer(data);
        }
    }

    static boolean isZero(byte[] data, int len) {
        for (int off = 0; off < len; off += ZEROS.length) {
            int n = Math.min(ZEROS.length, len - off);
            if (Arrays.mismatch(data, off, off + n, ZEROS, 0, n) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Stores a chunk (the array is handed over) and returns its segment once stored. */
    Future<Segment> submit(byte[] data, int len) throws IOException {
        if (isZero(data, len)) {
            recycle(data);
            return CompletableFuture.completedFuture(new Segment(null, len));
        }
        try {
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("backup interrupted");
        }
        try {
            return workers.submit(() -> {
                try {
                    return store(data, len);
                } finally {
                    recycle(data);
                    window.release();
                }
            });
        } catch (RuntimeException e) {
            window.release();
            throw e;
        }
    }

    private Segment store(byte[] data, int len) throws IOException {
        ChunkId id = codec.chunkId(data, 0, len);
        String name = id.objectName();
        if (!known.contains(id) && !dest.exists(name)) {
            byte[] sealed = codec.seal(ObjectCodec.TYPE_CHUNK, name, data, 0, len);
            if (dest.writeOnce(name, sealed, 0, sealed.length)) {
                newBytes.addAndGet(sealed.length);
                newChunks.incrementAndGet();
            }
        }
        known.add(id);
        return new Segment(id, len);
    }

    /**
     * Stops the writers and waits for them, so that a failed backup's in-flight writes have
     * removed their temporary files before the failure is reported.
     */
    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
