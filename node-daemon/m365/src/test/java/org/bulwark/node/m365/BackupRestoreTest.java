package org.bulwark.node.m365;

import org.bulwark.node.m365.backup.BackupReport;
import org.bulwark.node.m365.discovery.Discovery;
import org.bulwark.node.m365.discovery.TenantInventory;
import org.bulwark.node.m365.graphlocal.Mime;
import org.bulwark.node.m365.metadata.ItemVersion;
import org.bulwark.node.m365.metadata.MetadataDb;
import org.bulwark.node.m365.metadata.MimeSplitter;
import org.bulwark.node.m365.metadata.Service;
import org.bulwark.node.m365.restore.RestorePoint;
import org.bulwark.node.m365.restore.TenantBrowser;
import org.bulwark.node.m365.restore.TenantRestore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Full then incremental backup of a local tenant through the real Graph SDK; browse, export and
 * restore at both restore points.
 */
class BackupRestoreTest {

    @TempDir
    Path dir;
    TenantFixture f;
    String alice;
    String bob;
    String inbox;
    String projects;
    final Map<String, byte[]> mimes = new HashMap<>();
    final byte[] attachment = random(200_000, 7);

    @BeforeEach
    void tenant() throws IOException {
        f = new TenantFixture(dir);
        alice = f.graph.addUser("alice@contoso.test");
        bob = f.graph.addUser("bob@contoso.test");
        inbox = f.graph.inbox(alice);
        projects = f.graph.addFolder(alice, "Projects");
    }

    @AfterEach
    void close() throws IOException {
        f.close();
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    String mail(String user, String folder, String subject, String from, byte[] attach) {
        byte[] mime = Mime.message(from, user + "@contoso.test", subject, "Hello, this is " + subject + ".",
                attach == null ? null : "plan.bin", attach);
        String id = f.graph.addMessage(user, folder, subject, from, mime);
        mimes.put(id, mime);
        return id;
    }

    /** Writes something to a stream. */
    interface Export {
        void to(java.io.OutputStream out) throws IOException;
    }

    static byte[] bytes(Export export) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.to(out);
        return out.toByteArray();
    }

