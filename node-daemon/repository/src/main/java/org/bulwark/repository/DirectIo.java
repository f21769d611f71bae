package org.bulwark.repository;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Direct I/O ({@code O_DIRECT}) for the bulk data of disk images: reading the source image and
 * writing a restored one bypass the page cache, which on this kind of virtual machine costs more
 * CPU than hashing the data, and a backup does not evict the cache of the machine it protects.
 * Offsets, lengths and buffers must be multiples of the file system's block size.
 */
final class DirectIo {

    private DirectIo() {
    }

    /** The alignment direct I/O needs on the file system of {@code path}. */
    static int alignment(Path path) throws IOException {
        return Math.toIntExact(Math.max(512, Files.getFileStore(path).getBlockSize()));
    }

    /**
     * Opens {@code path} for direct I/O, or returns null when the file system does not support
     * it (tmpfs, some network file systems).
     */
    static FileChannel open(Path path, OpenOption... options) {
        OpenOption[] all = Arrays.copyOf(options, options.length + 1);
        all[options.length] = ExtendedOpenOption.DIRECT;
        try {
            return FileChannel.open(path, all);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** A direct buffer of at least {@code capacity} bytes, rounded up to and aligned on {@code align}. */
    static ByteBuffer allocate(int capacity, int align) {
        return ByteBuffer.allocateDirect(roundUp(capacity, align) + align).alignedSlice(align);
    }

    static int roundUp(int n, int align) {
        return (n + align - 1) / align * align;
    }
}
