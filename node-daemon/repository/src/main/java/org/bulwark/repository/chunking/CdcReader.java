package org.bulwark.repository.chunking;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a stream into content-defined chunks; each returned array is a fresh copy owned by the
 * caller. The read buffer (twice the maximum chunk) can be shared by consecutive readers.
 */
public final class CdcReader {
    private final InputStream in;
    private final FastCdc cdc;
    private final byte[] buf;
    private int start;
    private int end;
    private boolean eof;

    public CdcReader(InputStream in, FastCdc cdc) {
        this(in, cdc, newBuffer(cdc));
    }

    /** A reader over a buffer from {@link #newBuffer}, reused from an earlier, finished reader. */
    public CdcReader(InputStream in, FastCdc cdc, byte[] buffer) {
        if (buffer.length < cdc.max() * 2) {
            throw new IllegalArgumentException("buffer smaller than twice the maximum chunk");
        }
        this.in = in;
        this.cdc = cdc;
        this.buf = buffer;
    }

    public static byte[] newBuffer(FastCdc cdc) {
        return new byte[cdc.max() * 2];
    }

    /** The next chunk, or null at the end of the stream. */
    public byte[] next() throws IOException {
        while (true) {
            int avail = end - start;
            if (avail == 0 && eof) {
                return null;
            }
            int n = avail == 0 ? -1 : cdc.cut(buf, start, avail, eof);
            if (n > 0) {
                byte[] chunk = Arrays.copyOfRange(buf, start, start + n);
                start += n;
                return chunk;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        while (end < buf.length) {
            int r = in.read(buf, end, buf.length - end);
            if (r < 0) {
                eof = true;
                return;
            }
            end += r;
        }
    }
}
