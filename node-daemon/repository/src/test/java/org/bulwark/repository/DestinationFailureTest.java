package org.bulwark.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bulwark.repository.destination.LocalDestination;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full destination, an interrupted backup, and an unreadable source file. */
class DestinationFailureTest {

    @TempDir
    Path tmp;

    @Test
    void fullDestinationGivesAClearErrorAndLeavesTheRepositoryValid() throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("small"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        Assumptions.assumeTrue(p.waitFor() == 0, "cannot mount a 3 MiB tmpfs here (needs root and mount rights): " + output);
        try {
            Path small = tmp.resolve("small.bin");
            Files.write(small, TestData.random(500_000, 1));
            Path big = tmp.resolve("big.bin");
            Files.write(big, TestData.random(6_000_000, 2));
            try (Repository repo = TestData.init(mount.resolve("repo"), true)) {
                Backup ok = repo.backupFile(small, BackupOptions.labelled("small"));
                RepositoryException e = assertThrows(RepositoryException.class, () -> repo.backupFile(big, BackupOptions.labelled("big")));
                assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
                assertTrue(e.getMessage().contains("earlier backups are intact"), e.getMessage());
                assertEquals(List.of(ok.id()), repo.list().stream().map(Backup::id).toList(), "no half backup is listed");
                assertEquals(List.of(), new LocalDestination(mount.resolve("repo")).listTemporaries("data"));
                assertTrue(repo.verify(ProgressListener.NONE).ok());
                try (var in = repo.openContent(ok, "small.bin")) {
                    assertEquals(TestData.sha256(small), TestData.sha256(in));
                }
            }
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor();
        }
    }

    @Test
    void interruptedBackupResumesWithoutResendingStoredChunks() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        for (int i = 0; i < 8; i++) {
            Files.write(src.resolve("file" + i), TestData.random(400_000, i));
        }
        Path dir = tmp.resolve("repo");
        try (Repository repo = TestData.init(dir, true)) {
            ProgressListener abort = (phase, done, total) -> {
                if (done > 1_500_000) {
                    throw new IllegalStateException("interrupted");
                }
            };
            assertThrows(IllegalStateException.class, () -> repo.backupTree(src, BackupOptions.labelled("s").withProgress(abort)));
            assertEquals(List.of(), repo.list());
            Map<String, Object> stored = inodes(dir);
            assertTrue(stored.size() > 3, "the interrupted run stored chunks: " + stored.size());
            Backup b = repo.backupTree(src, BackupOptions.labelled("s"));
            Map<String, Object> after = inodes(dir);
            for (var e : stored.entrySet()) {
                assertEquals(e.getValue(), after.get(e.getKey()), "chunk " + e.getKey() + " was not written again");
            }
            long resent = after.keySet().stream().filter(k -> !stored.containsKey(k)).count();
            assertEquals(after.size() - stored.size(), resent);
            assertTrue(b.newBytes() < 8 * 400_000 - 1_000_000, "only the rest went to the destination: " + b.newBytes());
            Path out = tmp.resolve("out");
            repo.restore(b, out, RestoreOptions.defaults());
            for (int i = 0; i < 8; i++) {
                assertEquals(TestData.sha256(src.resolve("file" + i)), TestData.sha256(out.resolve("file" + i)));
            }
        }
    }

    private static Map<String, Object> inodes(Path repo) throws IOException {
        try (var files = Files.walk(repo.resolve("data"))) {
            return files.filter(Files::isRegularFile).collect(Collectors.toMap(Path::toString, f -> {
                try {
                    return Files.getAttribute(f, "unix:ino");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }

    @Test
    void unreadableSourceFileIsReportedAndTheRestIsBackedUp() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux) to run as nobody");
        Path base = Files.createDirectories(tmp.resolve("base"));
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(base, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Path src = Files.createDirectories(base.resolve("src"));
        Files.write(src.resolve("a.txt"), TestData.text(50_000, 1));
        Files.write(src.resolve("locked.txt"), TestData.text(50_000, 2));
        Files.write(src.resolve("z.txt"), TestData.text(50_000, 3));
        Files.setPosixFilePermissions(src.resolve("locked.txt"), Set.of());
        Path repoDir = base.resolve("repo");
        CliRunner cli = CliRunner.withCopiedClassPath(repoDir, List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
                Files.createDirectories(base.resolve("cp")));
        CliRunner.Result init = cli.run("init", "--unencrypted");
        assertEquals(0, init.exitCode(), init.toString());
        CliRunner.Result r = cli.run("backup", "--label", "share", src.toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("locked.txt"), r.stderr());
        try (Repository repo = Repository.open(new LocalDestination(repoDir), null)) {
            Backup b = repo.list().getFirst();
            assertEquals(List.of("a.txt", "z.txt"), b.entries().stream().map(CatalogEntry::path).toList());
            assertEquals(1, b.errors().size());
            assertTrue(b.errors().getFirst().path().endsWith("locked.txt"));
            try (var in = repo.openContent(b, "z.txt")) {
                assertEquals(TestData.sha256(src.resolve("z.txt")), TestData.sha256(in));
            }
        }
    }
}
