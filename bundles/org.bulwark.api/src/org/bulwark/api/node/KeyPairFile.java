package org.bulwark.api.node;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SSH key pair (EC P-256) kept in one file readable by its owner only (0600): a PKCS#8
 * {@code PRIVATE KEY} PEM block followed by an X.509 {@code PUBLIC KEY} block. The node keeps its
 * host key this way, the server its client key. The file is written once, atomically.
 */
public final class KeyPairFile {
    private static final String ALGORITHM = "EC";
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN (PRIVATE|PUBLIC) KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1 KEY-----");

    private KeyPairFile() {
    }

    /** Reads the key pair in {@code file}, or generates one and writes it there if the file is missing. */
    public static KeyPair loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return load(file);
        }
        KeyPair generated = generate();
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".key-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, pem("PRIVATE", generated.getPrivate().getEncoded())
                    + pem("PUBLIC", generated.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return generated;
    }

    private static KeyPair load(Path file) throws IOException {
        Matcher blocks = BLOCK.matcher(Files.readString(file, StandardCharsets.US_ASCII));
        byte[] privateKey = null;
        byte[] publicKey = null;
        while (blocks.find()) {
            byte[] der = Base64.getMimeDecoder().decode(blocks.group(2));
            if (blocks.group(1).equals("PRIVATE")) {
                privateKey = der;
            } else {
                publicKey = der;
            }
        }
        if (privateKey == null || publicKey == null) {
            throw new IOException("not a Bulwark key file (needs a PRIVATE KEY and a PUBLIC KEY block): " + file);
        }
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(publicKey)),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IOException("unreadable key in " + file + ": " + e.getMessage(), e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate EC P-256 keys", e);
        }
    }

    private static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + " KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + kind + " KEY-----\n";
    }
}
