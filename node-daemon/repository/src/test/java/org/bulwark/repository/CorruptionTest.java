package org.bulwark.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bulwark.repository.format.ManifestItem;
import org.bulwark.repository.format.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Damage on the destination is found by verify, named precisely, and restore refuses to write wrong bytes. */
class CorruptionTest {

    @TempDir
    Path tmp;

    private Path repoDir;
    private Backup tree;
    private Backup image;

    private Repository setUp(boolean encrypted) throws IOException {
        repoDir = tmp.resolve("repo");
        Repository repo = TestData.init(repoDir, encrypted);
        tree = repo.backupTree(TestData.tree(tmp.resolve("src"), 11), BackupOptions.labelled("share"));
        image = repo.backupImage(TestData.image(tmp.resolve("disk.img"), 30, 12), BackupOptions.labelled("vm"));
        assertTrue(repo.verify(ProgressListener.NONE).ok());
        return repo;
    }

    /** A chunk used only by the tree's file random.bin. */
    private Path chunkOnlyIn(Repository repo, String path) throws IOException {
        ManifestItem item = repo.manifest(tree).get(tree.entry(path).item());
        Segment s = item.segments().getFirst();
        return repoDir.resolve(s.chunk().objectName());
    }

    @ParameterizedTest(name = "encrypted={0}")
    @ValueSource(booleans = {true, false})
    void flippedByteInAChunkIsNamedAndRestoreFailsLoudly(boolean encrypted) throws IOException {
        try (Repository repo = setUp(encrypted)) {
            Path chunk = chunkOnlyIn(repo, "random.bin");
            byte[] b = Files.readAllBytes(chunk);
            b[b.length / 2] ^= 0x40;
            Files.write(chunk, b);

            VerifyReport r = repo.verify(ProgressListener.NONE);
            assertEquals(List.of(tree.id() + " random.bin"),
                    r.damage().stream().map(d -> d.backupId() + " " + d.path()).toList());
            assertTrue(r.damage().getFirst().problem().contains(chunk.getFileName().toString()));

            Path out = tmp.resolve("out");
            RepositoryException e = assertThrows(RepositoryException.class, () -> repo.restore(tree, out, RestoreOptions.defaults()));
            assertTrue(e.getMessage().contains("random.bin"), e.getMessage());
            assertFalse(Files.exists(out.resolve("random.bin")), "no file with wrong bytes is left behind");
            try (var files = Files.walk(out)) {
                assertTrue(files.noneMatch(p -> p.toString().endsWith(".bulwark-partial")));
            }
            assertThrows(IOException.class, () -> repo.openContent(tree, "random.bin").readAllBytes());
            Path img = tmp.resolve("img");
            repo.restore(image, img, RestoreOptions.defaults());
            assertEquals(TestData.sha256(tmp.resolve("disk.img")), TestData.sha256(img), "undamaged backups still restore");
        }
    }

    @Test
    void deletedChunkIsNamedInEveryBackupThatNeedsIt() throws IOException {
        try (Repository repo = setUp(true)) {
            Backup again = repo.backupTree(tmp.resolve("src"), new BackupOptions("share", null, null, true, null));
            Files.delete(chunkOnlyIn(repo, "docs/report.txt"));
            VerifyReport r = repo.verify(ProgressListener.NONE);
            Set<String> damaged = r.damage().stream().map(d -> d.backupId() + " " + d.path()).collect(Collectors.toSet());
            assertEquals(Set.of(tree.id() + " docs/report.txt", again.id() + " docs/report.txt"), damaged);
            assertTrue(r.damage().getFirst().problem().contains("missing"));
            assertThrows(RepositoryException.class, () -> repo.restore(tree, tmp.resolve("o"), new RestoreOptions("docs/report.txt", false, null)));
            assertFalse(Files.exists(tmp.resolve("o")));
        }
    }

    @Test
    void truncatedManifestIsNamedAndTheBackupRefusesToRestore() throws IOException {
        try (Repository repo = setUp(false)) {
            Path manifest = repoDir.resolve("manifests/" + image.id());
            byte[] b = Files.readAllBytes(manifest);
            Files.write(manifest, java.util.Arrays.copyOf(b, b.length / 2));
            VerifyReport r = repo.verify(ProgressListener.NONE);
            assertEquals(1, r.damage().size());
            assertEquals(image.id(), r.damage().getFirst().backupId());
            assertTrue(r.damage().getFirst().problem().startsWith("manifest damaged"), r.damage().getFirst().problem());
            assertThrows(IOException.class, () -> repo.restore(image, tmp.resolve("img"), RestoreOptions.defaults()));
            assertFalse(Files.exists(tmp.resolve("img")));
            repo.restore(tree, tmp.resolve("tree"), RestoreOptions.defaults());
        }
    }

    @Test
    void chunkSwappedForAnotherValidChunkIsDetected() throws IOException {
        try (Repository repo = setUp(true)) {
            List<Segment> segs = repo.manifest(image).getFirst().segments().stream().filter(s -> !s.zero()).toList();
            Path a = repoDir.resolve(segs.get(0).chunk().objectName());
            Path b = repoDir.resolve(segs.get(1).chunk().objectName());
            Files.write(a, Files.readAllBytes(b));
            VerifyReport r = repo.verify(ProgressListener.NONE);
            assertEquals(List.of(image.id()), r.damage().stream().map(VerifyReport.Damage::backupId).toList());
        }
    }
}
