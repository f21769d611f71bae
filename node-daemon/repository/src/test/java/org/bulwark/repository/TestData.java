package org.bulwark.repository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.bulwark.repository.crypto.KdfParams;
import org.bulwark.repository.destination.LocalDestination;

/** Real test data on disk and repositories with a cheap KDF (the KDF's cost is not under test here). */
final class TestData {
    static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    static final KdfParams FAST_KDF = new KdfParams(8 * 1024, 1, 1);
    static final int BLOCK = 64 << 10;

    private TestData() {
    }

    /** Small chunk sizes so that tests of a few MiB exercise many chunks. */
    static InitOptions options(boolean encrypted) {
        InitOptions o = InitOptions.defaults().withKdf(FAST_KDF).withChunkSizes(BLOCK, 16 << 10, 64 << 10, 256 << 10);
        return encrypted ? o : o.unencrypted();
    }

    static Repository init(Path dir, boolean encrypted) throws IOException {
        return Repository.init(new LocalDestination(dir), options(encrypted), PASSPHRASE);
    }

    static Repository open(Path dir) throws IOException {
        return Repository.open(new LocalDestination(dir), PASSPHRASE);
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] text(int size, long seed) {
        Random r = new Random(seed);
        String[] words = {"backup", "restore", "policy", "node", "chunk", "manifest", "catalog", "retention", "disk", "zero"};
        StringBuilder sb = new StringBuilder(size + 16);
        while (sb.length() < size) {
            sb.append(words[r.nextInt(words.length)]).append(r.nextInt(7) == 0 ? '\n' : ' ');
        }
        return sb.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    /** A disk image of {@code blocks} blocks: random, zero and text blocks in turn. */
    static Path image(Path file, int blocks, long seed) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < blocks; i++) {
                switch (i % 3) {
                    case 0 -> out.write(random(BLOCK, seed + i));
                    case 1 -> out.write(new byte[BLOCK]);
                    default -> out.write(text(BLOCK, seed + i));
                }
            }
        }
        return file;
    }

    /** A small tree: random and text files, an empty file, a nested folder, a symlink. */
    static Path tree(Path root, long seed) throws IOException {
        Files.createDirectories(root.resolve("docs/deep"));
        Files.write(root.resolve("random.bin"), random(700_000, seed));
        Files.write(root.resolve("docs/report.txt"), text(300_000, seed + 1));
        Files.write(root.resolve("docs/deep/small.txt"), "hello".getBytes(StandardCharsets.US_ASCII));
        Files.write(root.resolve("empty"), new byte[0]);
        Files.createSymbolicLink(root.resolve("docs/link"), Path.of("report.txt"));
        return root;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
