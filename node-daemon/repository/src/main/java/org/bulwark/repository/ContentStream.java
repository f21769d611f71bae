package org.bulwark.repository;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import org.bulwark.repository.format.ManifestItem;
import org.bulwark.repository.format.Segment;

/** Reads an item's content segment by segment; each chunk is verified against its id as it is read. */
final class ContentStream extends InputStream {
    private final Repository repo;
    private final Iterator<Segment> segments;
    private byte[] current = new byte[0];
    private long zeroLeft;
    private int pos;

    ContentStream(Repository repo, ManifestItem item) {
        this.repo = repo;
        this.segments = item.segments().iterator();
    }

    private boolean advance() throws IOException {
        while (pos >= current.length && zeroLeft == 0) {
            if (!segments.hasNext()) {
                return false;
            }
            Segment s = segments.next();
            if (s.zero()) {
                zeroLeft = s.length();
            } else {
                current = repo.readChunk(s.chunk());
                pos = 0;
            }
        }
        return true;
    }

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
        if (!advance()) {
            return -1;
        }
        if (zeroLeft > 0 && pos >= current.length) {
            int n = (int) Math.min(len, zeroLeft);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            zeroLeft -= n;
            return n;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }
}
