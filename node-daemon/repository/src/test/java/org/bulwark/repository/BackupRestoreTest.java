package org.bulwark.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bulwark.repository.destination.LocalDestination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackupRestoreTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "encrypted={0}")
    @ValueSource(booleans = {true, false})
    void treeRestoresByteForByteWithLinksModesAndTimes(boolean encrypted) throws IOException {
        Path src = TestData.tree(tmp.resolve("src"), 1);
        Files.setPosixFilePermissions(src.resolve("docs/report.txt"), PosixFilePermissions.fromString("rw-r-----"));
        try (Repository repo = TestData.init(tmp.resolve("repo"), encrypted)) {
            Backup b = repo.backupTree(src, BackupOptions.labelled("share"));
            assertTrue(b.errors().isEmpty());
            Path out = tmp.resolve("out");
            repo.restore(b, out, RestoreOptions.defaults());
            for (String f : List.of("random.bin", "docs/report.txt", "docs/deep/small.txt", "empty")) {
                assertArrayEquals(Files.readAllBytes(src.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
                assertEquals(Files.getLastModifiedTime(src.resolve(f)), Files.getLastModifiedTime(out.resolve(f)), f);
            }
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("docs/report.txt"))));
            assertEquals(Path.of("report.txt"), Files.readSymbolicLink(out.resolve("docs/link")));
            try (var files = Files.walk(out)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".bulwark-partial")));
            }
        }
    }

    @Test
    void secondBackupOfUnchangedTreeStoresNoChunksAndReadsNothing() throws IOException {
        Path src = TestData.tree(tmp.resolve("src"), 2);
        try (Repository repo = TestData.init(tmp.resolve("repo"), true)) {
            Backup first = repo.backupTree(src, BackupOptions.labelled("share"));
            long chunks = repo.stats().chunks();
            Backup second = repo.backupTree(src, BackupOptions.labelled("share"));
            assertEquals(first.id(), second.parent());
            assertEquals(0, second.readBytes(), "unchanged files are taken from the parent");
            assertEquals(chunks, repo.stats().chunks());
            Backup rescan = repo.backupTree(src, new BackupOptions("share", null, null, true, null));
            assertEquals(first.logicalBytes(), rescan.readBytes());
            assertEquals(chunks, repo.stats().chunks(), "a rescan dedups everything");
        }
    }

    @Test
    void diskImageWithZeroRunsRestoresRawAndSparse() throws IOException {
        Path img = TestData.image(tmp.resolve("disk.img"), 62, 3); // ends with a zero block
        try (Repository repo = TestData.init(tmp.resolve("repo"), true)) {
            Backup b = repo.backupImage(img, BackupOptions.labelled("vm1/vda"));
            assertEquals(BackupKind.DISK_IMAGE, b.kind());
            long zeroBytes = repo.manifest(b).getFirst().segments().stream().filter(s -> s.zero()).mapToLong(s -> s.length()).sum();
            assertEquals(21L * TestData.BLOCK, zeroBytes, "every zero block is a zero run, not a chunk");
            Path raw = tmp.resolve("raw.img");
            repo.restore(b, raw, RestoreOptions.defaults());
            assertEquals(TestData.sha256(img), TestData.sha256(raw));
            Path sparse = tmp.resolve("sparse.img");
            repo.restore(b, sparse, new RestoreOptions(null, true, null));
            assertEquals(TestData.sha256(img), TestData.sha256(sparse));
            assertEquals(Files.size(img), Files.size(sparse));
        }
    }

    /**
     * An image large enough to be read and restored with direct I/O, whose size is not a multiple
     * of the file system block: the unaligned tail is read and written exactly, the padding of the
     * last block written directly is cut off again.
     */
    @Test
    void diskImageWithUnalignedTailRestoresExactly() throws IOException {
        Path img = TestData.image(tmp.resolve("disk.img"), 80, 8);
        Files.write(img, TestData.text(1000, 9), StandardOpenOption.APPEND);
        try (Repository repo = TestData.init(tmp.resolve("repo"), true)) {
            Backup b = repo.backupImage(img, BackupOptions.labelled("vm1/vda"));
            assertEquals(Files.size(img), b.readBytes());
            for (boolean sparse : new boolean[] {false, true}) {
                Path out = tmp.resolve("out-" + sparse + ".img");
                repo.restore(b, out, new RestoreOptions(null, sparse, null));
                assertEquals(Files.size(img), Files.size(out));
                assertEquals(TestData.sha256(img), TestData.sha256(out));
            }
        }
    }

    @Test
    void incrementalWithChangedExtentsReadsOnlyThemAndRestoresAsFull() throws IOException {
        Path img = TestData.image(tmp.resolve("disk.img"), 100, 4);
        try (Repository repo = TestData.init(tmp.resolve("repo"), true)) {
            Backup full = repo.backupImage(img, BackupOptions.labelled("vm1/vda"));
            String fullSha = TestData.sha256(img);
            List<Extent> changed = new ArrayList<>();
            Random r = new Random(5);
            try (FileChannel ch = FileChannel.open(img, StandardOpenOption.WRITE)) {
                for (int block : new int[] {1, 42, 99}) {
                    long off = (long) block * TestData.BLOCK + 100;
                    byte[] junk = new byte[5000];
                    r.nextBytes(junk);
                    ch.write(java.nio.ByteBuffer.wrap(junk), off);
                    changed.add(new Extent(off, junk.length));
                }
            }
            Backup inc = repo.backupImage(img, BackupOptions.labelled("vm1/vda").withParent(full.id()).withChanged(changed));
            assertEquals(3L * TestData.BLOCK, inc.readBytes(), "only the three touched blocks are read");
            assertEquals(full.id(), inc.parent());
            Path out = tmp.resolve("inc.img");
            repo.restore(inc, out, RestoreOptions.defaults());
            assertEquals(TestData.sha256(img), TestData.sha256(out));
            Path old = tmp.resolve("full.img");
            repo.restore(full, old, RestoreOptions.defaults());
            assertEquals(fullSha, TestData.sha256(old));
            Backup rescan = repo.backupImage(img, BackupOptions.labelled("vm1/vda"));
            assertEquals(Files.size(img), rescan.readBytes());
            assertEquals(repo.manifest(inc), repo.manifest(rescan), "extents and rescan give the same manifest");
        }
    }

    @Test
    void streamBackupAndCatAndDiff() throws IOException {
        byte[] data = TestData.text(1_000_000, 6);
        Path src = TestData.tree(tmp.resolve("src"), 7);
        try (Repository repo = TestData.init(tmp.resolve("repo"), false)) {
            Backup s = repo.backupStream(new ByteArrayInputStream(data), "dump.sql", BackupOptions.labelled("db"));
            assertEquals(data.length, s.logicalBytes());
            try (var in = repo.openContent(s, "dump.sql")) {
                assertArrayEquals(data, in.readAllBytes());
            }
            Backup a = repo.backupTree(src, BackupOptions.labelled("share"));
            Files.writeString(src.resolve("docs/deep/small.txt"), "changed");
            Files.delete(src.resolve("empty"));
            Files.writeString(src.resolve("new.txt"), "new");
            Backup b = repo.backupTree(src, BackupOptions.labelled("share"));
            assertEquals(List.of("M docs/deep/small.txt", "+ new.txt", "- empty"), repo.diff(a, b));
        }
    }

    @Test
    void encryptedRepositoryHidesPlaintextHashesAndContent() throws IOException {
        byte[] secret = TestData.text(10_000, 8);
        Path f = tmp.resolve("secret.txt");
        Files.write(f, secret);
        Path dir = tmp.resolve("repo");
        try (Repository repo = TestData.init(dir, true)) {
            repo.backupFile(f, BackupOptions.labelled("secret"));
        }
        String plainId;
        try {
            plainId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<String> names = new LocalDestination(dir).list("data");
        assertEquals(1, names.size());
        assertFalse(names.getFirst().contains(plainId), "chunk ids are keyed");
        byte[] stored = Files.readAllBytes(dir.resolve(names.getFirst()));
        assertFalse(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains("backup"), "no plaintext on disk");
    }

    @Test
    void restoreRefusesPathsThatLeaveTheTarget() throws IOException {
        Path root = tmp.resolve("t");
        for (String bad : List.of("../x", "a/../../x", "/etc/passwd", "a/./b", "", "a//b")) {
            assertThrows(RepositoryException.class, () -> Restorer.inside(root, bad), bad);
        }
        assertEquals(root.resolve("a/b"), Restorer.inside(root, "a/b"));
    }

    @Test
    void restoreOfOnePathFromATree() throws IOException {
        Path src = TestData.tree(tmp.resolve("src"), 9);
        try (Repository repo = TestData.init(tmp.resolve("repo"), true)) {
            Backup b = repo.backupTree(src, BackupOptions.labelled("share"));
            Path out = tmp.resolve("one.txt");
            repo.restore(b, out, new RestoreOptions("docs/report.txt", false, null));
            assertArrayEquals(Files.readAllBytes(src.resolve("docs/report.txt")), Files.readAllBytes(out));
            assertNull(b.entry("nope"));
            assertThrows(RepositoryException.class, () -> repo.restore(b, tmp.resolve("x"), new RestoreOptions("nope", false, null)));
        }
    }
}
