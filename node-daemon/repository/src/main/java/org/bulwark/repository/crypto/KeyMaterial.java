package org.bulwark.repository.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 32-byte random repository key and the keys derived from it with HMAC-SHA-256:
 * the data key (AES-256-GCM), the id key (keyed chunk ids) and the key check stored in the config.
 */
public final class KeyMaterial {

    public static final int LENGTH = 32;

    private final byte[] master;
    private final SecretKeySpec dataKey;
    private final SecretKeySpec idKey;
    private final ThreadLocal<Mac> idMac;

    public KeyMaterial(byte[] master) {
        if (master.length != LENGTH) {
            throw new IllegalArgumentException("repository key must have 32 bytes");
        }
        this.master = master.clone();
        this.dataKey = new SecretKeySpec(derive(master, "bulwark data key v1"), "AES");
        this.idKey = new SecretKeySpec(derive(master, "bulwark chunk id key v1"), "HmacSHA256");
        this.idMac = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(idKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static KeyMaterial generate() {
        byte[] b = new byte[LENGTH];
        new SecureRandom().nextBytes(b);
        return new KeyMaterial(b);
    }

    static byte[] derive(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value stored in the config to recognize this key (reveals nothing about it). */
    public byte[] keyCheck() {
        return derive(master, "bulwark key check v1");
    }

    public SecretKeySpec dataKey() {
        return dataKey;
    }

    /** A per-thread HMAC-SHA-256 initialized with the id key. */
    public Mac idMac() {
        return idMac.get();
    }

    /** The raw key, for wrapping and export only. */
    public byte[] exportBytes() {
        return master.clone();
    }

    public boolean matches(byte[] keyCheck) {
        return java.security.MessageDigest.isEqual(keyCheck(), keyCheck);
    }

    @Override
    public String toString() {
        return "KeyMaterial[***]";
    }
}
