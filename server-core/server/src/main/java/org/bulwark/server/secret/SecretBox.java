package org.bulwark.server.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets for the database with AES-256-GCM under a key kept in a file of the server's
 * data folder (mode 0600, created on first use). Each secret is bound to its owner's id
 * (associated data), so a ciphertext copied to another row does not decrypt.
 * Format: base64 of a 12-byte nonce followed by the ciphertext and tag.
 */
public final class SecretBox {
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();
    private final Path keyFile;
    private SecretKeySpec key;

    /** @param keyFile where the key is, or will be created on first use */
    public SecretBox(Path keyFile) {
        this.keyFile = keyFile;
    }

    /** The secret encrypted for the row {@code owner}. */
    public String encrypt(String owner, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, owner);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * The secret of the row {@code owner}.
     *
     * @throws IllegalStateException when it was not sealed with this key for this owner
     */
    public String decrypt(String owner, String sealed) {
        byte[] in = Base64.getDecoder().decode(sealed);
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("the stored secret of " + owner + " is truncated");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, NONCE_BYTES), owner);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored secret of " + owner + " does not decrypt with the key in " + keyFile
                    + " (was the key file replaced?)", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String owner) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private synchronized SecretKeySpec key() {
        if (key == null) {
            try {
                key = new SecretKeySpec(loadOrCreate(), "AES");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or create the secret key file " + keyFile, e);
            }
        }
        return key;
    }

    private byte[] loadOrCreate() throws IOException {
        if (!Files.exists(keyFile)) {
            byte[] fresh = new byte[KEY_BYTES];
            random.nextBytes(fresh);
            Files.createDirectories(keyFile.getParent());
            Path temp = Files.createTempFile(keyFile.getParent(), ".secret-key-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temp, fresh, StandardOpenOption.SYNC);
            try {
                Files.createLink(keyFile, temp);
            } catch (FileAlreadyExistsException e) {
                // another server process created it first: use that one
            } finally {
                Files.delete(temp);
            }
        }
        byte[] bytes = Files.readAllBytes(keyFile);
        if (bytes.length != KEY_BYTES) {
            throw new IOException("the key file " + keyFile + " must hold " + KEY_BYTES + " bytes, not " + bytes.length);
        }
        return bytes;
    }
}
