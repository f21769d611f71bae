package org.bulwark.node.m365;

import org.bulwark.node.m365.graphlocal.Mime;
import org.bulwark.node.m365.metadata.Service;
import org.bulwark.node.m365.metadata.ServiceStore;
import org.bulwark.node.m365.restore.RestorePoint;
import org.bulwark.node.m365.restore.TenantBrowser;
import org.bulwark.node.m365.retention.TenantPrune;
import org.bulwark.repository.ProgressListener;
import org.bulwark.repository.RepositoryStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention that frees data: full, changes and deletes, incrementals, then the oldest restore
 * points are forgotten; the versions only they saw leave the metadata and the repository, the kept
 * restore points still restore every item byte for byte.
 */
class PruneTest {

    private static final int BIG = 1_100_000;

    @TempDir
    Path dir;
    TenantFixture f;
    String alice;
    String inbox;
    String drive;
    final Map<String, byte[]> mimes = new HashMap<>();

    @BeforeEach
    void tenant() throws IOException {
        f = new TenantFixture(dir);
        alice = f.graph.addUser("alice@contoso.test");
        inbox = f.graph.inbox(alice);
        drive = f.graph.driveOf(alice);
    }

    @AfterEach
    void close() throws IOException {
        f.close();
    }

    private String mail(String subject, byte[] attachment) {
        byte[] mime = Mime.message("carol@partner.test", "alice@contoso.test", subject, "About " + subject + ".",
                attachment == null ? null : "data.bin", attachment);
        String id = f.graph.addMessage(alice, inbox, subject, "carol@partner.test", mime);
        mimes.put(id, mime);
        return id;
    }

    private List<ServiceStore.PruneResult> forget(long... runs) throws IOException {
        Set<Long> ids = new java.util.HashSet<>();
        for (long r : runs) {
            ids.add(r);
        }
        return new TenantPrune(f.repo, f.metadataHome, dir.resolve("work"), TenantFixture.TENANT).forget(ids);
    }

