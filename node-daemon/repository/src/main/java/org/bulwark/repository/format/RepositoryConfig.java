package org.bulwark.repository.format;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The plaintext {@code config} object: format version and the parameters every writer must use.
 * Layout (106 bytes, big-endian) in {@code docs/repository-format.md}.
 *
 * @param repositoryId  16 random bytes naming the repository
 * @param encrypted     whether objects are AES-256-GCM encrypted and chunk ids keyed
 * @param fixedChunkSize chunk size for disk images
 * @param cdcMin        smallest content-defined chunk
 * @param cdcAverage    target average content-defined chunk (power of two)
 * @param cdcMax        largest content-defined chunk
 * @param zstdLevel     compression level
 * @param recycleDays   days pruned objects stay in the recycle bin
 * @param keyCheck      HMAC of the repository key proving a key belongs here (zeros when plain)
 */
public record RepositoryConfig(byte[] repositoryId, boolean encrypted, int fixedChunkSize, int cdcMin, int cdcAverage,
                               int cdcMax, int zstdLevel, int recycleDays, byte[] keyCheck) {

    public static final int FORMAT_VERSION = 1;
    public static final String OBJECT_NAME = "config";
    static final byte[] MAGIC = {'B', 'W', 'R', 'C'};
    static final int LENGTH = 106;

    public RepositoryConfig {
        if (repositoryId.length != 16 || keyCheck.length != 32) {
            throw new IllegalArgumentException("bad id or key check length");
        }
        if (Integer.bitCount(cdcAverage) != 1 || cdcMin >= cdcAverage || cdcAverage >= cdcMax
                || fixedChunkSize < 4096 || cdcMax > 64 << 20 || fixedChunkSize > 64 << 20) {
            throw new IllegalArgumentException("bad chunk sizes");
        }
    }

    public String idHex() {
        return HexFormat.of().formatHex(repositoryId);
    }

    public byte[] encode() {
        try {
            var buf = Codec.buffer();
            var out = new DataOutputStream(buf);
            out.write(MAGIC);
            out.writeShort(FORMAT_VERSION);
            out.write(repositoryId);
            out.writeByte(encrypted ? 1 : 0);
            out.writeInt(fixedChunkSize);
            out.writeInt(cdcMin);
            out.writeInt(cdcAverage);
            out.writeInt(cdcMax);
            out.writeByte(zstdLevel);
            out.writeShort(recycleDays);
            out.write(keyCheck);
            out.write(sha256(buf.toByteArray()));
            return buf.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RepositoryConfig decode(byte[] b) throws IOException {
        if (b.length < 6 || !Arrays.equals(b, 0, 4, MAGIC, 0, 4)) {
            throw new UnsupportedFormatException("not a Bulwark repository (config has no BWRC magic)");
        }
        int version = ((b[4] & 0xff) << 8) | (b[5] & 0xff);
        if (version > FORMAT_VERSION) {
            throw new UnsupportedFormatException("repository format version " + version
                    + " is newer than this Bulwark supports (" + FORMAT_VERSION + "); upgrade Bulwark to open it");
        }
        if (version < 1) {
            throw new UnsupportedFormatException("unknown repository format version " + version);
        }
        if (b.length != LENGTH || !Arrays.equals(sha256(Arrays.copyOf(b, LENGTH - 32)), Arrays.copyOfRange(b, LENGTH - 32, LENGTH))) {
            throw new CorruptObjectException(OBJECT_NAME, "checksum mismatch");
        }
        var in = new DataInputStream(new ByteArrayInputStream(b, 6, LENGTH - 6));
        byte[] id = Codec.readExactly(in, 16);
        boolean enc = in.readUnsignedByte() == 1;
        int fixed = in.readInt();
        int min = in.readInt();
        int avg = in.readInt();
        int max = in.readInt();
        int level = in.readUnsignedByte();
        int recycle = in.readUnsignedShort();
        byte[] check = Codec.readExactly(in, 32);
        return new RepositoryConfig(id, enc, fixed, min, avg, max, level, recycle, check);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "RepositoryConfig[id=" + idHex() + ", encrypted=" + encrypted + ", fixedChunkSize=" + fixedChunkSize
                + ", cdc=" + cdcMin + "/" + cdcAverage + "/" + cdcMax + ", zstd=" + zstdLevel + ", recycleDays=" + recycleDays + "]";
    }
}
