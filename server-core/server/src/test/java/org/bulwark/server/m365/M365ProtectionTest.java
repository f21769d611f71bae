package org.bulwark.server.m365;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bulwark.api.M365BrowseRequest;
import org.bulwark.api.M365Item;
import org.bulwark.api.M365Policy;
import org.bulwark.api.M365PolicyRequest;
import org.bulwark.api.M365RestorePoint;
import org.bulwark.api.M365RestoreRequest;
import org.bulwark.api.M365Tenant;
import org.bulwark.api.M365TenantRequest;
import org.bulwark.api.M365User;
import org.bulwark.api.NewUser;
import org.bulwark.api.Retention;
import org.bulwark.api.Role;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.api.rest.Api;
import org.bulwark.node.m365.graphlocal.LocalGraphService;
import org.bulwark.node.m365.graphlocal.Mime;
import org.bulwark.server.fixture.Await;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.MariaDb;
import org.bulwark.server.fixture.ServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Microsoft 365 protection end to end: the real server and a real node (in this JVM, over SSH on
 * loopback), the real Graph SDK against a local Graph service. A tenant policy's schedule fires a
 * backup of the users it chooses; restore points are listed, browsed and downloaded through the
 * server byte for byte; retention expires the oldest; viewers are refused what their role forbids;
 * the secret and the passphrase appear in no answer and no log line.
 */
class M365ProtectionTest {
    private static final String TENANT = "contoso-protect";
    private static final String CLIENT = "app-protect-0001";
    private static final String SECRET = "Zz9~protect-client-secret-never-shown";
    private static final String PASSPHRASE = "m365 protection passphrase";
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external().with("node.heartbeat", "PT0.3S");
    private static final HttpClient CLIENT_HTTP = HttpClient.newHttpClient();
    private static M365Fixture m365;
    private static LocalGraphService graph;
    private static M365Tenant tenant;
    private static String admin;
    private static String viewer;
    private static String alice;
    private static String bob;
    private static String carol;
    private static byte[] aliceMime;
    private static String aliceMessage;
    private static String reports;
    private static final byte[] NOTES = "alice's notes\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] Q1 = "first quarter\n".repeat(500).getBytes(StandardCharsets.UTF_8);
    private static final byte[] Q0 = "last year\n".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void start() throws IOException {
        m365 = new M365Fixture(SERVER, "node-protect", TENANT, CLIENT, SECRET, PASSPHRASE);
        graph = m365.graph;
        admin = m365.admin;
        alice = graph.addUser("alice@contoso.test");
        bob = graph.addUser("bob@contoso.test");
        carol = graph.addUser("carol@contoso.test");
        aliceMime = Mime.message("erin@example.test", "alice@contoso.test", "Board figures", "See the attachment.",
                "figures.bin", "0123456789".repeat(3000).getBytes(StandardCharsets.US_ASCII));
        aliceMessage = graph.addMessage(alice, graph.inbox(alice), "Board figures", "erin@example.test", aliceMime);
        graph.addMessage(bob, graph.inbox(bob), "Lunch", "dave@example.test",
                Mime.message("dave@example.test", "bob@contoso.test", "Lunch", "At noon?", null, null));
        graph.addMessage(carol, graph.inbox(carol), "Not protected", "dave@example.test",
                Mime.message("dave@example.test", "carol@contoso.test", "Not protected", "Carol's mail", null, null));
        String drive = graph.driveOf(alice);
        graph.addDriveItem(drive, null, "notes.txt", NOTES);
        reports = graph.addDriveItem(drive, null, "Reports", null);
        graph.addDriveItem(drive, reports, "q1.txt", Q1);
        String old = graph.addDriveItem(drive, reports, "old", null);
        graph.addDriveItem(drive, old, "q0.txt", Q0);
        UUID nodeId = m365.enrolled.id();
        tenant = call("POST", "/tenants", admin, new M365TenantRequest(TENANT, CLIENT, SECRET, nodeId, graph.graphUrl(),
                graph.authorityUrl())).as(M365Tenant.class);
        Task discovery = awaitEnd(call("POST", "/tenants/" + tenant.id() + "/discover", admin, null).as(Task.class));
        assertEquals(TaskState.SUCCEEDED, discovery.state(), discovery.toString());
        assertEquals(200, call("POST", "/users", admin, new NewUser("m365-protect-viewer", "viewer-password-0123", Role.VIEWER))
                .status());
        viewer = http().login("m365-protect-viewer", "viewer-password-0123").token();
    }

