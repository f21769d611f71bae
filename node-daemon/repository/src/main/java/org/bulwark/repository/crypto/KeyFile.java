package org.bulwark.repository.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bulwark.repository.format.UnsupportedFormatException;

/**
 * One {@code keys/<id>} object: the repository key wrapped (AES-256-GCM) under a key derived from a
 * passphrase with Argon2id. Layout (98 bytes) in {@code docs/repository-format.md}.
 *
 * @param kdf     Argon2id parameters
 * @param salt    16 random bytes
 * @param created when the passphrase was added
 * @param nonce   12 random bytes
 * @param wrapped the encrypted repository key with its 16-byte tag
 */
public record KeyFile(KdfParams kdf, byte[] salt, Instant created, byte[] nonce, byte[] wrapped) {

    private static final byte[] MAGIC = {'B', 'W', 'K', '1'};
    private static final int KDF_ARGON2ID = 1;
    private static final int HEADER = 50;

    /** Wraps the repository key under a passphrase. */
    public static KeyFile wrap(KeyMaterial key, char[] passphrase, KdfParams kdf) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        KeyFile header = new KeyFile(kdf, salt, Instant.ofEpochMilli(System.currentTimeMillis()), nonce, new byte[48]);
        byte[] kek = derive(passphrase, kdf, salt);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(header.encode(), 0, HEADER);
            return new KeyFile(kdf, salt, header.created, nonce, c.doFinal(key.exportBytes()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /**
     * Unwraps the repository key.
     *
     * @return the key, or null when the passphrase does not open this key file
     */
    public KeyMaterial unwrap(char[] passphrase) {
        byte[] kek = derive(passphrase, kdf, salt);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(encode(), 0, HEADER);
            byte[] master = c.doFinal(wrapped);
            try {
                return new KeyMaterial(master);
            } finally {
                Arrays.fill(master, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static byte[] derive(char[] passphrase, KdfParams kdf, byte[] salt) {
        Argon2Parameters p = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(kdf.memoryKiB()).withIterations(kdf.iterations())
                .withParallelism(kdf.parallelism()).build();
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(p);
        byte[] out = new byte[32];
        gen.generateBytes(passphrase, out);
        return out;
    }

    public byte[] encode() {
        try {
            var buf = new ByteArrayOutputStream(98);
            var out = new DataOutputStream(buf);
            out.write(MAGIC);
            out.writeByte(KDF_ARGON2ID);
            out.writeInt(kdf.memoryKiB());
            out.writeInt(kdf.iterations());
            out.writeByte(kdf.parallelism());
            out.write(salt);
            out.writeLong(created.toEpochMilli());
            out.write(nonce);
            out.write(wrapped);
            return buf.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyFile decode(byte[] b) throws IOException {
        if (b.length != HEADER + 48 || !Arrays.equals(b, 0, 4, MAGIC, 0, 4)) {
            throw new UnsupportedFormatException("not a Bulwark key file");
        }
        var in = new DataInputStream(new ByteArrayInputStream(b, 4, b.length - 4));
        if (in.readUnsignedByte() != KDF_ARGON2ID) {
            throw new UnsupportedFormatException("unknown key derivation function");
        }
        KdfParams kdf = new KdfParams(in.readInt(), in.readInt(), in.readUnsignedByte());
        byte[] salt = in.readNBytes(16);
        Instant created = Instant.ofEpochMilli(in.readLong());
        byte[] nonce = in.readNBytes(12);
        byte[] wrapped = in.readNBytes(48);
        return new KeyFile(kdf, salt, created, nonce, wrapped);
    }

    /** A short, stable id of this key file (hex of its salt's first 8 bytes). */
    public String id() {
        return java.util.HexFormat.of().formatHex(salt, 0, 8);
    }

    @Override
    public String toString() {
        return "KeyFile[id=" + id() + ", kdf=" + kdf + ", created=" + created + ", wrapped=***]";
    }
}