    @Test
    void fullThenIncrementalWithAddsChangesAndDeletes() throws Exception {
        String m1 = mail(alice, inbox, "Quarterly report", "carol@partner.test", attachment);
        String m2 = mail(alice, inbox, "Lunch?", "dave@contoso.test", null);
        String m3 = mail(alice, inbox, "Budget draft", "erin@contoso.test", null);
        String m4 = mail(alice, inbox, "Travel", "frank@contoso.test", null);
        String m5 = mail(alice, projects, "Project kickoff", "grace@contoso.test", null);
        String mb = mail(bob, f.graph.inbox(bob), "Fwd: Quarterly report", "alice@contoso.test", attachment);
        String drive = f.graph.driveOf(alice);
        String docs = f.graph.addDriveItem(drive, null, "Docs", null);
        byte[] plan = random(300_000, 1);
        byte[] notes = "notes v1".getBytes(StandardCharsets.UTF_8);
        byte[] readme = "read me".getBytes(StandardCharsets.UTF_8);
        String planId = f.graph.addDriveItem(drive, docs, "plan.bin", plan);
        String notesId = f.graph.addDriveItem(drive, docs, "notes.txt", notes);
        String readmeId = f.graph.addDriveItem(drive, null, "readme.txt", readme);
        String site = f.graph.addSite("Finance");
        String siteFile = f.graph.addDriveItem(f.graph.siteDrive(site), null, "ledger.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        String team = f.graph.addTeam("Engineering");
        String general = f.graph.addChannel(team, "General");
        String c1 = f.graph.addChannelMessage(team, general, "Welcome", "<p>Welcome all</p>", "Alice");
        String c2 = f.graph.addChannelMessage(team, general, "Build broken", "<p>again</p>", "Bob");
        TenantInventory inventory = new Discovery(f.connection()).discover();
        assertEquals(List.of("alice@contoso.test", "bob@contoso.test"),
                inventory.users().stream().map(TenantInventory.User::userPrincipalName).toList());
        assertEquals(List.of("Everyone"), inventory.groups().stream().map(TenantInventory.Group::displayName).toList());
        assertEquals(List.of(new TenantInventory.Site(site, "Finance", "https://example.sharepoint.com/sites/Finance")), inventory.sites());
        assertEquals(List.of(new TenantInventory.Team(team, "Engineering")), inventory.teams());
        f.graph.throttleNext(2);

        BackupReport full = f.backup();

        assertTrue(full.complete(), () -> "errors: " + full.errors());
        assertEquals(6 + 4 + 2, full.items(), "6 messages, 4 files, 2 channel messages stored");
        assertEquals(2, f.graph.throttled.get(), "two requests were throttled");
        assertTrue(full.throttled() >= 2, "the 429 answers were waited out and counted");
        assertEquals(1, f.graph.downloadsOf(m1));

        // the attachment shared by alice's and bob's message is stored once
        try (TenantBrowser b = f.browser()) {
            long rp = b.latest().id();
            ItemVersion v1 = b.message(rp, alice, m1);
            ItemVersion vb = b.message(rp, bob, mb);
            Set<String> shared = new HashSet<>(v1.blobs());
            shared.retainAll(vb.blobs());
            assertEquals(1, shared.size(), "one piece (the attachment body) is shared");
            long stored = storedMailBytes(b);
            long total = mimes.values().stream().mapToLong(m -> m.length).sum();
            assertTrue(stored <= total - 200_000, "the 270 KB base64 attachment was stored once: " + stored + " of " + total);
        }

        // changes
        String m6 = mail(alice, inbox, "New hire", "hr@contoso.test", null);
        f.graph.flagMessage(alice, m2);
        byte[] m3v2 = Mime.message("erin@contoso.test", "alice", "Budget final", "Final numbers.", null, null);
        f.graph.replaceMessage(alice, m3, "Budget final", m3v2);
        f.graph.deleteMessage(alice, m4);
        f.graph.deleteFolder(alice, projects);
        byte[] notes2 = "notes v2, longer".getBytes(StandardCharsets.UTF_8);
        f.graph.updateFile(drive, notesId, notes2);
        f.graph.renameItem(drive, readmeId, "README.md");
        f.graph.deleteItem(drive, planId);
        String newFile = f.graph.addDriveItem(drive, docs, "new.txt", "fresh".getBytes(StandardCharsets.UTF_8));
        String c3 = f.graph.addChannelMessage(team, general, "Fixed", "<p>green</p>", "Carol");
        f.graph.deleteChannelMessage(team, general, c2);

        BackupReport incr = f.backup();

        assertTrue(incr.complete(), () -> "errors: " + incr.errors());
        assertEquals(1, f.graph.downloadsOf(m1), "unchanged message not downloaded again");
        assertEquals(1, f.graph.downloadsOf(readmeId), "renamed file not downloaded again");
        assertEquals(2, f.graph.downloadsOf(m3), "changed message downloaded again");
        assertEquals(1, f.graph.downloadsOf(m6));
        assertEquals(2, f.graph.downloadsOf(notesId));
        assertTrue(incr.deleted() >= 5, "m4, m5, Projects, plan.bin, c2 tombstoned: " + incr.deleted());

        try (TenantBrowser b = f.browser()) {
            List<RestorePoint> points = b.restorePoints();
            assertEquals(2, points.size());
            long rp1 = points.get(0).id();
            long rp2 = points.get(1).id();
            assertEquals(full.runId(), rp1);

            // mail at both points
            assertEquals(Set.of("Quarterly report", "Lunch?", "Budget draft", "Travel"), names(b.messages(rp1, alice, inbox)));
            assertEquals(Set.of("Quarterly report", "Lunch?", "Budget final", "New hire"), names(b.messages(rp2, alice, inbox)));
            assertEquals(Set.of("Inbox", "Projects"), names(b.mailFolders(rp1, alice)));
            assertEquals(Set.of("Inbox"), names(b.mailFolders(rp2, alice)));
            assertEquals(List.of("Project kickoff"), subjects(b.messages(rp1, alice, projects)));
            assertTrue(b.messages(rp2, alice, projects).isEmpty());
            ItemVersion q = b.message(rp1, alice, m1);
            assertEquals("carol@partner.test", q.sender());
            assertTrue(q.modified() > 0);

            // deleted items are recorded with the time the backup saw them
            List<ItemVersion> deleted = b.deletedItems(Service.MAIL, alice);
            assertEquals(Set.of(m4, m5, projects), ids(deleted));
            assertTrue(deleted.stream().allMatch(v -> v.modified() >= rp2));

            // exports equal the originals byte for byte
            assertArrayEquals(mimes.get(m3), bytes(out -> b.exportEml(rp1, alice, m3, out)));
            assertArrayEquals(m3v2, bytes(out -> b.exportEml(rp2, alice, m3, out)));
            assertArrayEquals(mimes.get(m1), bytes(out -> b.exportEml(rp2, alice, m1, out)));
            assertArrayEquals(plan, bytes(out -> b.exportFile(rp1, drive, planId, out)));
            assertArrayEquals(notes, bytes(out -> b.exportFile(rp1, drive, notesId, out)));
            assertArrayEquals(notes2, bytes(out -> b.exportFile(rp2, drive, notesId, out)));

            // drives → folders → files
            assertEquals(List.of("Docs", "readme.txt"), namesInOrder(b.children(rp1, drive, "")));
            assertEquals(List.of("Docs", "README.md"), namesInOrder(b.children(rp2, drive, "")));
            assertEquals(List.of("notes.txt", "plan.bin"), namesInOrder(b.children(rp1, drive, docs)));
            assertEquals(List.of("new.txt", "notes.txt"), namesInOrder(b.children(rp2, drive, docs)));
            String siteDrive = f.graph.siteDrive(site);
            assertArrayEquals("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), bytes(out -> b.exportFile(rp2, siteDrive, siteFile, out)));

            // zip of the drive root at the first point
            Map<String, byte[]> zip = unzip(bytes(out -> b.exportZip(rp1, drive, "", out)));
            assertEquals(Set.of("Docs/", "Docs/notes.txt", "Docs/plan.bin", "readme.txt"), zip.keySet());
            assertArrayEquals(plan, zip.get("Docs/plan.bin"));

            // search by subject, sender and name
            assertEquals(Set.of(m1, mb), ids(b.search(rp2, "quarterly")));
            assertEquals(Set.of(m6), ids(b.search(rp2, "HR@contoso")));
            assertEquals(Set.of(readmeId), ids(b.search(rp2, "readme")));

            // teams
            assertEquals(List.of("General"), namesInOrder(b.channels(rp2, team)));
            assertEquals(Set.of(c1, c2), ids(b.channelMessages(rp1, team, general)));
            assertEquals(Set.of(c1, c3), ids(b.channelMessages(rp2, team, general)));
            String json = new String(bytes(out -> b.content(b.channelMessages(rp2, team, general).getLast()).transferTo(out)),
                    StandardCharsets.UTF_8);
            assertTrue(json.contains("<p>green</p>") && json.contains("Carol"), json);

            // restore a message of the first point into bob's mailbox, and drive items into alice's drive
            TenantRestore restore = new TenantRestore(f.connection(), b);
            TenantRestore.Result mails = restore.restoreMessages(rp1, alice, List.of(m3, m4), bob);
            assertTrue(mails.folderName().startsWith("Restored "), mails.folderName());
            assertEquals(mails.folderName(), f.graph.foldersOf(bob).get(mails.folderId()));
            assertEquals(2, mails.createdIds().size());
            assertArrayEquals(mimes.get(m3), f.graph.mime(bob, mails.createdIds().get(0)));
            assertArrayEquals(mimes.get(m4), f.graph.mime(bob, mails.createdIds().get(1)));
            assertEquals(Set.of("Budget draft", "Travel"), Set.copyOf(f.graph.messagesIn(bob, mails.folderId()).values()));

            TenantRestore.Result files = restore.restoreDriveItems(rp1, drive, List.of(docs, readmeId), drive);
            String restored = f.graph.childrenOf(drive, null).get(files.folderName());
            assertNotNull(restored, "Restored folder at the drive root");
            Map<String, String> top = f.graph.childrenOf(drive, restored);
            assertEquals(Set.of("Docs", "readme.txt"), top.keySet());
            Map<String, String> restoredDocs = f.graph.childrenOf(drive, top.get("Docs"));
            assertArrayEquals(plan, f.graph.fileContent(drive, restoredDocs.get("plan.bin")));
            assertArrayEquals(notes, f.graph.fileContent(drive, restoredDocs.get("notes.txt")));
            assertArrayEquals(readme, f.graph.fileContent(drive, top.get("readme.txt")));
            // the originals were not touched
            assertArrayEquals(notes2, f.graph.fileContent(drive, notesId));

            // the same restore again lands in a folder of its own
            TenantRestore.Result again = restore.restoreDriveItems(rp1, drive, List.of(readmeId), drive);
            assertFalse(again.folderId().equals(files.folderId()));
        }

        // a third run with no changes downloads nothing
        int before = f.graph.downloads.values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum();
        BackupReport idle = f.backup();
        int after = f.graph.downloads.values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum();
        assertTrue(idle.complete());
        assertEquals(before + 2 + 4, after, "only the restored messages and files (new items in the tenant) are downloaded");
    }

    private static long storedMailBytes(TenantBrowser b) throws IOException {
        Set<String> blobs = new HashSet<>();
        long rp = b.latest().id();
        long sum = 0;
        for (MetadataDb.Owner o : b.mailboxes()) {
            for (ItemVersion folder : b.mailFolders(rp, o.id())) {
                for (ItemVersion m : b.messages(rp, o.id(), folder.id())) {
                    for (String h : m.blobs()) {
                        if (blobs.add(h)) {
                            try (var in = b.content(new ItemVersion(o.id(), ItemVersion.Kinds.MESSAGE, "x", 0, "", "", "", 0, 0, "", h, false))) {
                                sum += in.readAllBytes().length;
                            }
                        }
                    }
                }
            }
        }
        return sum;
    }

    static List<String> subjects(List<ItemVersion> v) {
        return v.stream().map(ItemVersion::name).toList();
    }

    static List<String> namesInOrder(List<ItemVersion> v) {
        return v.stream().map(ItemVersion::name).toList();
    }

    static Set<String> names(List<ItemVersion> v) {
        return new HashSet<>(subjects(v));
    }

    static Set<String> ids(List<ItemVersion> v) {
        Set<String> out = new HashSet<>();
        v.forEach(x -> out.add(x.id()));
        return out;
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    @Test
    void mimeSplitKeepsBytesAndCutsAttachmentsOut() {
        byte[] mime = Mime.message("a@x", "b@x", "s", "text", "f.bin", attachment);
        List<byte[]> parts = MimeSplitter.split(mime);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        parts.forEach(joined::writeBytes);
        assertArrayEquals(mime, joined.toByteArray());
        assertEquals(3, parts.size(), "headers and text, attachment body, closing delimiter");
        byte[] other = Mime.message("z@y", "q@y", "other subject", "other text", "f.bin", attachment);
        assertArrayEquals(parts.get(1), MimeSplitter.split(other).get(1), "same attachment, same piece");
    }
}
