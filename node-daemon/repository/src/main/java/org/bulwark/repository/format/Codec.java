package org.bulwark.repository.format;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Helpers for the big-endian binary encodings of the format (strings: u32 length + UTF-8). */
final class Codec {
    private Codec() {
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 20) {
            throw new IOException("string length out of range: " + n);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    static byte[] readExactly(DataInputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("truncated");
        }
        return b;
    }

    static ByteArrayOutputStream buffer() {
        return new ByteArrayOutputStream(4096);
    }
}
