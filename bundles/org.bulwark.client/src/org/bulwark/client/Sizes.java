package org.bulwark.client;

import java.util.Locale;

/** Byte counts written for people, the same in the console and the CLI. */
public final class Sizes {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Sizes() {
    }

    /** A size in binary units, e.g. {@code 1.5 GiB}; below 1 KiB the exact count, e.g. {@code 512 B}. */
    public static String bytes(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
