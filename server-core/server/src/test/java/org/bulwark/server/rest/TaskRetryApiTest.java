package org.bulwark.server.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bulwark.api.Task;
import org.bulwark.api.TaskLogEntry;
import org.bulwark.api.TaskRequest;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.ServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retrying a task without nodes: only an ended, unsuccessful task is queued again, as a new task with the same request. */
class TaskRetryApiTest {
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
    void aCancelledTaskIsQueuedAgainAsANewTaskAndAQueuedOneIsRefused() {
        Task task = http().call("POST", "/tasks", admin, new TaskRequest(TaskType.PING, null, Map.of("steps", "3")))
                .as(Task.class);
        Http.Answer early = http().call("POST", "/tasks/" + task.id() + "/retry", admin, null);
        assertEquals(409, early.status(), early.body());
        assertTrue(early.error().message().contains("only a failed or cancelled task can be retried"), early.body());
        assertEquals(200, http().call("POST", "/tasks/" + task.id() + "/cancel", admin, null).status());

        Http.Answer retried = http().call("POST", "/tasks/" + task.id() + "/retry", admin, null);

        assertEquals(200, retried.status(), retried.body());
        Task retry = retried.as(Task.class);
        assertNotEquals(task.id(), retry.id());
        assertEquals(TaskType.PING, retry.type());
        assertEquals(TaskState.QUEUED, retry.state());
        assertEquals(TaskState.CANCELLED, http().get("/tasks/" + task.id(), admin).as(Task.class).state(), "the old task stays as it ended");
        List<TaskLogEntry> oldLog = http().get("/tasks/" + task.id() + "/log", admin).list(TaskLogEntry.class);
        assertEquals("Retried as task " + retry.id() + " by admin", oldLog.getLast().message());
        List<TaskLogEntry> newLog = http().get("/tasks/" + retry.id() + "/log", admin).list(TaskLogEntry.class);
        assertEquals(List.of("Queued by admin", "Retry of task " + task.id()), newLog.stream().map(TaskLogEntry::message).toList());
        assertEquals(404, http().call("POST", "/tasks/" + java.util.UUID.randomUUID() + "/retry", admin, null).status());
    }
}
