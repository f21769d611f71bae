package org.bulwark.repository;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bulwark.repository.crypto.KeyMaterial;

/**
 * Repository keys already unwrapped in this process, so that a long-running process (a node runs
 * every task of a repository with the same passphrase) does not derive the passphrase's Argon2id
 * key on every {@link Repository#open}.
 *
 * <p>An entry holds the unwrapped key in memory only (never written, never logged) for a bounded
 * time ({@value #TTL_PROPERTY} seconds, default 600; 0 turns the cache off), found by the
 * repository's id and location and by an HMAC of the passphrase under a random key of this process
 * (the passphrase itself is not kept): a different passphrase never finds it. An entry counts only
 * while the repository's key files are byte for byte those it was unlocked with: adding or removing
 * a key file anywhere (another process too) invalidates it, and {@link #forget} drops a repository's
 * entries at once when this process removes a key.
 */
final class UnlockCache {
    static final String TTL_PROPERTY = "bulwark.repository.unlockCacheSeconds";
    private static final int MAX_ENTRIES = 32;

    /** The cache of this process. */
    static final UnlockCache PROCESS = new UnlockCache(
            Duration.ofSeconds(Long.getLong(TTL_PROPERTY, 600)), System::nanoTime);

    private final long ttlNanos;
    private final LongSupplier clock;
    private final SecretKeySpec lookupKey;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    /** An unlocked key, the fingerprint of the key files it was unlocked with, and when it expires. */
    private record Entry(String repository, KeyMaterial key, byte[] keyFiles, long expires) {
    }

    UnlockCache(Duration ttl, LongSupplier clock) {
        this.ttlNanos = ttl.toNanos();
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.lookupKey = new SecretKeySpec(secret, "HmacSHA256");
        Arrays.fill(secret, (byte) 0);
    }

    /**
     * The key unlocked earlier with {@code passphrase} for {@code repository}, if it has not expired
     * and the key files are still those of {@code keyFiles} ({@link #fingerprint}); else null.
     */
    synchronized KeyMaterial get(String repository, byte[] keyFiles, char[] passphrase) {
        if (ttlNanos <= 0) {
            return null;
        }
        String lookup = lookup(repository, passphrase);
        Entry entry = entries.get(lookup);
        if (entry == null) {
            return null;
        }
        if (clock.getAsLong() - entry.expires > 0 || !MessageDigest.isEqual(entry.keyFiles, keyFiles)) {
            entries.remove(lookup);
            return null;
        }
        return entry.key;
    }

    /** Remembers {@code key}, unlocked with {@code passphrase} while the key files were {@code keyFiles}. */
    synchronized void put(String repository, byte[] keyFiles, char[] passphrase, KeyMaterial key) {
        if (ttlNanos <= 0) {
            return;
        }
        entries.put(lookup(repository, passphrase), new Entry(repository, key, keyFiles.clone(),
                clock.getAsLong() + ttlNanos));
        while (entries.size() > MAX_ENTRIES) {
            entries.remove(entries.keySet().iterator().next());
        }
    }

    /** Drops every key of {@code repository} (a key was removed). */
    synchronized void forget(String repository) {
        entries.values().removeIf(entry -> entry.repository.equals(repository));
    }

    synchronized int size() {
        return entries.size();
    }

    /** A digest of the key files' names and bytes, in name order. */
    static byte[] fingerprint(Map<String, byte[]> keyFiles) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            keyFiles.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(file -> {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.getValue());
            });
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String lookup(String repository, char[] passphrase) {
        ByteBuffer bytes;
        try {
            bytes = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(passphrase));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the passphrase is not valid text", e);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            mac.update(repository.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(bytes.duplicate());
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}
