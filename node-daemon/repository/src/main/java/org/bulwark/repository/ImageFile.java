package org.bulwark.repository;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A local disk image (file or block device) read block by block for a backup. Blocks at aligned
 * offsets are read with {@link DirectIo direct I/O} into one reused buffer when the file system
 * supports it; anything else (unaligned offsets, file systems without direct I/O) is read the
 * ordinary way.
 */
final class ImageFile implements ImageSource.Reader, Closeable {

    private final Path path;
    private final FileChannel buffered;
    private final long size;
    private final int align;
    private final ByteBuffer buf;
    private FileChannel direct;

    private ImageFile(Path path, FileChannel buffered, FileChannel direct, int align, int blockSize) throws IOException {
        this.path = path;
        this.buffered = buffered;
        this.direct = direct;
        this.align = align;
        this.size = buffered.size();
        this.buf = DirectIo.allocate(blockSize, align);
    }

    /** Opens an image to be read in blocks of at most {@code blockSize} bytes. */
    static ImageFile open(Path path, int blockSize) throws IOException {
        FileChannel buffered = FileChannel.open(path, StandardOpenOption.READ);
        try {
            int align = DirectIo.alignment(path);
            FileChannel direct = DirectIo.open(path, StandardOpenOption.READ);
            return new ImageFile(path, buffered, direct, align, blockSize);
        } catch (IOException | RuntimeException e) {
            buffered.close();
            throw e;
        }
    }

    long size() {
        return size;
    }

    @Override
    public void read(long offset, ByteBuffer dst) throws IOException {
        int len = dst.remaining();
        if (direct != null && offset % align == 0 && len <= buf.capacity()) {
            try {
                buf.clear().limit(DirectIo.roundUp(len, align));
                fill(direct, offset, len);
            } catch (IOException e) {
                // the file system refused direct I/O after all (EINVAL): fall back for good;
                // a real read error shows again on the ordinary read below
                direct.close();
                direct = null;
                read(offset, dst);
                return;
            }
            dst.put(buf.flip().limit(len));
            return;
        }
        long pos = offset;
        while (dst.hasRemaining()) {
            int n = Math.min(buf.capacity(), dst.remaining());
            buf.clear().limit(n);
            fill(buffered, pos, n);
            pos += n;
            dst.put(buf.flip());
        }
    }

    /** Reads into {@code buf} at {@code offset} until it is full or the file ends, needing at least {@code min} bytes. */
    private void fill(FileChannel ch, long offset, int min) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf, offset + buf.position()) < 0) {
                break;
            }
        }
        if (buf.position() < min) {
            throw new IOException("image " + path + " ended at " + (offset + buf.position()) + " of " + size + " bytes");
        }
    }

    @Override
    public void close() throws IOException {
        try (buffered) {
            if (direct != null) {
                direct.close();
            }
        }
    }
}
