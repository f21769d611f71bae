package org.bulwark.repository.format;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Binary encoding of a backup's manifest (the list of items), described in the format document. */
public final class Manifests {
    private static final int VERSION = 1;

    private Manifests() {
    }

    public static String objectName(String backupId) {
        return "manifests/" + backupId;
    }

    public static byte[] encode(List<ManifestItem> items) {
        try {
            var buf = Codec.buffer();
            var out = new DataOutputStream(buf);
            out.writeByte(VERSION);
            out.writeInt(items.size());
            for (ManifestItem item : items) {
                out.writeLong(item.size());
                out.writeInt(item.segments().size());
                for (Segment s : item.segments()) {
                    if (s.zero()) {
                        out.writeByte(0);
                        out.writeLong(s.length());
                    } else {
                        out.writeByte(1);
                        out.writeInt((int) s.length());
                        out.write(s.chunk().bytes());
                    }
                }
            }
            return buf.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<ManifestItem> decode(String name, byte[] plain) throws CorruptObjectException {
        try {
            var in = new DataInputStream(new ByteArrayInputStream(plain));
            if (in.readUnsignedByte() != VERSION) {
                throw new CorruptObjectException(name, "unknown manifest version");
            }
            int n = in.readInt();
            List<ManifestItem> items = new ArrayList<>(Math.min(n, 1 << 16));
            for (int i = 0; i < n; i++) {
                long size = in.readLong();
                int count = in.readInt();
                List<Segment> segs = new ArrayList<>(Math.min(count, 1 << 16));
                long sum = 0;
                for (int j = 0; j < count; j++) {
                    int kind = in.readUnsignedByte();
                    Segment s = switch (kind) {
                        case 0 -> new Segment(null, in.readLong());
                        case 1 -> {
                            int len = in.readInt();
                            yield new Segment(new ChunkId(Codec.readExactly(in, ChunkId.LENGTH)), len);
                        }
                        default -> throw new CorruptObjectException(name, "bad segment kind " + kind);
                    };
                    sum += s.length();
                    segs.add(s);
                }
                if (sum != size) {
                    throw new CorruptObjectException(name, "item " + i + " segments cover " + sum + " of " + size + " bytes");
                }
                items.add(new ManifestItem(size, List.copyOf(segs)));
            }
            if (in.available() != 0) {
                throw new CorruptObjectException(name, "trailing bytes");
            }
            return items;
        } catch (CorruptObjectException e) {
            throw e;
        } catch (IOException e) {
            throw new CorruptObjectException(name, "truncated manifest");
        }
    }
}
