package org.bulwark.node.mount.fs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.bulwark.node.mount.fs.FileInfo.FileType;
import org.bulwark.node.mount.image.DiskImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only ext2/ext3/ext4 file system read from a volume: superblock, group descriptors (32- and
 * 64-bit), inodes, extent trees and indirect block maps, directories (hashed directories read as
 * linear ones), regular files and symbolic links. Paths are {@code /}-separated from the file
 * system's root; symbolic links inside a path are followed within this file system (never outside
 * it), a link as the last component is not. Thread-safe (it keeps no mutable state).
 */
public final class Ext4 {
    static final int INCOMPAT_EXTENTS = 0x40;
    static final int INCOMPAT_64BIT = 0x80;
    static final int INCOMPAT_FLEX_BG = 0x200;
    private static final int INCOMPAT_RECOVER = 0x4;
    /** compression, journal device, meta_bg, dirdata, encryption: not readable here. */
    private static final int INCOMPAT_UNSUPPORTED = 0x1 | 0x8 | 0x10 | 0x1000 | 0x10000;
    private static final int ROOT_INODE = 2;
    private static final int EXTENTS_FL = 0x80000;
    private static final int INLINE_DATA_FL = 0x10000000;
    private static final int MAX_LINKS_FOLLOWED = 40;
    private static final Logger LOG = LoggerFactory.getLogger(Ext4.class);

    private final DiskImage volume;
    private final int blockSize;
    private final int inodeSize;
    private final long inodesPerGroup;
    private final long inodeCount;
    private final long[] inodeTables;

    private Ext4(DiskImage volume, byte[] sb) throws IOException {
        this.volume = volume;
        int logBlock = u32(sb, 0x18);
        if (logBlock < 0 || logBlock > 6) {
            throw new IOException("ext superblock with an impossible block size (log " + logBlock + ")");
        }
        this.blockSize = 1024 << logBlock;
        int incompat = u32(sb, 0x60);
        if ((incompat & INCOMPAT_UNSUPPORTED) != 0) {
            throw new IOException(String.format("ext file system uses features this reader lacks (incompat 0x%x)", incompat));
        }
        if ((incompat & INCOMPAT_RECOVER) != 0) {
            LOG.info("ext file system needs journal recovery; reading it as it was written (the latest changes may be missing)");
        }
        boolean is64 = (incompat & INCOMPAT_64BIT) != 0;
        this.inodeSize = u32(sb, 0x4C) == 0 ? 128 : u16(sb, 0x58);
        this.inodesPerGroup = Integer.toUnsignedLong(u32(sb, 0x28));
        this.inodeCount = Integer.toUnsignedLong(u32(sb, 0x0));
        long blocksPerGroup = Integer.toUnsignedLong(u32(sb, 0x20));
        long blocks = Integer.toUnsignedLong(u32(sb, 0x4)) | (is64 ? Integer.toUnsignedLong(u32(sb, 0x150)) << 32 : 0);
        long firstDataBlock = Integer.toUnsignedLong(u32(sb, 0x14));
        if (inodeSize < 128 || inodeSize > blockSize || inodesPerGroup == 0 || blocksPerGroup == 0
                || (long) blocks * blockSize > volume.size() + blockSize) {
            throw new IOException("ext superblock is inconsistent (block size " + blockSize + ", " + blocks + " blocks, inode size "
                    + inodeSize + ") for a volume of " + volume.size() + " bytes");
        }
        long groups = (blocks - firstDataBlock + blocksPerGroup - 1) / blocksPerGroup;
        int descSize = is64 ? u16(sb, 0xFE) : 32;
        if (descSize < 32 || groups <= 0 || groups > Integer.MAX_VALUE / Math.max(descSize, 1)) {
            throw new IOException("ext superblock is inconsistent (" + groups + " groups, descriptor size " + descSize + ")");
        }
        byte[] gdt = volume.read((firstDataBlock + 1) * blockSize, (int) groups * descSize);
        this.inodeTables = new long[(int) groups];
        for (int g = 0; g < groups; g++) {
            int at = g * descSize;
            inodeTables[g] = Integer.toUnsignedLong(u32(gdt, at + 0x8))
                    | (descSize >= 64 ? Integer.toUnsignedLong(u32(gdt, at + 0x28)) << 32 : 0);
        }
    }

