package org.bulwark.node.m365.metadata;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a MIME message into pieces whose concatenation is the message byte for byte, so that the
 * body of each large MIME part (an attachment, in its transfer encoding) is a piece of its own:
 * the same attachment in many messages is then stored once. Small pieces are merged.
 */
public final class MimeSplitter {

    /** Parts below this size stay inline with their neighbours. */
    public static final int MIN_PART = 16 * 1024;

    private MimeSplitter() {
    }

    public static List<byte[]> split(byte[] mime) {
        List<int[]> cuts = new ArrayList<>();
        int start = 0;
        boolean inHeaders = false;
        int pos = 0;
        while (pos < mime.length) {
            int eol = pos;
            while (eol < mime.length && mime[eol] != '\n') {
                eol++;
            }
            int next = Math.min(eol + 1, mime.length);
            boolean delimiter = eol - pos >= 2 && mime[pos] == '-' && mime[pos + 1] == '-';
            boolean blank = eol == pos || (eol - pos == 1 && mime[pos] == '\r');
            if (delimiter) {
                if (pos > start) {
                    cuts.add(new int[]{start, pos});
                    start = pos;
                }
                inHeaders = true;
            } else if (inHeaders && blank) {
                cuts.add(new int[]{start, next});
                start = next;
                inHeaders = false;
            }
            pos = next;
        }
        if (start < mime.length) {
            cuts.add(new int[]{start, mime.length});
        }
        List<byte[]> out = new ArrayList<>();
        ByteArrayOutputStream small = new ByteArrayOutputStream();
        for (int[] c : cuts) {
            int len = c[1] - c[0];
            if (len >= MIN_PART) {
                if (small.size() > 0) {
                    out.add(small.toByteArray());
                    small.reset();
                }
                byte[] piece = new byte[len];
                System.arraycopy(mime, c[0], piece, 0, len);
                out.add(piece);
            } else {
                small.write(mime, c[0], len);
            }
        }
        if (small.size() > 0 || out.isEmpty()) {
            out.add(small.toByteArray());
        }
        return out;
    }
}
