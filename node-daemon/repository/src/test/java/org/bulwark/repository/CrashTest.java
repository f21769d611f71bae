package org.bulwark.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real command-line tool with SIGKILL at random points of backup and prune, then checks
 * that every listed backup restores to exactly what was backed up, that backups listed before a
 * killed backup are all still there, that no half backup is listed, and that the next run completes.
 * Runs {@code bulwark.crashRuns} (default 14) child processes; seed in {@code bulwark.crashSeed}. The
 * "next run" after each kill runs in-process through the same library.
 */
class CrashTest {

    private static final int FILES = 6;

    @TempDir
    Path tmp;

    private final Map<String, Map<String, String>> expected = new HashMap<>();
    private final Set<String> contentChecked = new HashSet<>();

    @Test
    void killedBackupsAndPrunesNeverLoseOrHalfWriteABackup() throws Exception {
        int runs = Integer.getInteger("bulwark.crashRuns", 14);
        long seed = Long.getLong("bulwark.crashSeed", System.nanoTime());
        Random random = new Random(seed);
        Path src = Files.createDirectories(tmp.resolve("src"));
        for (int i = 0; i < FILES; i++) {
            Files.write(src.resolve("f" + i), TestData.random(600_000, random.nextLong()));
        }
        Path repoDir = tmp.resolve("repo");
        CliRunner cli = new CliRunner(repoDir, List.of());
        assertEquals(0, cli.run("init").exitCode());
        // the kill delays are fractions of an uninterrupted run: the shorter of two, as the first
        // (cold caches, a load spike on a shared machine) may take far longer than the runs killed
        long fullRunMillis = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            mutate(src, random);
            Set<String> before = listed(repoDir);
            long t0 = System.nanoTime();
            CliRunner.Result r = cli.run("backup", "--label", "share", src.toString());
            fullRunMillis = Math.min(fullRunMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            assertEquals(0, r.exitCode(), r.toString());
            Set<String> after = listed(repoDir);
            after.removeAll(before);
            expected.put(after.iterator().next(), hashes(src));
        }
        int kills = 0;
        for (int run = 0; run < runs; run++) {
            boolean prune = random.nextInt(3) == 0;
            String[] args = prune ? new String[] {"prune", "--keep-last", "3"} : new String[] {"backup", "--label", "share", src.toString()};
            if (!prune) {
                mutate(src, random);
            }
            Set<String> before = listed(repoDir);
            Process p = cli.builder(args).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long delay = (long) ((0.3 + 0.65 * random.nextDouble()) * fullRunMillis);
            if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                kills++;
            }
            p.waitFor();
            String context = "seed " + seed + ", run " + run + (prune ? " (prune)" : " (backup)") + " killed after " + delay + " ms";
            Set<String> after = listed(repoDir);
            if (prune) {
                assertTrue(before.containsAll(after), "prune only removes backups: " + context);
                assertTrue(after.size() >= Math.min(3, before.size()), "prune keeps the newest three: " + context);
            } else {
                assertTrue(after.containsAll(before), "earlier backups survive a killed backup: " + context);
                assertTrue(after.size() <= before.size() + 1, context);
                after.stream().filter(id -> !before.contains(id)).forEach(id -> expected.put(id, hashes(src)));
            }
            checkEveryBackupRestoresExactly(repoDir, context);
            try (Repository repo = TestData.open(repoDir)) {
                if (prune) {
                    repo.prune(new RetentionPolicy(3, null, null), false, ProgressListener.NONE);
                } else {
                    Backup b = repo.backupTree(src, BackupOptions.labelled("share"));
                    expected.put(b.id(), hashes(src));
                }
            }
        }
        checkEveryBackupRestoresExactly(repoDir, "end, seed " + seed);
        assertTrue(kills >= runs / 3, "most runs were killed mid-way (" + kills + " of " + runs + "), seed " + seed);
    }

    private static void mutate(Path src, Random random) throws IOException {
        for (int i = 0; i < 2; i++) {
            Files.write(src.resolve("f" + random.nextInt(FILES)), TestData.random(600_000, random.nextLong()));
        }
    }

    private static Map<String, String> hashes(Path src) {
        Map<String, String> h = new TreeMap<>();
        for (int i = 0; i < FILES; i++) {
            try {
                h.put("f" + i, TestData.sha256(src.resolve("f" + i)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return h;
    }

    private static Set<String> listed(Path repoDir) throws IOException {
        try (Repository repo = TestData.open(repoDir)) {
            Set<String> ids = new HashSet<>();
            repo.list().forEach(b -> ids.add(b.id()));
            return ids;
        }
    }

    private void checkEveryBackupRestoresExactly(Path repoDir, String context) throws IOException {
        try (Repository repo = TestData.open(repoDir)) {
            VerifyReport report = repo.verify(ProgressListener.NONE);
            assertTrue(report.ok(), "verify after " + context + ": " + report.damage());
            for (Backup b : repo.list()) {
                Map<String, String> want = expected.get(b.id());
                assertTrue(want != null, "backup " + b.id() + " was never completed: " + context);
                if (!contentChecked.add(b.id())) {
                    continue; // its manifest and chunks were just verified; content was compared before
                }
                List<String> files = new ArrayList<>();
                for (CatalogEntry e : b.entries()) {
                    try (var in = repo.openContent(b, e.path())) {
                        assertEquals(want.get(e.path()), TestData.sha256(in), e.path() + " of " + b.shortId() + ", " + context);
                    }
                    files.add(e.path());
                }
                assertEquals(want.keySet(), new java.util.TreeSet<>(files), context);
            }
        }
    }
}
