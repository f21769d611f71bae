package org.bulwark.node.kvm.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/** Random read access to the guest-visible bytes of one exported disk (raw, whatever the image format). */
public interface DiskSource {
    /** The virtual size of the disk in bytes. */
    long size();

    /** Fills {@code dst} from its position to its limit with the disk's bytes starting at {@code offset}. */
    void read(long offset, ByteBuffer dst) throws IOException;

    /** A stream of the bytes of {@code extent}, read in blocks of a few MiB. */
    default InputStream open(Extent extent) {
        return new InputStream() {
            private final ByteBuffer block = ByteBuffer.allocate((int) Math.min(4 << 20, extent.length())).limit(0);
            private long next = extent.offset();

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (!block.hasRemaining()) {
                    if (next >= extent.end()) {
                        return -1;
                    }
                    block.clear().limit((int) Math.min(block.capacity(), extent.end() - next));
                    DiskSource.this.read(next, block);
                    next += block.limit();
                    block.flip();
                }
                int n = Math.min(len, block.remaining());
                block.get(b, off, n);
                return n;
            }
        };
    }
}