    @Test
    void forgottenRestorePointsFreeTheirVersionsAndKeptOnesRestoreEverything() throws Exception {
        String kept = mail("Kept", null);
        String changed = mail("Draft", BackupRestoreTest.random(BIG, 1));
        String deletedEarly = mail("Old news", BackupRestoreTest.random(BIG, 2));
        String deletedLate = mail("Lunch", BackupRestoreTest.random(BIG, 6));
        byte[] v1 = BackupRestoreTest.random(BIG, 3);
        String file = f.graph.addDriveItem(drive, null, "plan.bin", v1);
        String small = f.graph.addDriveItem(drive, null, "notes.txt", "notes".getBytes(StandardCharsets.UTF_8));
        long run1 = f.backup().runId();

        byte[] draft2 = Mime.message("carol@partner.test", "alice@contoso.test", "Final", "Final.", "data.bin",
                BackupRestoreTest.random(BIG, 4));
        f.graph.replaceMessage(alice, changed, "Final", draft2);
        f.graph.deleteMessage(alice, deletedEarly);
        byte[] v2 = BackupRestoreTest.random(BIG, 5);
        f.graph.updateFile(drive, file, v2);
        long run2 = f.backup().runId();

        f.graph.deleteMessage(alice, deletedLate);
        long run3 = f.backup().runId();
        RepositoryStats before = f.repo.stats();

        // keep the last two: the first version of the draft, the deleted message and the first file version go
        List<ServiceStore.PruneResult> first = forget(run1);
        assertEquals(java.util.Arrays.stream(Service.values()).map(s -> ServiceStore.label(TenantFixture.TENANT, s))
                .collect(java.util.stream.Collectors.toSet()), Set.copyOf(first.stream().map(ServiceStore.PruneResult::service).toList()),
                "every service backed up (runs without teams or contacts included)");
        assertTrue(first.stream().allMatch(r -> r.runsForgotten().equals(List.of(run1))), first::toString);
        RepositoryStats afterFirst = f.repo.stats();
        assertTrue(afterFirst.storedBytes() < before.storedBytes() - 3L * BIG,
                "three versions of 1.5 MB (4 with the base64 of two attachments) freed: " + before.storedBytes() + " → " + afterFirst.storedBytes());

        try (TenantBrowser b = f.browser()) {
            assertEquals(List.of(run2, run3), b.restorePoints().stream().map(RestorePoint::id).toList());
            assertEquals(Set.of("Kept", "Final", "Lunch"), BackupRestoreTest.names(b.messages(run2, alice, inbox)));
            assertArrayEquals(mimes.get(deletedLate), eml(b, run2, deletedLate), "deleted after a kept point: still restorable");
            assertArrayEquals(draft2, eml(b, run2, changed));
            assertArrayEquals(v2, file(b, run2, file));
            assertEquals(Set.of(deletedLate), BackupRestoreTest.ids(b.deletedItems(Service.MAIL, alice)),
                    "the tombstone that hides a kept version stays; the one of a message deleted before run 2 is gone");
        }

        // keep only the newest
        forget(run2);
        RepositoryStats afterSecond = f.repo.stats();
        assertTrue(afterSecond.storedBytes() < afterFirst.storedBytes() - BIG, "the deleted lunch message freed too: "
                + afterFirst.storedBytes() + " → " + afterSecond.storedBytes());
        assertTrue(f.repo.verify(ProgressListener.NONE).ok(), "the repository verifies");
        checkNewestOnly(run3, kept, changed, draft2, file, v2, small, deletedLate);

        // the metadata database, lost, is rebuilt from the repository to the same state
        deleteTree(f.metadataHome);
        deleteTree(dir.resolve("work"));
        f.reopen();
        checkNewestOnly(run3, kept, changed, draft2, file, v2, small, deletedLate);

        // the next incremental continues from the kept delta links: nothing unchanged is downloaded again
        int downloads = f.graph.downloadsOf(kept) + f.graph.downloadsOf(small);
        long run4 = f.backup().runId();
        assertEquals(downloads, f.graph.downloadsOf(kept) + f.graph.downloadsOf(small));
        try (TenantBrowser b = f.browser()) {
            assertEquals(List.of(run3, run4), b.restorePoints().stream().map(RestorePoint::id).toList());
        }

        // forgetting what is not there changes nothing
        assertTrue(forget(12345L).stream().allMatch(r -> r.runsForgotten().isEmpty() && r.batchesRemoved() == 0));
        assertThrows(IllegalArgumentException.class, () -> new TenantPrune(f.repo, f.metadataHome, dir.resolve("work"),
                TenantFixture.TENANT).forget(Set.of()));
    }

    private void checkNewestOnly(long run3, String kept, String changed, byte[] draft2, String file, byte[] v2, String small,
                                 String deletedLate) throws IOException {
        try (TenantBrowser b = f.browser()) {
            assertEquals(List.of(run3), b.restorePoints().stream().map(RestorePoint::id).toList());
            assertEquals(Set.of(kept, changed), BackupRestoreTest.ids(b.messages(run3, alice, inbox)));
            assertArrayEquals(mimes.get(kept), eml(b, run3, kept));
            assertArrayEquals(draft2, eml(b, run3, changed));
            assertArrayEquals(v2, file(b, run3, file));
            assertArrayEquals("notes".getBytes(StandardCharsets.UTF_8), file(b, run3, small));
            assertTrue(b.deletedItems(Service.MAIL, alice).isEmpty(), "deleted before the kept restore point: forgotten");
            assertTrue(b.search(run3, "lunch").isEmpty() && b.search(run3, "old news").isEmpty());
            assertThrows(IOException.class, () -> b.message(run3, alice, deletedLate));
        }
    }

    private byte[] eml(TenantBrowser b, long run, String id) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.exportEml(run, alice, id, out);
        return out.toByteArray();
    }

    private byte[] file(TenantBrowser b, long run, String id) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.exportFile(run, drive, id, out);
        return out.toByteArray();
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