    /** Opens the file system on {@code volume}; fails with a clear message when it is none or uses unknown features. */
    public static Ext4 open(DiskImage volume) throws IOException {
        if (FileSystems.probe(volume).equals("unknown")) {
            throw new IOException("no ext2/3/4 file system on this volume");
        }
        return new Ext4(volume, volume.read(1024, 1024));
    }

    /** What {@code path} is (a link at the end is described, not followed). */
    public FileInfo stat(String path) throws IOException {
        Inode inode = resolve(path);
        String name = path.replaceAll("/+$", "");
        return info(name.substring(name.lastIndexOf('/') + 1), inode);
    }

    /** The entries of the directory at {@code path}, without {@code .} and {@code ..}, in on-disk order. */
    public List<FileInfo> list(String path) throws IOException {
        Inode dir = resolve(path);
        if (dir.type() != FileType.DIRECTORY) {
            throw new IOException(path + " is not a directory");
        }
        List<FileInfo> out = new ArrayList<>();
        for (DirEntry e : entries(dir)) {
            if (!e.name().equals(".") && !e.name().equals("..")) {
                out.add(info(e.name(), inode(e.inode())));
            }
        }
        return out;
    }

    /** A stream of the regular file at {@code path}. */
    public InputStream open(String path) throws IOException {
        Inode inode = resolve(path);
        if (inode.type() != FileType.FILE) {
            throw new IOException(path + " is not a regular file");
        }
        return new Content(inode).stream();
    }

    // ---------------------------------------------------------------- paths and directories

    private record DirEntry(long inode, String name) {
    }

    private Inode resolve(String path) throws IOException {
        Deque<String> parts = new ArrayDeque<>(components(path));
        Inode current = inode(ROOT_INODE);
        int followed = 0;
        while (!parts.isEmpty()) {
            String part = parts.removeFirst();
            if (current.type() != FileType.DIRECTORY) {
                throw new FileNotFoundException(path + ": a component before " + part + " is not a directory");
            }
            Inode next = null;
            for (DirEntry e : entries(current)) {
                if (e.name().equals(part)) {
                    next = inode(e.inode());
                    break;
                }
            }
            if (next == null) {
                throw new FileNotFoundException(path + ": no " + part);
            }
            if (next.type() == FileType.SYMLINK && !parts.isEmpty()) {
                if (++followed > MAX_LINKS_FOLLOWED) {
                    throw new IOException(path + ": too many symbolic links");
                }
                String target = linkTarget(next);
                List<String> more = components(target);
                for (int i = more.size() - 1; i >= 0; i--) {
                    parts.addFirst(more.get(i));
                }
                if (target.startsWith("/")) {
                    current = inode(ROOT_INODE);
                }
                continue;
            }
            current = next;
        }
        return current;
    }

    private static List<String> components(String path) {
        return Arrays.stream(path.split("/")).filter(p -> !p.isEmpty() && !p.equals(".")).toList();
    }

    private List<DirEntry> entries(Inode dir) throws IOException {
        if (dir.size() > Integer.MAX_VALUE - 8) {
            throw new IOException("directory inode " + dir.number() + " is too large: " + dir.size() + " bytes");
        }
        byte[] data = new Content(dir).read(0, (int) dir.size());
        List<DirEntry> out = new ArrayList<>();
        int at = 0;
        while (at + 8 <= data.length) {
            long inode = Integer.toUnsignedLong(u32(data, at));
            int recLen = u16(data, at + 4);
            int nameLen = data[at + 6] & 0xff;
            if (recLen < 8 || at + recLen > data.length || 8 + nameLen > recLen) {
                throw new IOException("directory inode " + dir.number() + " has a damaged entry at byte " + at);
            }
            if (inode != 0 && nameLen > 0) {
                out.add(new DirEntry(inode, new String(data, at + 8, nameLen, StandardCharsets.UTF_8)));
            }
            at += recLen;
        }
        return out;
    }

