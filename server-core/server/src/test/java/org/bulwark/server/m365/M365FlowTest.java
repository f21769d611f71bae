package org.bulwark.server.m365;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.M365BackupRequest;
import org.bulwark.api.M365BrowseRequest;
import org.bulwark.api.M365RestoreRequest;
import org.bulwark.api.M365Tenant;
import org.bulwark.api.M365TenantRequest;
import org.bulwark.api.M365User;
import org.bulwark.api.NewUser;
import org.bulwark.api.Node;
import org.bulwark.api.Role;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.node.m365.graphlocal.LocalGraphService;
import org.bulwark.node.m365.graphlocal.Mime;
import org.bulwark.server.BulwarkServer;
import org.bulwark.server.fixture.Await;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.MariaDb;
import org.bulwark.server.fixture.ServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Microsoft 365 end to end: the real server and a real node (in this JVM, over SSH on loopback)
 * run discovery, backup and restore through the real Graph SDK against a local Graph service.
 * The client secret is in no API answer, no log line, and not in plain text in the database.
 */
class M365FlowTest {
    private static final String TENANT = "contoso-flow";
    private static final String CLIENT = "app-flow-0001";
    private static final String SECRET = "Qq8~flow-client-secret-that-must-never-leak";
    private static final String PASSPHRASE = "m365 repository passphrase";
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external().with("node.heartbeat", "PT0.3S");
    private static M365Fixture m365;
    private static LocalGraphService graph;
    private static Node enrolled;
    private static String admin;
    private static String alice;
    private static String bob;
    private static byte[] aliceMime;
    private static String aliceMessage;

