package org.bulwark.node.enrollment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node is enrolled, and with which server key. Files in the data directory:
 * <ul>
 * <li>{@value #SERVER_KEY_FILE}: the enrolled server's OpenSSH public key (the node is enrolled iff it exists);</li>
 * <li>{@value #TOKEN_FILE}: the one-time token while the node is not enrolled (0600);</li>
 * <li>{@value #BURNED_FILE}: SHA-256 of every token used once, so no token enrolls twice.</li>
 * </ul>
 * Deleting the server key file (or {@link #reset}) makes the node enrollable again with a new token.
 */
public final class EnrollmentStore {
    public static final String SERVER_KEY_FILE = "authorized-server-key";
    public static final String TOKEN_FILE = "enrollment-token";
    public static final String BURNED_FILE = "burned-enrollment-tokens";
    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentStore.class);
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path dataDir;
    private PublicKey serverKey;
    private byte[] token;

    private EnrollmentStore(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * Reads the enrollment state. A node that is not enrolled gets its token: the preset one if it
     * was never used, else the one of {@value #TOKEN_FILE}, else a new random one, written to
     * {@value #TOKEN_FILE} and printed once on standard output.
     */
    public static EnrollmentStore open(Path dataDir, String presetToken) throws IOException {
        EnrollmentStore store = new EnrollmentStore(dataDir);
        Path keyFile = dataDir.resolve(SERVER_KEY_FILE);
        if (Files.exists(keyFile)) {
            store.serverKey = parseKey(Files.readString(keyFile, StandardCharsets.US_ASCII));
            Files.deleteIfExists(dataDir.resolve(TOKEN_FILE));
            LOG.info("Enrolled; server key {}", KeyUtils.getFingerPrint(store.serverKey));
            return store;
        }
        Path tokenFile = dataDir.resolve(TOKEN_FILE);
        if (presetToken != null && !store.burned(presetToken)) {
            store.token = presetToken.getBytes(StandardCharsets.UTF_8);
            LOG.info("Not enrolled; waiting for enrollment with the preset token");
        } else if (Files.exists(tokenFile) && !store.burned(Files.readString(tokenFile).strip())) {
            store.token = Files.readString(tokenFile).strip().getBytes(StandardCharsets.UTF_8);
            LOG.info("Not enrolled; waiting for enrollment with the token in {}", tokenFile);
        } else {
            if (presetToken != null) {
                LOG.warn("The preset enrollment.token was used once already; generating a new token");
            }
            String fresh = newToken();
            writePrivate(tokenFile, fresh + "\n");
            store.token = fresh.getBytes(StandardCharsets.UTF_8);
            System.out.println("Bulwark node enrollment token (one-time, also in " + tokenFile + "): " + fresh);
        }
        return store;
    }

    /** Forgets the enrolled server: the next start generates a new token. */
    public static void reset(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(SERVER_KEY_FILE));
        Files.deleteIfExists(dataDir.resolve(TOKEN_FILE));
    }

    public synchronized boolean isEnrolled() {
        return serverKey != null;
    }

    /** Whether {@code candidate} is this node's unused enrollment token (constant-time comparison). */
    public synchronized boolean acceptsToken(String candidate) {
        return serverKey == null && token != null && candidate != null
                && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code key} is the enrolled server's key. */
    public synchronized boolean isServerKey(PublicKey key) {
        return serverKey != null && KeyUtils.compareKeys(serverKey, key);
    }

    /**
     * Enrolls the server with {@code openSshPublicKey}, burns the token; from now on only that key logs in.
     *
     * @throws IllegalStateException when the node is enrolled already
     * @throws IllegalArgumentException when the key is not an OpenSSH public key
     */
    public synchronized void enroll(String openSshPublicKey) throws IOException {
        if (serverKey != null || token == null) {
            throw new IllegalStateException("node is enrolled already");
        }
        PublicKey key = parseKey(openSshPublicKey);
        Files.writeString(dataDir.resolve(BURNED_FILE), sha256(token) + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        writePrivate(dataDir.resolve(SERVER_KEY_FILE), PublicKeyEntry.toString(key) + "\n");
        Files.deleteIfExists(dataDir.resolve(TOKEN_FILE));
        serverKey = key;
        token = null;
        LOG.info("Enrolled by server key {}; enrollment token burned", KeyUtils.getFingerPrint(key));
    }

    private boolean burned(String candidate) throws IOException {
        Path burnedFile = dataDir.resolve(BURNED_FILE);
        if (!Files.exists(burnedFile)) {
            return false;
        }
        List<String> burned = Files.readAllLines(burnedFile, StandardCharsets.US_ASCII);
        return burned.contains(sha256(candidate.getBytes(StandardCharsets.UTF_8)));
    }

    private static PublicKey parseKey(String line) {
        try {
            return PublicKeyEntry.parsePublicKeyEntry(line.strip())
                    .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an OpenSSH public key: " + e.getMessage(), e);
        }
    }

    private static void writePrivate(Path file, String text) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp", OWNER_ONLY);
        try {
            Files.writeString(temp, text, StandardCharsets.US_ASCII, StandardOpenOption.SYNC);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String newToken() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