    @AfterAll
    static void stop() throws IOException {
        if (m365 != null) {
            m365.close();
        }
    }

    @Test
    void aScheduledPolicyBacksUpItsUsersAndTheServerServesTheirContent() throws Exception {
        String base = "/tenants/" + tenant.id();
        M365Policy policy = call("POST", base + "/policies", admin, new M365PolicyRequest("mail of alice and bob",
                List.of(alice), List.of("BOB@*"), destination(), passphraseFile(), List.of("daily 03:00"),
                new Retention(2, 0), true)).as(M365Policy.class);
        assertEquals(Set.of(alice, bob), Set.copyOf(policy.selectedUserIds()), "alice by hand, bob by pattern, not carol");
        assertEquals(403, call("POST", base + "/policies/" + policy.id() + "/run", viewer, null).status());
        assertEquals(200, call("GET", base + "/policies", viewer, null).status(), "a viewer sees policies");

        // the schedule falls due now: the tenant scheduler queues an M365_BACKUP and moves the schedule on
        try (Connection c = MariaDb.connect(SERVER.server().database());
             PreparedStatement s = c.prepareStatement("UPDATE policy_schedules SET next_run = ? WHERE policy_id = ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
            s.setString(2, policy.id().toString());
            assertEquals(1, s.executeUpdate());
        }
        List<M365RestorePoint> points = Await.until(() -> call("GET", base + "/restore-points", viewer, null)
                .list(M365RestorePoint.class), l -> !l.isEmpty(), "a restore point from the scheduled backup");
        M365RestorePoint first = points.getFirst();
        assertEquals(policy.id(), first.policyId());
        Task scheduled = call("GET", "/tasks/" + first.taskId(), admin, null).as(Task.class);
        assertEquals(TaskType.M365_BACKUP, scheduled.type());
        assertEquals("scheduler", scheduled.owner());
        Instant nextRun = call("GET", base + "/policies", admin, null).list(M365Policy.class).getFirst().schedules()
                .getFirst().nextRun();
        assertTrue(nextRun.isAfter(Instant.now()), "the schedule moved on to " + nextRun);

        String at = base + "/restore-points/" + first.id();
        assertEquals(Set.of(alice, bob), call("GET", at + "/mailboxes", admin, null).list(M365Item.class).stream()
                .map(M365Item::id).collect(Collectors.toSet()), "carol is not in the policy, so not backed up");
        List<M365Item> folders = call("GET", at + "/mailboxes/" + alice + "/folders", admin, null).list(M365Item.class);
        assertTrue(folders.stream().anyMatch(f -> f.id().equals(graph.inbox(alice))), folders.toString());
        List<M365Item> messages = call("GET", at + "/mailboxes/" + alice + "/folders/" + graph.inbox(alice) + "/messages",
                admin, null).list(M365Item.class);
        assertEquals(List.of("Board figures"), messages.stream().map(M365Item::name).toList());
        assertEquals("erin@example.test", messages.getFirst().sender());
        assertEquals(List.of(aliceMessage), call("GET", at + "/search?text=FIGURES", admin, null).list(M365Item.class)
                .stream().filter(i -> i.kind().equals("message")).map(M365Item::id).toList(), "search ignores case");
        assertEquals(403, call("GET", at + "/mailboxes", viewer, null).status(), "a viewer does not browse mail");

        // downloads through the server equal the originals
        Download eml = download(at + "/mailboxes/" + alice + "/messages/" + aliceMessage + ".eml", admin);
        assertEquals(200, eml.status(), eml.text());
        assertArrayEquals(aliceMime, eml.body(), "the .eml is the message's MIME byte for byte");
        assertEquals(403, download(at + "/mailboxes/" + alice + "/messages/" + aliceMessage + ".eml", viewer).status());
        assertEquals(404, download(at + "/mailboxes/" + alice + "/messages/no-such-message.eml", admin).status());

        String drive = graph.driveOf(alice);
        List<M365Item> root = call("GET", at + "/drives/" + drive + "/children", admin, null).list(M365Item.class);
        assertEquals(List.of("Reports", "notes.txt"), root.stream().map(M365Item::name).sorted().toList());
        String notes = root.stream().filter(i -> i.name().equals("notes.txt")).findFirst().orElseThrow().id();
        Download file = download(at + "/drives/" + drive + "/items/" + notes + "/content", admin);
        assertEquals(200, file.status(), file.text());
        assertArrayEquals(NOTES, file.body());
        assertEquals(400, download(at + "/drives/" + drive + "/items/" + reports + "/content", admin).status(),
                "a folder is not downloaded as a file");
        Download zip = download(at + "/drives/" + drive + "/zip?folder=" + URLEncoder.encode(reports, StandardCharsets.UTF_8), admin);
        assertEquals(200, zip.status(), zip.text());
        assertEquals("application/zip", zip.contentType());
        Map<String, byte[]> entries = unzip(zip.body());
        assertEquals(Set.of("q1.txt", "old/", "old/q0.txt"), entries.keySet());
        assertArrayEquals(Q1, entries.get("q1.txt"));
        assertArrayEquals(Q0, entries.get("old/q0.txt"));
        assertEquals(403, download(at + "/drives/" + drive + "/zip", viewer).status());

        // restore from the restore point alone (its repository and passphrase file are known)
        Task restore = awaitEnd(call("POST", base + "/restore", admin, new M365RestoreRequest(null, null, null, first.id(),
                "mail", alice, List.of(aliceMessage), bob)).as(Task.class));
        assertEquals(TaskState.SUCCEEDED, restore.state(), restore.toString());
        String restored = Http.JSON.readTree(restore.result()).path("folderId").asText();
        assertArrayEquals(aliceMime, graph.mime(bob, graph.messagesIn(bob, restored).keySet().iterator().next()));
        assertEquals(403, call("POST", base + "/restore", viewer, new M365RestoreRequest(null, null, null, first.id(),
                "mail", alice, List.of(aliceMessage), bob)).status());

        // two more runs: keep last 2 expires the first
        for (int i = 0; i < 2; i++) {
            Task run = awaitEnd(call("POST", base + "/policies/" + policy.id() + "/run", admin, null).as(Task.class));
            assertEquals(TaskState.SUCCEEDED, run.state(), run.toString());
            Await.until(() -> call("GET", base + "/restore-points", admin, null).list(M365RestorePoint.class),
                    l -> l.stream().anyMatch(p -> p.taskId().equals(run.id())), "the restore point of " + run.id());
        }
        // retention runs after the newest point is recorded: wait for it rather than read the list once
        List<M365RestorePoint> kept = Await.until(() -> call("GET", base + "/restore-points", admin, null)
                .list(M365RestorePoint.class), l -> l.size() <= 2, "retention to keep the last 2");
        assertEquals(2, kept.size(), kept.toString());
        assertFalse(kept.stream().anyMatch(p -> p.id() == first.id()), "the oldest expired");
        assertTrue(kept.getFirst().id() > kept.get(1).id(), "newest first");
        assertEquals(404, download(at + "/mailboxes/" + alice + "/messages/" + aliceMessage + ".eml", admin).status(),
                "an expired restore point is not served");

        // the data side of retention: an M365_PRUNE on the node forgets the expired run in the repository too
        Task prune = Await.until(() -> call("GET", "/tasks", admin, null).list(Task.class).stream()
                .filter(t -> t.type() == TaskType.M365_PRUNE && t.state().isFinal()).findFirst(),
                java.util.Optional::isPresent, "the prune of the expired restore point").orElseThrow();
        assertEquals(TaskState.SUCCEEDED, prune.state(), prune.toString());
        assertEquals("scheduler", prune.owner());
        assertTrue(prune.result().contains("\"runsForgotten\":[" + first.id() + "]"), prune.result());
        Task listed = awaitEnd(call("POST", base + "/browse", admin, new M365BrowseRequest(destination(), passphraseFile(),
                null, "restorePoints", null, null, null, null)).as(Task.class));
        assertEquals(TaskState.SUCCEEDED, listed.state(), listed.toString());
        Set<Long> onNode = new java.util.TreeSet<>();
        Http.JSON.readTree(listed.result()).path("entries").forEach(e -> onNode.add(e.path("id").asLong()));
        assertEquals(kept.stream().map(M365RestorePoint::id).collect(Collectors.toSet()), onNode,
                "the repository's metadata holds the kept restore points only");

        assertSecretsNowhere();
    }

    @Test
    void groupAndLicenseRulesFollowTheDiscovery() {
        String base = "/tenants/" + tenant.id();
        String sales = graph.directory.addGroup("Sales");
        String emea = graph.directory.addGroup("Sales EMEA");
        String e5 = graph.directory.addSku("SPE_E5");
        graph.directory.assignLicense(carol, e5);
        graph.directory.assignLicense(bob, graph.directory.addSku("SPE_F1"));
        discover();
        M365Policy byGroup = call("POST", base + "/policies", admin, new M365PolicyRequest("zz by group", List.of(), List.of(),
                destination(), passphraseFile(), List.of(), null, true, List.of("SALES"), List.of())).as(M365Policy.class);
        M365Policy byLicense = call("POST", base + "/policies", admin, new M365PolicyRequest("zz by license", List.of(), List.of(),
                destination(), passphraseFile(), List.of(), null, true, List.of(), List.of("spe_e5"))).as(M365Policy.class);
        try {
            assertEquals(List.of("SALES"), byGroup.groups());
            assertEquals(List.of(), byGroup.selectedUserIds(), "Sales has no member yet");
            assertEquals(List.of(carol), byLicense.selectedUserIds(), "the E5 holder by part number, not bob (F1) or alice");
            assertEquals(409, call("POST", base + "/policies/" + byGroup.id() + "/run", admin, null).status(), "nobody to back up");
            assertEquals(Set.of(e5), Set.copyOf(call("GET", base + "/users", admin, null).list(M365User.class).stream()
                    .filter(u -> u.id().equals(carol)).findFirst().orElseThrow().skuIds()));

            // bob joins Sales, alice joins Sales EMEA (inside Sales): covered after the next discovery, not before
            graph.directory.addMember(sales, bob);
            graph.directory.addMember(emea, alice);
            graph.directory.addMember(sales, emea);
            assertEquals(List.of(), policy(byGroup.id()).selectedUserIds());
            discover();
            assertEquals(Set.of(alice, bob), Set.copyOf(policy(byGroup.id()).selectedUserIds()));
            M365Policy byId = call("PUT", base + "/policies/" + byGroup.id(), admin, new M365PolicyRequest("zz by group",
                    List.of(), List.of(), destination(), passphraseFile(), List.of(), null, true, List.of(emea), List.of(e5)))
                    .as(M365Policy.class);
            assertEquals(Set.of(alice, carol), Set.copyOf(byId.selectedUserIds()), "Sales EMEA by id, E5 by SKU id");

            graph.directory.removeMember(sales, bob);
            discover();
            assertEquals(Set.of(alice, carol), Set.copyOf(policy(byGroup.id()).selectedUserIds()));
            Http.Answer blank = call("POST", base + "/policies", admin, new M365PolicyRequest("zz blank", List.of(), List.of(),
                    destination(), passphraseFile(), List.of(), null, true, List.of(" "), List.of()));
            assertEquals(400, blank.status(), blank.body());
            Http.Answer none = call("POST", base + "/policies", admin, new M365PolicyRequest("zz none", List.of(), List.of(),
                    destination(), passphraseFile(), List.of(), null, true, List.of(), List.of()));
            assertTrue(none.error().message().contains("groups or licenses"), none.body());
        } finally {
            call("DELETE", base + "/policies/" + byGroup.id(), admin, null);
            call("DELETE", base + "/policies/" + byLicense.id(), admin, null);
        }
    }

    @Test
    void tenantPoliciesKeepGfsRetentionAndRefuseNegativeCounts() {
        String base = "/tenants/" + tenant.id();
        Retention gfs = new Retention(3, 0, 7, 4, 12, 2);
        M365Policy policy = call("POST", base + "/policies", admin, new M365PolicyRequest("zz gfs", List.of(alice),
                List.of(), destination(), passphraseFile(), List.of(), gfs, true)).as(M365Policy.class);
        try {
            assertEquals(gfs, policy(policy.id()).retention(), "every rule is stored, not only keep-last and keep-days");
            Http.Answer negative = call("POST", base + "/policies", admin, new M365PolicyRequest("zz negative",
                    List.of(alice), List.of(), destination(), passphraseFile(), List.of(), new Retention(0, 0, 0, -1, 0, 0),
                    true));
            assertEquals(400, negative.status(), negative.body());
            assertTrue(negative.error().message().contains("keepWeekly"), negative.body());
        } finally {
            call("DELETE", base + "/policies/" + policy.id(), admin, null);
        }
    }

    private static void discover() {
        Task discovery = awaitEnd(call("POST", "/tenants/" + tenant.id() + "/discover", admin, null).as(Task.class));
        assertEquals(TaskState.SUCCEEDED, discovery.state(), discovery.toString());
    }

    private static M365Policy policy(UUID id) {
        return call("GET", "/tenants/" + tenant.id() + "/policies", admin, null).list(M365Policy.class).stream()
                .filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void policiesAreCheckedAndRefusedWhenTheyCannotRun() {
        String base = "/tenants/" + tenant.id() + "/policies";
        Http.Answer badSchedule = call("POST", base, admin, new M365PolicyRequest("bad", List.of(alice), List.of(),
                destination(), passphraseFile(), List.of("daily 25:00"), null, true));
        assertEquals(400, badSchedule.status(), badSchedule.body());
        assertTrue(badSchedule.error().message().contains("schedules[0]"), badSchedule.body());
        assertEquals(400, call("POST", base, admin, new M365PolicyRequest("relative", List.of(alice), List.of(),
                "relative/dest", passphraseFile(), List.of(), null, true)).status());
        assertEquals(400, call("POST", base, admin, new M365PolicyRequest("nobody chosen", List.of(), List.of(),
                destination(), passphraseFile(), List.of(), null, true)).status());
        assertEquals(403, call("POST", base, viewer, new M365PolicyRequest("viewer's", List.of(alice), List.of(),
                destination(), passphraseFile(), List.of(), null, true)).status());

        M365Policy nobody = call("POST", base, admin, new M365PolicyRequest("matches nobody", List.of(), List.of("zed*"),
                destination(), passphraseFile(), List.of(), null, true)).as(M365Policy.class);
        assertEquals(List.of(), nobody.selectedUserIds());
        assertEquals(409, call("POST", base + "/" + nobody.id() + "/run", admin, null).status(), "nobody to back up");
        assertEquals(409, call("POST", base, admin, new M365PolicyRequest("matches nobody", List.of(carol), List.of(),
                destination(), passphraseFile(), List.of(), null, true)).status(), "a name is used once per tenant");
        M365Policy disabled = call("PUT", base + "/" + nobody.id(), admin, new M365PolicyRequest("matches nobody",
                List.of(carol), List.of(), destination(), passphraseFile(), List.of("weekly MON 01:00"), null, false))
                .as(M365Policy.class);
        assertEquals(List.of(carol), disabled.selectedUserIds());
        assertEquals(409, call("POST", base + "/" + nobody.id() + "/run", admin, null).status(), "a disabled policy does not run");
        assertEquals(204, call("DELETE", base + "/" + nobody.id(), admin, null).status());
        assertEquals(404, call("POST", base + "/" + nobody.id() + "/run", admin, null).status());
        assertEquals(404, call("GET", "/tenants/" + tenant.id() + "/restore-points/12345/mailboxes", admin, null).status(),
                "no such restore point");
    }

    private static String destination() {
        return m365.destination();
    }

    private static String passphraseFile() {
        return m365.passphraseFile();
    }

    private static Http http() {
        return m365.http();
    }

    /** A REST call whose answer is kept for the secret check. */
    private static Http.Answer call(String method, String path, String token, Object body) {
        return m365.call(method, path, token, body);
    }

    private static Task awaitEnd(Task task) {
        return Await.until(() -> call("GET", "/tasks/" + task.id(), admin, null).as(Task.class), t -> t.state().isFinal(),
                "end of task " + task.id());
    }

    /** A download: status, bytes, content type. */
    private record Download(int status, byte[] body, String contentType) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static Download download(String path, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = CLIENT_HTTP.send(HttpRequest.newBuilder(URI.create(SERVER.server().url() + Api.BASE + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        Download download = new Download(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
        if (download.status() != 200) {
            m365.keep(download.text());
        }
        return download;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** Neither the client secret nor the repository passphrase is in an API answer or a log line. */
    private static void assertSecretsNowhere() {
        for (String secret : List.of(SECRET, PASSPHRASE)) {
            m365.answers().forEach(body -> assertFalse(body.contains(secret), "API answer with a secret: " + body));
            assertTrue(m365.logs.lines().size() > 10, "log lines were captured");
            m365.logs.lines().forEach(line -> assertFalse(line.contains(secret), "log line with a secret: " + line));
            assertFalse(SERVER.server().stdout().contains(secret));
        }
    }
}
