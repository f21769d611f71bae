package org.bulwark.repository;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A disk image read at random offsets, that need not be a local file (the NBD export of a running
 * virtual machine), for {@link Repository#backupImages}.
 *
 * @param name    the catalog path of the image in the backup (the guest device name, {@code vda})
 * @param size    the image's size in bytes
 * @param reader  reads its bytes
 * @param changed with a parent backup holding an image of the same name: the ranges changed since
 *                it; only they are read. Null: read everything
 */
public record ImageSource(String name, long size, Reader reader, List<Extent> changed) {
    public ImageSource {
        changed = changed == null ? null : List.copyOf(changed);
    }

    /** Random read access to an image's bytes. */
    @FunctionalInterface
    public interface Reader {
        /** Fills {@code dst} from its position to its limit with the bytes starting at {@code offset}. */
        void read(long offset, ByteBuffer dst) throws IOException;
    }
}
