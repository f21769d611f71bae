package org.bulwark.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.api.node.NodeError;
import org.bulwark.api.node.NodeStatus;
import org.bulwark.api.node.TaskEvent;
import org.bulwark.api.node.TaskEventPage;
import org.bulwark.api.node.TaskStatus;
import org.bulwark.api.node.TaskSubmission;
import org.bulwark.node.Json;
import org.bulwark.node.task.PingTask;
import org.bulwark.node.task.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task API over real HTTP on loopback (without the SSH tunnel in front of it). */
class TaskApiServerTest {
    private TaskRunner runner;
    private TaskApiServer api;
    private HttpClient http;

    @BeforeEach
    void start() throws IOException {
        runner = new TaskRunner(1, Map.of(TaskType.PING, new PingTask("node-a")));
        api = new TaskApiServer(runner, () -> new NodeStatus("node-a", "test", runner.capacity(), runner.running()));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stop() {
        http.close();
        api.close();
        runner.close();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("Authorization", "Bearer " + api.endpoint().token())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static NodeError error(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readValue(response.body(), NodeError.class);
    }

    private static String ping(UUID id, int steps, int stepMillis) throws IOException {
        return Json.MAPPER.writeValueAsString(new TaskSubmission(id, TaskType.PING,
                Map.of("steps", String.valueOf(steps), "stepMillis", String.valueOf(stepMillis))));
    }

    @Test
    void listensOnLoopbackOnlyAndWantsTheToken() throws Exception {
        assertTrue(api.endpoint().toString().contains("***"), "toString masks the token");
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/node"))
                .header("Authorization", "Bearer " + api.endpoint().token() + "x").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        assertEquals(NodeError.Code.UNAUTHORIZED, error(wrong).code());
        assertEquals(200, call("GET", "/node", null).statusCode());
    }

    @Test
    void submitFollowAndCollectAPing() throws Exception {
        UUID id = UUID.randomUUID();
        HttpResponse<String> accepted = call("POST", "/tasks", ping(id, 3, 10));
        assertEquals(202, accepted.statusCode(), accepted.body());

        long seen = 0;
        TaskEventPage page;
        do {
            page = Json.MAPPER.readValue(call("GET", "/tasks/" + id + "/events?after=" + seen + "&waitMillis=5000", null).body(),
                    TaskEventPage.class);
            for (TaskEvent event : page.events()) {
                assertEquals(seen + 1, event.sequence(), "no gap, no repeat");
                seen = event.sequence();
            }
        } while (!page.state().isFinal() || seen < 5);
        TaskStatus status = Json.MAPPER.readValue(call("GET", "/tasks/" + id, null).body(), TaskStatus.class);
        assertEquals(TaskState.SUCCEEDED, status.state());
        assertEquals(5, status.lastEvent());
        assertTrue(status.result().contains("\"node\":\"node-a\""));
        assertEquals(409, call("POST", "/tasks/" + id + "/cancel", null).statusCode(), "ended tasks cannot be cancelled");
    }

    @Test
    void refusalsAreClear() throws Exception {
        HttpResponse<String> unknownType = call("POST", "/tasks", "{\"taskId\":\"" + UUID.randomUUID() + "\",\"type\":\"MINE_BITCOIN\"}");
        assertEquals(400, unknownType.statusCode());
        assertTrue(error(unknownType).message().contains("unknown task type 'MINE_BITCOIN'"), unknownType.body());

        HttpResponse<String> inventory = call("POST", "/tasks", "{\"taskId\":\"" + UUID.randomUUID() + "\",\"type\":\"INVENTORY\"}");
        assertEquals(422, inventory.statusCode());
        assertEquals(NodeError.Code.UNSUPPORTED, error(inventory).code());

        assertEquals(NodeError.Code.BAD_REQUEST, error(call("POST", "/tasks", "{not json")).code());
        assertEquals(404, call("GET", "/tasks/" + UUID.randomUUID(), null).statusCode());
        assertEquals(NodeError.Code.BAD_REQUEST, error(call("GET", "/tasks/not-a-uuid", null)).code());
        assertEquals(404, call("DELETE", "/node", null).statusCode());

        UUID running = UUID.randomUUID();
        assertEquals(202, call("POST", "/tasks", ping(running, 1000, 20)).statusCode());
        HttpResponse<String> busy = call("POST", "/tasks", ping(UUID.randomUUID(), 1, 0));
        assertEquals(503, busy.statusCode());
        assertEquals(NodeError.Code.BUSY, error(busy).code());
        assertEquals(202, call("POST", "/tasks/" + running + "/cancel", null).statusCode());
    }
}
