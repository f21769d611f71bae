package org.bulwark.console.tests.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bulwark.api.ApiException;
import org.bulwark.api.Node;
import org.bulwark.api.Role;
import org.bulwark.api.Task;
import org.bulwark.api.TaskRequest;
import org.bulwark.api.TaskType;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.tests.fixture.Bulwark;
import org.bulwark.console.tests.fixture.BulwarkFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The REST client against a real server: typed calls, and each kind of failure as its own error. */
@ExtendWith(BulwarkFixture.class)
class BulwarkClientTest {

    @Test
    void logsInAndReadsTheNodesThroughTheResourceInterfaces(Bulwark bulwark) {
        try (BulwarkClient client = bulwark.admin()) {
            assertEquals(bulwark.adminUser(), client.session().username());
            assertEquals(Role.ADMINISTRATOR, client.session().role());
            List<Node> nodes = client.nodes().list();
            assertEquals(List.of(bulwark.node().id()), nodes.stream().map(Node::id).toList());
            Node node = client.nodes().get(bulwark.node().id());
            assertEquals(bulwark.node().name(), node.name());
            assertTrue(node.lastSeen() != null, "Instants are read from ISO text");
        }
    }

    @Test
    void aWrongPasswordIsInvalidCredentials(Bulwark bulwark) {
        ApiException e = assertThrows(ApiException.class,
                () -> BulwarkClient.login(bulwark.serverUrl(), bulwark.adminUser(), "wrong"));
        assertEquals(401, e.status());
        assertEquals("INVALID_CREDENTIALS", e.code());
    }

    @Test
    void anUnknownIdIsTheServersNotFound(Bulwark bulwark) {
        try (BulwarkClient client = bulwark.admin()) {
            ApiException e = assertThrows(ApiException.class, () -> client.tasks().get(UUID.randomUUID()));
            assertEquals(404, e.status());
            assertEquals("NOT_FOUND", e.code());
        }
    }

    @Test
    void aTaskSubmittedAndFollowedEndsSucceeded(Bulwark bulwark) throws InterruptedException {
        try (BulwarkClient client = bulwark.admin()) {
            Task task = client.tasks().submit(new TaskRequest(TaskType.PING, bulwark.node().id(),
                    Map.of("steps", "2", "stepMillis", "50")));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!task.state().isFinal() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                task = client.tasks().get(task.id());
            }
            assertEquals("SUCCEEDED", task.state().name(), task.message());
            assertEquals(100, task.progress());
            assertTrue(!client.tasks().log(task.id()).isEmpty(), "the task logged its steps");
        }
    }

    @Test
    void anEndedSessionIsSessionExpired(Bulwark bulwark) {
        BulwarkClient client = bulwark.admin();
        client.auth().logout();

        ApiException e = assertThrows(ApiException.class, () -> client.nodes().list());

        assertEquals(401, e.status());
        assertEquals(BulwarkClient.SESSION_EXPIRED, e.code());
        assertTrue(BulwarkClient.isSessionExpired(e));
    }

    @Test
    void aServerThatIsNotThereIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ApiException e = assertThrows(ApiException.class, () -> BulwarkClient.login("127.0.0.1:" + port, "admin", "x"));

        assertEquals(503, e.status());
        assertEquals(BulwarkClient.SERVER_UNREACHABLE, e.code());
        assertEquals("Cannot reach the server at http://127.0.0.1:" + port + ": connection refused", e.getMessage());
    }

    @Test
    void whatTheUserTypedAsUrlIsCheckedBeforeAnyCall() {
        assertEquals("http://127.0.0.1:8080", BulwarkClient.serverUri(" 127.0.0.1:8080 ").toString());
        assertEquals("https://bulwark.example:8443", BulwarkClient.serverUri("HTTPS://bulwark.example:8443/").toString());
        for (String bad : new String[] {"", "ftp://host", "http://"}) {
            ApiException e = assertThrows(ApiException.class, () -> BulwarkClient.serverUri(bad), bad);
            assertEquals(BulwarkClient.INVALID_SERVER_URL, e.code());
        }
    }
}
