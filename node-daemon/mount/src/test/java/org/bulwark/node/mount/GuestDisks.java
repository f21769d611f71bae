package org.bulwark.node.mount;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;

/**
 * Real guest disks for the tests: a folder tree made into ext4 with {@code mkfs.ext4 -d} (its
 * directories then hashed by {@code e2fsck -D}), placed in a GPT and in an MBR partition table
 * written by {@code sfdisk}.
 */
final class GuestDisks {
    static final long MIB = 1 << 20;
    /** Where the ext4 partition starts on both disks. */
    static final long PARTITION_OFFSET = MIB;
    static final int MANY = 300;

    private GuestDisks() {
    }

    /** The tree: a small file, a sparse file of many extents, nested folders, links, a hashed folder, a unicode name. */
    static Path tree(Path root) throws IOException {
        Files.createDirectories(root.resolve("a/b/c"));
        Files.writeString(root.resolve("hello.txt"), "hello from the guest\n");
        Files.writeString(root.resolve("a/b/c/deep.txt"), "three folders down\n");
        Files.write(root.resolve("a/b/random.bin"), random(300_000, 1));
        Files.writeString(root.resolve("grüße.txt"), "unicode name\n", StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(root.resolve("sparse.bin"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int i = 0; i < 12; i++) {
                ch.write(java.nio.ByteBuffer.wrap(random(8192, 100 + i)), i * 73_728L);
            }
            ch.write(java.nio.ByteBuffer.wrap(random(100, 99)), 12 * 73_728L);
        }
        Path many = Files.createDirectories(root.resolve("many"));
        for (int i = 1; i <= MANY; i++) {
            Files.writeString(many.resolve("file-with-a-rather-long-name-number-" + i + ".txt"), i + "\n");
        }
        Files.createSymbolicLink(root.resolve("link-to-deep"), Path.of("a/b/c/deep.txt"));
        Files.createSymbolicLink(root.resolve("dirlink"), Path.of("/a/b"));
        return root;
    }

    /** An ext4 file system image of {@code mib} MiB holding {@code tree}, with {@code blockSize}-byte blocks. */
    static Path ext4(Path tree, Path image, int mib, int blockSize) throws IOException, InterruptedException {
        Tools.check(List.of("mkfs.ext4", "-q", "-F", "-b", Integer.toString(blockSize), "-d", tree.toString(), image.toString(),
                mib + "M"));
        Tools.Run fsck = Tools.run(List.of("e2fsck", "-fyD", image.toString()));
        if (fsck.exit() > 1) {
            throw new IOException("e2fsck -D failed: " + fsck.output());
        }
        return image;
    }

    /**
     * A disk of {@code diskMib} MiB with a {@code label} ({@code gpt} or {@code dos}) table whose first partition holds
     * {@code fs} at {@link #PARTITION_OFFSET}; a dos disk also gets an extended partition with one empty logical partition.
     */
    static Path disk(Path fs, Path disk, int diskMib, String label) throws IOException, InterruptedException {
        try (RandomAccessFile file = new RandomAccessFile(Files.createFile(disk).toFile(), "rw")) {
            file.setLength(diskMib * MIB);
        }
        long fsSectors = Files.size(fs) / 512;
        String script = "label: " + label + "\n" + "start=2048, size=" + fsSectors + ", type="
                + (label.equals("gpt") ? "0FC63DAF-8483-4772-8E79-3D69D8477DE4, name=\"guest root\"" : "83") + "\n"
                + (label.equals("dos") ? "type=5\ntype=83\n" : "");
        Tools.sfdisk(disk, script);
        try (FileChannel out = FileChannel.open(disk, StandardOpenOption.WRITE);
             FileChannel in = FileChannel.open(fs, StandardOpenOption.READ)) {
            long done = 0;
            while (done < in.size()) {
                done += in.transferTo(done, in.size() - done, out.position(PARTITION_OFFSET + done));
            }
        }
        return disk;
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
