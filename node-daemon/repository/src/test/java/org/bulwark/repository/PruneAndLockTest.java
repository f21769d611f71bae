package org.bulwark.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bulwark.repository.destination.LocalDestination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruneAndLockTest {

    @TempDir
    Path tmp;

    private List<Backup> threeBackups(Repository repo, Path file) throws IOException {
        Backup a = repo.backupFile(file, BackupOptions.labelled("f"));
        Files.write(file, TestData.random(300_000, 2));
        Backup b = repo.backupFile(file, BackupOptions.labelled("f"));
        Files.write(file, TestData.random(300_000, 3));
        Backup c = repo.backupFile(file, BackupOptions.labelled("f"));
        return List.of(a, b, c);
    }

    @Test
    void dryRunListsWhatWouldGoAndChangesNothing() throws IOException {
        Path f = tmp.resolve("f");
        Files.write(f, TestData.random(300_000, 1));
        try (Repository repo = TestData.init(tmp.resolve("repo"), true)) {
            List<Backup> bs = threeBackups(repo, f);
            RepositoryStats before = repo.stats();
            PruneReport r = repo.prune(new RetentionPolicy(1, null, null), true, ProgressListener.NONE);
            assertTrue(r.dryRun());
            assertEquals(List.of(bs.get(0).id(), bs.get(1).id()), r.forgotten().stream().map(Backup::id).toList());
            assertTrue(r.chunks() > 0);
            assertNull(r.recycleBin());
            assertEquals(before, repo.stats());
        }
    }

    @Test
    void pruneKeepsNewestMovesTheRestToTheRecycleBinAndKeptBackupsVerify() throws IOException {
        Path f = tmp.resolve("f");
        Files.write(f, TestData.random(300_000, 1));
        Path dir = tmp.resolve("repo");
        try (Repository repo = TestData.init(dir, true)) {
            List<Backup> bs = threeBackups(repo, f);
            Backup other = repo.backupStream(new java.io.ByteArrayInputStream(TestData.text(100_000, 9)), "s", BackupOptions.labelled("s"));
            PruneReport r = repo.prune(new RetentionPolicy(1, null, "f"), false, ProgressListener.NONE);
            assertEquals(2, r.forgotten().size());
            assertEquals(List.of(bs.get(2).id(), other.id()), repo.list().stream().map(Backup::id).sorted(
                    java.util.Comparator.comparing(id -> id.equals(other.id()))).toList());
            assertTrue(r.recycleBin().startsWith("recycle/"));
            assertTrue(Files.exists(dir.resolve(r.recycleBin()).resolve("backups").resolve(bs.get(0).id())));
            assertTrue(repo.stats().recycleBytes() > 0);
            assertTrue(repo.verify(ProgressListener.NONE).ok());
            try (var in = repo.openContent(repo.list().stream().filter(b -> b.label().equals("f")).findFirst().orElseThrow(), "f")) {
                assertEquals(TestData.sha256(f), TestData.sha256(in));
            }
            PruneReport again = repo.prune(new RetentionPolicy(1, null, null), false, ProgressListener.NONE);
            assertEquals(0, again.chunks());
            assertEquals(List.of(), again.purgedBins(), "the bin waits the configured 7 days");
        }
    }

    @Test
    void forgetRemovesExactlyTheNamedBackupsAndRefusesUnknownIdsRemovingNothing() throws IOException {
        Path f = tmp.resolve("f");
        Files.write(f, TestData.random(300_000, 1));
        try (Repository repo = TestData.init(tmp.resolve("repo"), true)) {
            List<Backup> bs = threeBackups(repo, f);
            RepositoryStats before = repo.stats();
            RepositoryException unknown = assertThrows(RepositoryException.class,
                    () -> repo.forget(java.util.Set.of(bs.get(1).id(), "feedbeef"), ProgressListener.NONE));
            assertTrue(unknown.getMessage().contains("feedbeef"), unknown.getMessage());
            assertEquals(before, repo.stats(), "an unknown id removes nothing");
            PruneReport r = repo.forget(java.util.Set.of(bs.get(1).id()), ProgressListener.NONE);
            assertEquals(List.of(bs.get(1).id()), r.forgotten().stream().map(Backup::id).toList());
            assertTrue(r.chunks() > 0 && r.bytes() > 0, "the middle backup's own chunks go to the recycle bin");
            assertEquals(List.of(bs.get(0).id(), bs.get(2).id()), repo.list().stream().map(Backup::id).toList());
            assertTrue(repo.verify(ProgressListener.NONE).ok());
        }
    }

    @Test
    void recycleBinIsEmptiedAfterItsDaysAndKeepWithinKeepsYoungBackups() throws IOException {
        Path f = tmp.resolve("f");
        Files.write(f, TestData.random(300_000, 1));
        Path dir = tmp.resolve("repo");
        try (Repository repo = Repository.init(new LocalDestination(dir), TestData.options(false).withRecycleDays(0), null)) {
            threeBackups(repo, f);
            PruneReport young = repo.prune(new RetentionPolicy(0, Duration.ofDays(1), null), false, ProgressListener.NONE);
            assertEquals(0, young.forgotten().size(), "all backups are younger than a day");
            PruneReport r = repo.prune(new RetentionPolicy(1, null, null), false, ProgressListener.NONE);
            assertEquals(2, r.forgotten().size());
            assertEquals(1, r.purgedBins().size());
            assertEquals(0, repo.stats().recycleBytes());
            assertTrue(repo.verify(ProgressListener.NONE).ok());
        }
    }

    @Test
    void pruneWithoutRuleIsRefused() throws IOException {
        try (Repository repo = TestData.init(tmp.resolve("repo"), false)) {
            assertThrows(RepositoryException.class, () -> repo.prune(new RetentionPolicy(0, null, null), false, ProgressListener.NONE));
        }
    }

    @Test
    void pruneWaitsForRunningBackupsAndStaleLocksAreCleared() throws IOException {
        Path dir = tmp.resolve("repo");
        try (Repository repo = TestData.init(dir, false)) {
            LocalDestination dest = new LocalDestination(dir);
            try (RepositoryLock backup = RepositoryLock.acquire(dest, false, "backup of test")) {
                RepositoryException e = assertThrows(RepositoryException.class,
                        () -> repo.prune(new RetentionPolicy(1, null, null), false, ProgressListener.NONE));
                assertTrue(e.getMessage().contains("locked"), e.getMessage());
                RepositoryLock.acquire(dest, false, "second backup").close();
            }
            try (RepositoryLock prune = RepositoryLock.acquire(dest, true, "prune")) {
                assertThrows(RepositoryException.class, () -> repo.backupStream(new java.io.ByteArrayInputStream(new byte[10]), "x",
                        BackupOptions.labelled("x")));
            }
            Process dead = new ProcessBuilder("true").start();
            long pid = dead.pid();
            dead.onExit().join();
            byte[] stale = ("exclusive " + RepositoryLock.host() + " " + pid + " 1 prune").getBytes(StandardCharsets.UTF_8);
            dest.writeOnce("locks/00000000deadbeef", stale, 0, stale.length);
            repo.backupStream(new java.io.ByteArrayInputStream(new byte[10]), "x", BackupOptions.labelled("x"));
            assertEquals(List.of(), dest.list("locks"), "the stale lock was removed, ours released");
        }
    }
}
