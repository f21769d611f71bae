package org.bulwark.node.mount.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bulwark.node.mount.image.DiskImage;

/**
 * Reads the partitions of a disk: GPT (behind a protective MBR), MBR with primary and logical
 * (extended) partitions, or a whole-disk file system. 512-byte sectors.
 */
public final class PartitionTable {
    private static final int SECTOR = 512;
    private static final int MAX_LOGICAL = 128;

    private PartitionTable() {
    }

    /** The partitions of {@code disk}, in table order; an unpartitioned disk with a file system gives one of number 0. */
    public static List<Partition> read(DiskImage disk) throws IOException {
        if (disk.size() < 2 * SECTOR) {
            return List.of();
        }
        ByteBuffer mbr = le(disk.read(0, SECTOR));
        boolean hasMbr = (mbr.getShort(510) & 0xffff) == 0xAA55;
        if (hasMbr) {
            for (int i = 0; i < 4; i++) {
                if ((mbr.get(446 + 16 * i + 4) & 0xff) == 0xEE) {
                    return gpt(disk);
                }
            }
        }
        String whole = FileSystems.probe(disk);
        if (!whole.equals("unknown")) {
            return List.of(new Partition(0, "none", "", "", 0, disk.size(), whole));
        }
        return hasMbr ? mbr(disk, mbr) : List.of();
    }

    private static List<Partition> mbr(DiskImage disk, ByteBuffer mbr) throws IOException {
        List<Partition> out = new ArrayList<>();
        long extended = -1;
        for (int i = 0; i < 4; i++) {
            int at = 446 + 16 * i;
            int type = mbr.get(at + 4) & 0xff;
            long start = Integer.toUnsignedLong(mbr.getInt(at + 8)) * SECTOR;
            long length = Integer.toUnsignedLong(mbr.getInt(at + 12)) * SECTOR;
            if (type == 0 || length == 0) {
                continue;
            }
            if (isExtended(type)) {
                extended = start;
            } else {
                out.add(partition(disk, i + 1, "mbr", String.format("0x%02x", type), "", start, length));
            }
        }
        if (extended >= 0) {
            long ebr = extended;
            for (int n = 5; n < 5 + MAX_LOGICAL && ebr + SECTOR <= disk.size(); n++) {
                ByteBuffer b = le(disk.read(ebr, SECTOR));
                if ((b.getShort(510) & 0xffff) != 0xAA55) {
                    throw new IOException("logical partition table at byte " + ebr + " lacks its signature");
                }
                int type = b.get(446 + 4) & 0xff;
                long length = Integer.toUnsignedLong(b.getInt(446 + 12)) * SECTOR;
                if (type != 0 && length > 0) {
                    long start = ebr + Integer.toUnsignedLong(b.getInt(446 + 8)) * SECTOR;
                    out.add(partition(disk, n, "mbr", String.format("0x%02x", type), "", start, length));
                }
                long next = Integer.toUnsignedLong(b.getInt(446 + 16 + 8)) * SECTOR;
                if ((b.get(446 + 16 + 4) & 0xff) == 0 || next == 0) {
                    break;
                }
                ebr = extended + next;
            }
        }
        return out;
    }

    private static boolean isExtended(int type) {
        return type == 0x05 || type == 0x0F || type == 0x85;
    }

    private static List<Partition> gpt(DiskImage disk) throws IOException {
        ByteBuffer h = le(disk.read(SECTOR, SECTOR));
        if (!new String(disk.read(SECTOR, 8), StandardCharsets.US_ASCII).equals("EFI PART")) {
            throw new IOException("protective MBR without a GPT header at sector 1");
        }
        long entriesAt = h.getLong(72) * SECTOR;
        int count = h.getInt(80);
        int entrySize = h.getInt(84);
        if (count < 0 || count > 1024 || entrySize < 128 || entrySize > 4096 || entriesAt < 0
                || entriesAt > disk.size() - (long) count * entrySize) {
            throw new IOException("GPT header describes an impossible partition array (" + count + " x " + entrySize
                    + " bytes at " + entriesAt + ")");
        }
        ByteBuffer entries = le(disk.read(entriesAt, count * entrySize));
        List<Partition> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = i * entrySize;
            long hi = entries.getLong(at);
            long lo = entries.getLong(at + 8);
            if (hi == 0 && lo == 0) {
                continue;
            }
            long first = entries.getLong(at + 32);
            long last = entries.getLong(at + 40);
            byte[] nameBytes = new byte[72];
            entries.get(at + 56, nameBytes);
            String name = new String(nameBytes, StandardCharsets.UTF_16LE);
            int end = name.indexOf('\0');
            out.add(partition(disk, i + 1, "gpt", guid(entries, at), end < 0 ? name : name.substring(0, end),
                    first * SECTOR, (last - first + 1) * SECTOR));
        }
        return out;
    }

    /** A GPT GUID in its usual text form (first three fields stored little-endian). */
    private static String guid(ByteBuffer le, int at) {
        ByteBuffer be = ByteBuffer.allocate(16);
        be.putInt(le.getInt(at)).putShort(le.getShort(at + 4)).putShort(le.getShort(at + 6));
        for (int i = 8; i < 16; i++) {
            be.put(le.get(at + i));
        }
        be.flip();
        return new UUID(be.getLong(), be.getLong()).toString().toUpperCase(java.util.Locale.ROOT);
    }

    private static Partition partition(DiskImage disk, int number, String scheme, String type, String name, long offset,
            long length) throws IOException {
        if (offset < 0 || length <= 0 || offset > disk.size() - length) {
            throw new IOException("partition " + number + " (" + offset + "+" + length + ") reaches past the disk of "
                    + disk.size() + " bytes");
        }
        return new Partition(number, scheme, type, name, offset, length, FileSystems.probe(disk.slice(offset, length)));
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
