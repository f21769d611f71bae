package org.bulwark.node.m365;

import org.bulwark.node.m365.backup.BackupReport;
import org.bulwark.node.m365.graphlocal.Mime;
import org.bulwark.node.m365.metadata.ItemVersion;
import org.bulwark.node.m365.metadata.ServiceStore;
import org.bulwark.node.m365.restore.TenantBrowser;
import org.bulwark.node.m365.tenant.ClientCredentialsTokens;
import org.bulwark.node.m365.tenant.GraphConnection;
import org.bulwark.node.m365.tenant.M365AuthenticationException;
import org.bulwark.node.m365.tenant.M365Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Interrupted backups resume, a lost database is rebuilt, wrong secrets fail clearly, secrets never leak. */
class ResilienceTest {

    @TempDir
    Path dir;
    TenantFixture f;
    String user;
    String inbox;
    final List<String> messages = new ArrayList<>();
    final List<byte[]> mimes = new ArrayList<>();

    @BeforeEach
    void tenant() throws IOException {
        f = new TenantFixture(dir);
        user = f.graph.addUser("ines@contoso.test");
        inbox = f.graph.inbox(user);
        for (int i = 0; i < 10; i++) {
            byte[] mime = Mime.message("sender" + i + "@contoso.test", "ines", "message " + i, "body " + i, null, null);
            mimes.add(mime);
            messages.add(f.graph.addMessage(user, inbox, "message " + i, "sender" + i + "@contoso.test", mime));
        }
    }

    @AfterEach
    void close() throws IOException {
        f.close();
    }

    @Test
    void interruptedBackupResumesWithoutDownloadingAgain() throws IOException {
        f.graph.failDownloadsOf(messages.get(6));

        BackupReport broken = f.backup(new ServiceStore.BatchLimits(1 << 20, 4));

        assertFalse(broken.complete());
        assertEquals(1, broken.errors().size());
        assertTrue(broken.errors().getFirst().contains("HTTP 500"), broken.errors().getFirst());
        assertEquals(6, broken.items(), "the six messages before the failure are stored");
        try (TenantBrowser b = f.browser()) {
            assertTrue(b.restorePoints().isEmpty(), () -> "an incomplete run is no restore point: " + dump(b));
        }

        f.graph.heal();
        f.reopen();
        BackupReport resumed = f.backup(new ServiceStore.BatchLimits(1 << 20, 4));

        assertTrue(resumed.complete(), () -> "errors: " + resumed.errors());
        assertEquals(4, resumed.items(), "only the four not stored yet are downloaded");
        assertEquals(6, resumed.unchanged());
        for (int i = 0; i < 10; i++) {
            assertEquals(i == 6 ? 2 : 1, f.graph.downloadsOf(messages.get(i)), "downloads of message " + i);
        }
        try (TenantBrowser b = f.browser()) {
            long rp = b.latest().id();
            assertEquals(10, b.messages(rp, user, inbox).size());
            for (int i = 0; i < 10; i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                b.exportEml(rp, user, messages.get(i), out);
                assertArrayEquals(mimes.get(i), out.toByteArray());
            }
        }
    }

    private static String dump(TenantBrowser b) {
        try {
            StringBuilder sb = new StringBuilder(b.restorePoints().toString());
            for (var s : org.bulwark.node.m365.metadata.Service.values()) {
                sb.append(' ').append(s).append(b.runs(s));
            }
            return sb.toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void lostDatabaseIsRebuiltFromTheRepository() throws IOException {
        String drive = f.graph.driveOf(user);
        byte[] content = "quarterly numbers".getBytes(StandardCharsets.UTF_8);
        String file = f.graph.addDriveItem(drive, null, "numbers.txt", content);
        assertTrue(f.backup().complete());
        f.graph.deleteMessage(user, messages.get(0));
        assertTrue(f.backup().complete());
        List<String> before;
        try (TenantBrowser b = f.browser()) {
            before = listing(b);
        }

        // the destination loses its databases, the node its working copies
        deleteTree(f.metadataHome);
        deleteTree(dir.resolve("work"));
        f.reopen();

        try (TenantBrowser b = f.browser()) {
            assertEquals(before, listing(b));
            long rp = b.latest().id();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            b.exportFile(rp, drive, file, out);
            assertArrayEquals(content, out.toByteArray());
            assertEquals(1, b.deletedItems(org.bulwark.node.m365.metadata.Service.MAIL, user).size());
        }
        assertTrue(Files.exists(f.metadataHome.resolve(TenantFixture.TENANT).resolve("mail.sqlite")), "the rebuilt database is published again");

        // the delta links came back too: an unchanged tenant downloads nothing
        BackupReport again = f.backup();
        assertTrue(again.complete());
        assertEquals(0, again.items());
        assertEquals(1, f.graph.downloadsOf(messages.get(1)));
        assertEquals(1, f.graph.downloadsOf(file));
    }

    private List<String> listing(TenantBrowser b) throws IOException {
        List<String> out = new ArrayList<>();
        b.restorePoints().forEach(p -> out.add("point " + p.id() + " " + p.items()));
        for (var p : b.restorePoints()) {
            for (ItemVersion v : b.messages(p.id(), user, inbox)) {
                out.add(p.id() + " " + v.id() + " " + v.name() + " " + v.sender() + " " + v.recipe());
            }
            for (ItemVersion v : b.children(p.id(), f.graph.driveOf(user), "")) {
                out.add(p.id() + " " + v.id() + " " + v.name() + " " + v.recipe());
            }
        }
        return out;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void wrongSecretGivesAClearErrorWithoutTheSecret() {
        String wrong = "not-the-secret-" + System.nanoTime();
        M365Tenant bad = new M365Tenant(TenantFixture.TENANT, TenantFixture.CLIENT, wrong, f.graph.graphUrl(), f.graph.authorityUrl());

        M365AuthenticationException e = assertThrows(M365AuthenticationException.class, () -> GraphConnection.open(bad));

        assertTrue(e.getMessage().contains("refused the credentials of application " + TenantFixture.CLIENT), e.getMessage());
        assertTrue(e.getMessage().contains("invalid_client") && e.getMessage().contains("AADSTS7000215"), e.getMessage());
        assertTrue(e.getMessage().contains("check the application id and client secret"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong));
        assertEquals(0, f.graph.downloads.size(), "nothing was read");
    }

    @Test
    void secretNeverAppearsInLogsOrToString() throws IOException {
        assertFalse(f.tenant.toString().contains(TenantFixture.SECRET), f.tenant.toString());
        assertTrue(f.tenant.toString().contains("clientSecret=****"));
        assertFalse(new ClientCredentialsTokens(f.tenant).toString().contains(TenantFixture.SECRET));

        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        BackupReport report;
        try {
            f.graph.failDownloadsOf(messages.get(3));
            report = f.backup();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);
        assertTrue(log.contains("backup of tenant " + TenantFixture.TENANT), "the run was logged (at debug and info)");
        assertTrue(log.contains("backup failed"), "the failure was logged");
        assertFalse(log.contains(TenantFixture.SECRET), "the secret is not in the log");
        assertFalse(report.toString().contains(TenantFixture.SECRET));
        for (Path p : Files.walk(dir).filter(Files::isRegularFile).toList()) {
            assertFalse(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(TenantFixture.SECRET),
                    "the secret is not stored in " + p);
        }
    }
}
