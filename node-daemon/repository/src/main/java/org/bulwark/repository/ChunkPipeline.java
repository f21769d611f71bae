package org.bulwark.repository;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
 */
final class ChunkPipeline implements AutoCloseable {

    private static final byte[] ZEROS = new byte[1 << 20];

    private final Destination dest;
    private final ObjectCodec codec;
    private final Set<ChunkId> known;
    private final ExecutorService workers;
    private final Semaphore window;
    final AtomicLong newBytes = new AtomicLong();
    final AtomicLong newChunks = new AtomicLong();

    ChunkPipeline(Destination dest, ObjectCodec codec, Set<ChunkId> known, int threads) {
        this.dest = dest;
        this.codec = codec;
        this.known = known;
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bulwark-chunk-writer");
            t.setDaemon(true);
            return t;
        });
        this.window = new Semaphore(threads * 2);
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
        if (!known.contains(id)) {
            String name = id.objectName();
            byte[] sealed = codec.seal(ObjectCodec.TYPE_CHUNK, name, data, 0, len);
            if (dest.writeOnce(name, sealed, 0, sealed.length)) {
                newBytes.addAndGet(sealed.length);
                newChunks.incrementAndGet();
            }
            known.add(id);
        }
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
