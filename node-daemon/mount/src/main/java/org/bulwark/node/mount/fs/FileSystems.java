package org.bulwark.node.mount.fs;

import java.io.IOException;
import org.bulwark.node.mount.image.DiskImage;

/** Recognizes file systems by their superblock. */
final class FileSystems {
    private FileSystems() {
    }

    /** {@code ext4}, {@code ext3}, {@code ext2} or {@code unknown}. */
    static String probe(DiskImage volume) throws IOException {
        if (volume.size() < 2048) {
            return "unknown";
        }
        byte[] sb = volume.read(1024, 1024);
        if ((sb[0x38] & 0xff) != 0x53 || (sb[0x39] & 0xff) != 0xEF) {
            return "unknown";
        }
        int incompat = Ext4.u32(sb, 0x60);
        int compat = Ext4.u32(sb, 0x5C);
        if ((incompat & (Ext4.INCOMPAT_EXTENTS | Ext4.INCOMPAT_64BIT | Ext4.INCOMPAT_FLEX_BG)) != 0) {
            return "ext4";
        }
        return (compat & 0x4) != 0 ? "ext3" : "ext2";
    }
}
