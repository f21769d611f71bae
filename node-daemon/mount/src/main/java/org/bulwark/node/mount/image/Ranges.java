package org.bulwark.node.mount.image;

import java.io.EOFException;

/** Bounds checks shared by the images. */
final class Ranges {
    private Ranges() {
    }

    static void check(long offset, int len, long size) throws EOFException {
        if (offset < 0 || len < 0 || offset > size - len) {
            throw new EOFException("read of " + len + " bytes at " + offset + " outside an image of " + size + " bytes");
        }
    }
}
