package org.bulwark.repository.format;

import java.util.Arrays;
import java.util.HexFormat;

/** The 32-byte name of a chunk: SHA-256 of its plaintext, or HMAC-SHA-256 in encrypted repositories. */
public final class ChunkId {

    public static final int LENGTH = 32;

    private final byte[] bytes;
    private final int hash;

    public ChunkId(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("chunk id must have 32 bytes");
        }
        this.bytes = bytes.clone();
        this.hash = Arrays.hashCode(bytes);
    }

    public static ChunkId ofHex(String hex) {
        return new ChunkId(HexFormat.of().parseHex(hex));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** The object name of the chunk on the destination: {@code data/<2 hex>/<64 hex>}. */
    public String objectName() {
        String hex = hex();
        return "data/" + hex.substring(0, 2) + "/" + hex;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return hex().substring(0, 16);
    }
}
