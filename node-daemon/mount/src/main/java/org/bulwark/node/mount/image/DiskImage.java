package org.bulwark.node.mount.image;

import java.io.IOException;

/** A read-only disk image read at any offset: a restore point's disk, or a partition of one. */
public interface DiskImage {

    /** Size in bytes. */
    long size();

    /**
     * Fills {@code dst[off, off+len)} with the bytes at {@code offset}.
     *
     * @throws java.io.EOFException when the range reaches past {@link #size()}
     * @throws IOException when the bytes cannot be read or fail verification; never answered with wrong bytes
     */
    void read(long offset, byte[] dst, int off, int len) throws IOException;

    /** {@code len} bytes at {@code offset} in a new array. */
    default byte[] read(long offset, int len) throws IOException {
        byte[] out = new byte[len];
        read(offset, out, 0, len);
        return out;
    }

    /** The range {@code [offset, offset+length)} of this image as an image of its own. */
    default DiskImage slice(long offset, long length) {
        if (offset < 0 || length < 0 || offset + length > size()) {
            throw new IllegalArgumentException("slice " + offset + "+" + length + " outside an image of " + size() + " bytes");
        }
        DiskImage whole = this;
        return new DiskImage() {
            @Override
            public long size() {
                return length;
            }

            @Override
            public void read(long at, byte[] dst, int off, int len) throws IOException {
                Ranges.check(at, len, length);
                whole.read(offset + at, dst, off, len);
            }
        };
    }
}