    private FileInfo info(String name, Inode inode) throws IOException {
        String target = inode.type() == FileType.SYMLINK ? linkTarget(inode) : "";
        return new FileInfo(name, inode.type(), inode.size(), inode.mtime(), inode.mode() & 07777, target);
    }

    private String linkTarget(Inode link) throws IOException {
        if (link.size() > blockSize) {
            throw new IOException("symbolic link inode " + link.number() + " is " + link.size() + " bytes long");
        }
        byte[] bytes = (link.flags() & EXTENTS_FL) == 0 && link.size() < 60
                ? Arrays.copyOf(link.block(), (int) link.size())
                : new Content(link).read(0, (int) link.size());
        return new String(bytes, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- inodes

    private record Inode(long number, int mode, long size, int flags, Instant mtime, byte[] block) {
        FileType type() {
            return switch (mode & 0xF000) {
                case 0x8000 -> FileType.FILE;
                case 0x4000 -> FileType.DIRECTORY;
                case 0xA000 -> FileType.SYMLINK;
                default -> FileType.OTHER;
            };
        }
    }

    private Inode inode(long number) throws IOException {
        if (number < 1 || number > inodeCount) {
            throw new IOException("inode " + number + " is outside the file system's " + inodeCount + " inodes");
        }
        int group = (int) ((number - 1) / inodesPerGroup);
        long index = (number - 1) % inodesPerGroup;
        byte[] raw = volume.read(inodeTables[group] * blockSize + index * inodeSize, inodeSize);
        int mode = u16(raw, 0);
        long size = Integer.toUnsignedLong(u32(raw, 0x4)) | Integer.toUnsignedLong(u32(raw, 0x6C)) << 32;
        long seconds = u32(raw, 0x10);
        long nanos = 0;
        if (inodeSize > 128 && 0x80 + u16(raw, 0x80) >= 0x8C) {
            int extra = u32(raw, 0x88);
            seconds += (long) (extra & 3) << 32;
            nanos = Integer.toUnsignedLong(extra) >>> 2;
        }
        return new Inode(number, mode, size, u32(raw, 0x20), Instant.ofEpochSecond(seconds, nanos),
                Arrays.copyOfRange(raw, 0x28, 0x28 + 60));
    }

    // ---------------------------------------------------------------- content

    /** A run of logical blocks: on disk from {@code physical}, or unwritten (reads as zeros) when {@code physical < 0}. */
    private record Run(long logical, long physical, long count) {
    }

    /** The content of an inode, mapped block by block. */
    private final class Content {
        private final Inode inode;
        private final List<Run> runs = new ArrayList<>();
        private final long[] starts;

        Content(Inode inode) throws IOException {
            this.inode = inode;
            if ((inode.flags() & INLINE_DATA_FL) != 0) {
                throw new IOException("inode " + inode.number() + " keeps its data inline, which this reader does not support");
            }
            long blocks = (inode.size() + blockSize - 1) / blockSize;
            if ((inode.flags() & EXTENTS_FL) != 0) {
                extents(inode.block(), 0, 0);
            } else {
                indirect(inode.block(), blocks);
            }
            runs.sort((a, b) -> Long.compare(a.logical(), b.logical()));
            this.starts = runs.stream().mapToLong(Run::logical).toArray();
        }

        private void extents(byte[] node, int at, int level) throws IOException {
            if (u16(node, at) != 0xF30A || level > 5) {
                throw new IOException("inode " + inode.number() + " has a damaged extent tree");
            }
            int entries = u16(node, at + 2);
            int depth = u16(node, at + 6);
            if (12 + 12L * entries > node.length - at) {
                throw new IOException("inode " + inode.number() + " has an extent node with too many entries");
            }
            for (int i = 0; i < entries; i++) {
                int e = at + 12 + 12 * i;
                if (depth == 0) {
                    int len = u16(node, e + 4);
                    boolean unwritten = len > 32768;
                    long start = Integer.toUnsignedLong(u32(node, e + 8)) | (long) u16(node, e + 6) << 32;
                    runs.add(new Run(Integer.toUnsignedLong(u32(node, e)), unwritten ? -1 : start, unwritten ? len - 32768 : len));
                } else {
                    long leaf = Integer.toUnsignedLong(u32(node, e + 4)) | (long) u16(node, e + 8) << 32;
                    extents(volume.read(leaf * blockSize, blockSize), 0, level + 1);
                }
            }
        }

        private void indirect(byte[] block, long blocks) throws IOException {
            long logical = 0;
            for (int i = 0; i < 12 && logical < blocks; i++, logical++) {
                add(logical, Integer.toUnsignedLong(u32(block, 4 * i)));
            }
            for (int level = 1; level <= 3 && logical < blocks; level++) {
                logical = mapped(Integer.toUnsignedLong(u32(block, 4 * (11 + level))), level, logical, blocks);
            }
        }

        /** Maps the blocks under an indirect block of {@code level}; returns the next logical block. */
        private long mapped(long physical, int level, long logical, long blocks) throws IOException {
            long covers = 1;
            for (int i = 0; i < level; i++) {
                covers *= blockSize / 4;
            }
            if (physical == 0) {
                return logical + covers;
            }
            byte[] table = volume.read(physical * blockSize, blockSize);
            for (int i = 0; i < blockSize / 4 && logical < blocks; i++) {
                long entry = Integer.toUnsignedLong(u32(table, 4 * i));
                if (level == 1) {
                    add(logical++, entry);
                } else {
                    logical = mapped(entry, level - 1, logical, blocks);
                }
            }
            return logical;
        }

        private void add(long logical, long physical) {
            if (physical == 0) {
                return;
            }
            if (!runs.isEmpty()) {
                Run last = runs.getLast();
                if (last.logical() + last.count() == logical && last.physical() + last.count() == physical) {
                    runs.set(runs.size() - 1, new Run(last.logical(), last.physical(), last.count() + 1));
                    return;
                }
            }
            runs.add(new Run(logical, physical, 1));
        }

        byte[] read(long position, int length) throws IOException {
            byte[] out = new byte[length];
            read(position, out, 0, length);
            return out;
        }

        /** Reads {@code len} bytes at {@code position} (within the file's size); holes read as zeros. */
        void read(long position, byte[] dst, int off, int len) throws IOException {
            while (len > 0) {
                long block = position / blockSize;
                int within = (int) (position % blockSize);
                int i = Arrays.binarySearch(starts, block);
                i = i >= 0 ? i : -i - 2;
                Run run = i >= 0 && block < runs.get(i).logical() + runs.get(i).count() ? runs.get(i) : null;
                long available;
                if (run == null) {
                    long nextStart = i + 1 < starts.length ? starts[i + 1] : Long.MAX_VALUE / blockSize;
                    available = (nextStart - block) * blockSize - within;
                } else {
                    available = (run.logical() + run.count() - block) * blockSize - within;
                }
                int n = (int) Math.min(len, available);
                if (run == null || run.physical() < 0) {
                    Arrays.fill(dst, off, off + n, (byte) 0);
                } else {
                    volume.read((run.physical() + block - run.logical()) * blockSize + within, dst, off, n);
                }
                position += n;
                off += n;
                len -= n;
            }
        }

        InputStream stream() {
            return new InputStream() {
                private long position;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (position >= inode.size()) {
                        return -1;
                    }
                    int n = (int) Math.min(len, Math.min(inode.size() - position, 1 << 20));
                    Content.this.read(position, b, off, n);
                    position += n;
                    return n;
                }
            };
        }
    }

    static int u32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }
}
