package org.bulwark.repository.chunking;

import java.util.SplittableRandom;

/**
 * Content-defined cut points with a gear rolling hash and FastCDC's normalized chunking: below
 * the average size a stricter mask, above it a looser one, so sizes cluster around the average.
 * The gear table comes from a fixed seed and must never change (it decides dedup across backups).
 */
public final class FastCdc {

    private static final long[] GEAR = new long[256];

    static {
        SplittableRandom r = new SplittableRandom(0x42756c7761726bL);
        for (int i = 0; i < GEAR.length; i++) {
            GEAR[i] = r.nextLong();
        }
    }

    private final int min;
    private final int avg;
    private final int max;
    private final long maskSmall;
    private final long maskLarge;

    public FastCdc(int min, int avg, int max) {
        if (Integer.bitCount(avg) != 1 || min >= avg || avg >= max) {
            throw new IllegalArgumentException("need min < avg < max with avg a power of two");
        }
        this.min = min;
        this.avg = avg;
        this.max = max;
        int bits = Integer.numberOfTrailingZeros(avg);
        this.maskSmall = -1L << (64 - (bits + 2));
        this.maskLarge = -1L << (64 - (bits - 2));
    }

    public int max() {
        return max;
    }

    /**
     * Length of the next chunk starting at {@code off}. With fewer than max bytes left and
     * {@code last} false the caller must supply more data when no cut is found (return -1).
     */
    public int cut(byte[] b, int off, int len, boolean last) {
        if (len <= min) {
            return last ? len : -1;
        }
        int n = Math.min(len, max);
        int normal = Math.min(avg, n);
        long h = 0;
        int i = min;
        for (; i < normal; i++) {
            h = (h << 1) + GEAR[b[off + i] & 0xff];
            if ((h & maskSmall) == 0) {
                return i + 1;
            }
        }
        for (; i < n; i++) {
            h = (h << 1) + GEAR[b[off + i] & 0xff];
            if ((h & maskLarge) == 0) {
                return i + 1;
            }
        }
        if (n == max || last) {
            return n;
        }
        return -1;
    }
}
