package org.bulwark.node.kvm.export;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One exported disk read through its NBD connection, a few blocks ahead of the reader: Store reads
 * block after block (the blocks that touch the export's extents, of its chunk size), hashing,
 * compressing and encrypting each before it asks for the next; meanwhile QEMU would sit idle.
 * After each read, the next {@value #DEPTH} blocks of the same size that touch an extent are read
 * on a background thread, so the next read usually finds its bytes ready. A read that was not
 * foreseen is simply read then. All NBD traffic runs on that one thread; memory stays at
 * {@value #DEPTH} blocks.
 */
final class ReadAhead implements DiskSource, AutoCloseable {
    private static final int DEPTH = 8;

    private final NbdClient client;
    private final String target;
    private final List<Extent> extents;
    private final ExecutorService reader;
    private final TreeMap<Long, Block> ahead = new TreeMap<>();

    /** A block read or being read ahead. */
    private record Block(int length, Future<ByteBuffer> bytes) {
    }

    ReadAhead(NbdClient client, String target, List<Extent> extents) {
        this.client = client;
        this.target = target;
        this.extents = extents;
        this.reader = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "bulwark-nbd-" + target);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public long size() {
        return client.size();
    }

    @Override
    public synchronized void read(long offset, ByteBuffer dst) throws IOException {
        int length = dst.remaining();
        Block block = ahead.remove(offset);
        if (block == null || block.length != length) {
            block = fetch(offset, length);
        }
        for (Iterator<Map.Entry<Long, Block>> stale = ahead.headMap(offset).entrySet().iterator(); stale.hasNext(); ) {
            stale.next().getValue().bytes.cancel(false);
            stale.remove();
        }
        long next = offset;
        for (int i = 0; i < DEPTH && (next = nextBlock(next, length)) >= 0; i++) {
            if (!ahead.containsKey(next)) {
                int blockLength = (int) Math.min(length, size() - next);
                ahead.put(next, fetch(next, blockLength));
            }
        }
        try {
            dst.put(block.bytes.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading disk " + target + " at offset " + offset);
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("cannot read disk " + target + " at offset " + offset
                    + " (did the machine stop or vanish during the export?): " + cause.getMessage(), cause);
        }
    }

    private Block fetch(long offset, int length) {
        return new Block(length, reader.submit(() -> {
            ByteBuffer bytes = ByteBuffer.allocate(length);
            client.read(offset, bytes);
            return bytes.flip();
        }));
    }

    /**
     * The start of the first block after the one at {@code offset} (blocks of {@code length} bytes on
     * the grid through {@code offset}) that touches an extent, or -1 when none does.
     */
    private long nextBlock(long offset, int length) {
        long next = offset + length;
        if (next >= size()) {
            return -1;
        }
        int low = 0;
        int high = extents.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (extents.get(middle).end() <= next) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if (low == extents.size()) {
            return -1;
        }
        Extent extent = extents.get(low);
        if (extent.offset() >= next + length) {
            next += (extent.offset() - next) / length * length;
        }
        return next;
    }

    /** Stops reading ahead; the connection itself is closed by its owner afterwards. */
    @Override
    public synchronized void close() {
        reader.shutdownNow();
        ahead.clear();
    }
}