    @BeforeAll
    static void start() throws IOException {
        m365 = new M365Fixture(SERVER, "node-m365", TENANT, CLIENT, SECRET, PASSPHRASE);
        graph = m365.graph;
        admin = m365.admin;
        enrolled = m365.enrolled;
        alice = graph.addUser("alice@contoso.test");
        bob = graph.addUser("bob@contoso.test");
        aliceMime = Mime.message("carol@example.test", "alice@contoso.test", "Quarterly figures", "See the attachment.",
                "figures.bin", "0123456789".repeat(3000).getBytes(StandardCharsets.US_ASCII));
        aliceMessage = graph.addMessage(alice, graph.inbox(alice), "Quarterly figures", "carol@example.test", aliceMime);
        graph.addMessage(bob, graph.inbox(bob), "Lunch", "dave@example.test",
                Mime.message("dave@example.test", "bob@contoso.test", "Lunch", "At noon?", null, null));
        graph.addDriveItem(graph.driveOf(alice), null, "notes.txt", "alice's notes".getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() throws IOException {
        if (m365 != null) {
            m365.close();
        }
    }

    private static Http http() {
        return m365.http();
    }

    /** A REST call whose answer is kept for the secret check. */
    private static Http.Answer call(String method, String path, String token, Object body) {
        return m365.call(method, path, token, body);
    }

    private static Task awaitEnd(Task task) {
        Task end = Await.until(() -> call("GET", "/tasks/" + task.id(), admin, null).as(Task.class), t -> t.state().isFinal(),
                "end of task " + task.id());
        call("GET", "/tasks/" + task.id() + "/log", admin, null);
        return end;
    }

    private static M365Tenant register(String token, String tenantId, String secret, LocalGraphService service) {
        Http.Answer answer = call("POST", "/tenants", token, new M365TenantRequest(tenantId, CLIENT, secret, enrolled.id(),
                service.graphUrl(), service.authorityUrl()));
        assertEquals(200, answer.status(), answer.body());
        return answer.as(M365Tenant.class);
    }

    @Test
    void registerDiscoverBackUpAndRestoreWithoutTheSecretLeaking() throws Exception {
        M365Tenant tenant = register(admin, TENANT, SECRET, graph);
        assertTrue(tenant.hasSecret());
        assertEquals(List.of(TENANT), call("GET", "/tenants", admin, null).list(M365Tenant.class).stream()
                .map(M365Tenant::tenantId).filter(TENANT::equals).toList());
        Http.Answer twice = call("POST", "/tenants", admin, new M365TenantRequest(TENANT, CLIENT, SECRET, enrolled.id(), null, null));
        assertEquals(409, twice.status(), "a tenant id is registered once");

        assertEquals(409, call("GET", "/tenants/" + tenant.id() + "/users", admin, null).status(), "no discovery yet");
        Task discovery = awaitEnd(call("POST", "/tenants/" + tenant.id() + "/discover", admin, null).as(Task.class));
        assertEquals(TaskState.SUCCEEDED, discovery.state(), discovery.toString());
        List<M365User> users = call("GET", "/tenants/" + tenant.id() + "/users", admin, null).list(M365User.class);
        assertEquals(List.of("alice@contoso.test", "bob@contoso.test"),
                users.stream().map(M365User::userPrincipalName).sorted().toList());

        String destination = m365.destination();
        Task backup = awaitEnd(call("POST", "/tenants/" + tenant.id() + "/backup", admin,
                new M365BackupRequest(destination, null, PASSPHRASE)).as(Task.class));
        assertEquals(TaskState.SUCCEEDED, backup.state(), backup.toString());
        JsonNode result = Http.JSON.readTree(backup.result());
        assertTrue(result.path("complete").asBoolean(), backup.result());
        assertTrue(result.path("items").asLong() >= 3, "two messages and a file at least: " + backup.result());
        assertTrue(result.path("bytes").asLong() > aliceMime.length, backup.result());
        long point = result.path("restorePoint").asLong();
        assertTrue(Files.isRegularFile(Path.of(m365.destination(), "m365").resolve(TENANT).resolve("mail.sqlite")),
                "the SQLite metadata lies beside the data on the destination");

        Task browse = awaitEnd(call("POST", "/tenants/" + tenant.id() + "/browse", admin, new M365BrowseRequest(destination,
                null, PASSPHRASE, "messages", null, alice, graph.inbox(alice), null)).as(Task.class));
        assertEquals(TaskState.SUCCEEDED, browse.state(), browse.toString());
        JsonNode listing = Http.JSON.readTree(browse.result());
        assertEquals(point, listing.path("restorePoint").asLong(), "the latest restore point is the backup's");
        assertEquals(aliceMessage, listing.path("entries").path(0).path("id").asText(), browse.result());
        assertEquals("Quarterly figures", listing.path("entries").path(0).path("name").asText());
        assertEquals("carol@example.test", listing.path("entries").path(0).path("sender").asText());
        Task badList = awaitEnd(call("POST", "/tenants/" + tenant.id() + "/browse", admin, new M365BrowseRequest(destination,
                null, PASSPHRASE, "everything", null, null, null, null)).as(Task.class));
        assertEquals(TaskState.FAILED, badList.state(), "an unknown listing is refused by the node");
        assertTrue(badList.message().contains("parameter list must be"), badList.message());

        Task restore = awaitEnd(call("POST", "/tenants/" + tenant.id() + "/restore", admin, new M365RestoreRequest(
                destination, null, PASSPHRASE, point, "mail", alice, List.of(aliceMessage), bob)).as(Task.class));
        assertEquals(TaskState.SUCCEEDED, restore.state(), restore.toString());
        String folder = Http.JSON.readTree(restore.result()).path("folderId").asText();
        assertTrue(graph.foldersOf(bob).get(folder).startsWith("Restored "), graph.foldersOf(bob).toString());
        List<String> restored = List.copyOf(graph.messagesIn(bob, folder).keySet());
        assertEquals(1, restored.size());
        assertArrayEquals(aliceMime, graph.mime(bob, restored.getFirst()), "the restored message equals the original");

        assertSecretNowhere(SECRET, tenant.id());
    }

    @Test
    void wrongSecretFailsTheTaskWithAClearMessage() throws Exception {
        String wrong = "Wr0ng~secret-that-must-not-leak-either";
        try (LocalGraphService other = new LocalGraphService("fabrikam-flow", CLIENT, "the-right-secret")) {
            M365Tenant tenant = register(admin, "fabrikam-flow", wrong, other);
            Task discovery = awaitEnd(call("POST", "/tenants/" + tenant.id() + "/discover", admin, null).as(Task.class));
            assertEquals(TaskState.FAILED, discovery.state(), discovery.toString());
            assertTrue(discovery.message().contains("tenant fabrikam-flow refused the credentials of application " + CLIENT),
                    discovery.message());
            assertTrue(discovery.message().contains("check the application id and client secret"), discovery.message());
            assertEquals(409, call("GET", "/tenants/" + tenant.id() + "/users", admin, null).status());
            assertEquals(204, call("DELETE", "/tenants/" + tenant.id(), admin, null).status());
            assertSecretNowhere(wrong, null);
        }
    }

    @Test
    void aViewerListsButCannotRegisterOrRunAnything() {
        assertEquals(200, call("POST", "/users", admin, new NewUser("m365-viewer", "viewer-password-0123", Role.VIEWER)).status());
        String viewer = http().login("m365-viewer", "viewer-password-0123").token();
        Http.Answer refused = call("POST", "/tenants", viewer, new M365TenantRequest("viewer-tenant", CLIENT, "viewer-secret-x",
                enrolled.id(), null, null));
        assertEquals(403, refused.status(), refused.body());
        assertEquals(200, call("GET", "/tenants", viewer, null).status());
        assertFalse(call("GET", "/tenants", admin, null).body().contains("viewer-tenant"), "nothing was registered");
        assertEquals(403, call("POST", "/tenants/" + UUID.randomUUID() + "/discover", viewer, null).status());
        Http.Answer blank = call("POST", "/tenants", admin, new M365TenantRequest(TENANT + "-2", CLIENT, " ", enrolled.id(),
                null, null));
        assertEquals(400, blank.status(), "a tenant without a secret is refused: " + blank.body());
    }

    /** The secret is in no API answer, no log line, nor in plain text in the tenant's row; the key file is private. */
    private static void assertSecretNowhere(String secret, UUID tenantId) throws Exception {
        m365.answers().forEach(body -> assertFalse(body.contains(secret), "API answer with the secret: " + body));
        assertTrue(m365.logs.lines().size() > 10, "log lines were captured");
        m365.logs.lines().forEach(line -> assertFalse(line.contains(secret), "log line with the secret: " + line));
        assertFalse(SERVER.server().stdout().contains(secret));
        if (tenantId != null) {
            try (Connection c = MariaDb.connect(SERVER.server().database());
                 PreparedStatement s = c.prepareStatement("SELECT * FROM m365_tenants WHERE id = ?")) {
                s.setString(1, tenantId.toString());
                ResultSet row = s.executeQuery();
                assertTrue(row.next());
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    String value = row.getString(i);
                    assertFalse(value != null && value.contains(secret), "column " + row.getMetaData().getColumnName(i));
                }
                assertNotEquals(secret, row.getString("sealed_secret"));
            }
            Path key = SERVER.server().dataDir().resolve(BulwarkServer.SECRET_KEY_FILE);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
            assertEquals(32, Files.size(key));
        }
    }
}
