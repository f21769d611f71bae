package org.bulwark.server.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bulwark.api.Task;
import org.bulwark.api.TaskLogEntry;
import org.bulwark.api.TaskRequest;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.MariaDb;
import org.bulwark.server.fixture.ServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The task queue without nodes: submitting, reading and cancelling queued tasks. Running tasks
 * need a real node and are covered end to end with the node daemon.
 */
class TaskQueueApiTest {
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external();
    private static String admin;

    @BeforeAll
    static void login() {
        admin = SERVER.server().adminToken();
    }

    private static Http http() {
        return SERVER.server().http();
    }

    @Test
    void submittedTaskIsQueuedOwnedByTheCallerAndCanBeCancelled() {
        Http.Answer submitted = http().call("POST", "/tasks", admin,
                new TaskRequest(TaskType.PING, null, Map.of("payload", "hello")));
        assertEquals(200, submitted.status(), submitted.body());
        Task task = submitted.as(Task.class);
        assertEquals(TaskState.QUEUED, task.state());
        assertEquals("admin", task.owner());
        assertNotNull(task.createdAt());
        assertEquals(task.id(), http().get("/tasks", admin).list(Task.class).getFirst().id(), "newest first");

        Http.Answer cancelled = http().call("POST", "/tasks/" + task.id() + "/cancel", admin, null);
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals(TaskState.CANCELLED, cancelled.as(Task.class).state());
        assertNotNull(cancelled.as(Task.class).finishedAt());
        assertEquals(TaskState.CANCELLED, http().get("/tasks/" + task.id(), admin).as(Task.class).state());

        Http.Answer again = http().call("POST", "/tasks/" + task.id() + "/cancel", admin, null);
        assertEquals(409, again.status());
        assertEquals("CONFLICT", again.error().code());

        List<TaskLogEntry> log = http().get("/tasks/" + task.id() + "/log", admin).list(TaskLogEntry.class);
        assertEquals("Queued by admin", log.getFirst().message());
        assertTrue(log.getLast().message().startsWith("Cancelled by admin"), log.toString());
    }

    @Test
    void secretParametersAreSealedInTheDatabase() throws Exception {
        String secret = "correct-horse-battery-" + UUID.randomUUID();
        Task task = http().call("POST", "/tasks", admin,
                new TaskRequest(TaskType.PING, null, Map.of("passphrase", secret, "vm", "web-1"))).as(Task.class);
        try (Connection c = MariaDb.connect(SERVER.server().database());
             PreparedStatement s = c.prepareStatement("SELECT parameters FROM tasks WHERE id = ?")) {
            s.setString(1, task.id().toString());
            ResultSet row = s.executeQuery();
            assertTrue(row.next());
            String stored = row.getString(1);
            assertFalse(stored.contains(secret), stored);
            assertTrue(stored.contains("sealed:") && stored.contains("web-1"), stored);
        }
        http().call("POST", "/tasks/" + task.id() + "/cancel", admin, null);
    }

    @Test
    void invalidRequestsQueueNothing() {
        int before = http().get("/tasks", admin).list(Task.class).size();
        UUID unknownNode = UUID.randomUUID();
        Http.Answer unknown = http().call("POST", "/tasks", admin, new TaskRequest(TaskType.PING, unknownNode, Map.of()));
        assertEquals(404, unknown.status());
        assertEquals("No node " + unknownNode, unknown.error().message());
        Http.Answer noType = http().call("POST", "/tasks", admin, "{\"parameters\":{}}");
        assertEquals(400, noType.status());
        Http.Answer badType = http().call("POST", "/tasks", admin, "{\"type\":\"FORMAT_DISK\"}");
        assertEquals(400, badType.status());
        assertEquals("BAD_REQUEST", badType.error().code());
        assertEquals(before, http().get("/tasks", admin).list(Task.class).size());
    }
}
