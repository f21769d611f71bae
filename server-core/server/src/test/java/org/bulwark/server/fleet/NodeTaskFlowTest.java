package org.bulwark.server.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bulwark.api.Health;
import org.bulwark.api.Node;
import org.bulwark.api.NodeEnrollment;
import org.bulwark.api.NodeState;
import org.bulwark.api.Task;
import org.bulwark.api.TaskLogEntry;
import org.bulwark.api.TaskRequest;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.node.BulwarkNode;
import org.bulwark.node.NodeConfig;
import org.bulwark.server.fixture.Await;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.ServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Nodes and tasks end to end: the real server enrolls real node daemons (started in this JVM)
 * over SSH on loopback, and PING tasks run on them.
 */
class NodeTaskFlowTest {
    private static final String GRACE = "PT2S";
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external()
            .with("node.heartbeat", "PT0.3S").with("node.grace", GRACE);
    private static final List<BulwarkNode> NODES = new ArrayList<>();
    private static Path nodesDir;
    private static String admin;
    private static Node main;

    @BeforeAll
    static void enrollMainNode() throws IOException {
        nodesDir = Files.createTempDirectory("bulwark-nodes");
        admin = SERVER.server().adminToken();
        main = enroll(startNode("node-main", "main-token-0123456789"), "node-main", "main-token-0123456789");
    }

    @AfterAll
    static void stopNodes() throws IOException {
        NODES.forEach(BulwarkNode::close);
        try (var paths = Files.walk(nodesDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Http http() {
        return SERVER.server().http();
    }

    private static BulwarkNode startNode(String name, String token) throws IOException {
        BulwarkNode node = BulwarkNode.start(new NodeConfig(nodesDir.resolve(name), name, "127.0.0.1", 0, 2, token));
        NODES.add(node);
        return node;
    }

    /** Enrolls through the REST API and waits until the node is online. */
    private static Node enroll(BulwarkNode node, String name, String token) {
        Http.Answer answer = http().call("POST", "/nodes", admin, new NodeEnrollment(name, "127.0.0.1", node.ssh().port(), token));
        assertEquals(200, answer.status(), answer.body());
        UUID id = answer.as(Node.class).id();
        return awaitNode(id, NodeState.ONLINE);
    }

    private static Node awaitNode(UUID id, NodeState state) {
        return Await.until(() -> http().get("/nodes/" + id, admin).as(Node.class), n -> n.state() == state, "node " + state);
    }

    private static Task submit(UUID nodeId, int steps, int stepMillis) {
        Http.Answer answer = http().call("POST", "/tasks", admin, new TaskRequest(TaskType.PING, nodeId,
                Map.of("steps", String.valueOf(steps), "stepMillis", String.valueOf(stepMillis))));
        assertEquals(200, answer.status(), answer.body());
        return answer.as(Task.class);
    }

    /** Waits until the task is in {@code state} or has ended otherwise. */
    private static Task awaitTask(UUID id, TaskState state) {
        return Await.until(() -> http().get("/tasks/" + id, admin).as(Task.class),
                t -> t.state() == state || t.state().isFinal(), "task " + state);
    }

    /** Submits a PING of 20 s to a node and waits for its progress: it runs there and its events flow. */
    private static Task longPingRunningOn(Node node) {
        UUID id = submit(node.id(), 1000, 20).id();
        Task task = Await.until(() -> http().get("/tasks/" + id, admin).as(Task.class),
                t -> t.progress() > 0 || t.state().isFinal(), "progress of task " + id);
        assertEquals(TaskState.RUNNING, task.state(), task.toString());
        return task;
    }

    @Test
    void enrolledNodeIsOnlineWithItsDetails() {
        Node node = http().get("/nodes/" + main.id(), admin).as(Node.class);
        assertEquals("node-main", node.name());
        assertEquals(2, node.capacity());
        assertEquals(BulwarkNode.version(), node.version());
        assertTrue(node.hostKeyFingerprint().startsWith("SHA256:"), node.hostKeyFingerprint());
        assertNotNull(node.lastSeen());
        Health health = http().get("/system/health", null).as(Health.class);
        assertTrue(health.nodesOnline() >= 1 && health.nodesTotal() >= health.nodesOnline(), health.toString());
    }

    @Test
    void enrollmentErrorsAnswerForbiddenUnreachableOrConflict() throws IOException {
        BulwarkNode other = startNode("node-other", "other-token-0123456789");
        Http.Answer wrongToken = http().call("POST", "/nodes", admin,
                new NodeEnrollment("node-other", "127.0.0.1", other.ssh().port(), "not-the-token"));
        assertEquals(403, wrongToken.status(), wrongToken.body());
        assertEquals("FORBIDDEN", wrongToken.error().code());

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Http.Answer unreachable = http().call("POST", "/nodes", admin, new NodeEnrollment("nowhere", "127.0.0.1", closed, "t"));
        assertEquals(502, unreachable.status(), unreachable.body());
        assertEquals("NODE_UNREACHABLE", unreachable.error().code());

        Http.Answer twice = http().call("POST", "/nodes", admin, new NodeEnrollment("node-main", "127.0.0.1", 1, "t"));
        assertEquals(409, twice.status());
        assertEquals(List.of("node-main"), http().get("/nodes", admin).list(Node.class).stream().map(Node::name)
                .filter(n -> !n.startsWith("node-away")).toList(), "no failed enrollment left a node behind");
    }

    @Test
    void pingRunsOnANodeAndSucceedsWithProgressLogAndResult() {
        Task task = awaitTask(submit(null, 3, 20).id(), TaskState.SUCCEEDED);
        assertEquals(TaskState.SUCCEEDED, task.state(), task.toString());
        assertEquals(100, task.progress());
        assertEquals(main.id(), task.nodeId());
        assertEquals("node-main", task.nodeName());
        assertTrue(task.result().contains("\"steps\":3"), task.result());
        assertNotNull(task.startedAt());
        assertNotNull(task.finishedAt());
        List<String> log = http().get("/tasks/" + task.id() + "/log", admin).list(TaskLogEntry.class).stream()
                .map(TaskLogEntry::message).toList();
        assertEquals("Queued by admin", log.getFirst());
        assertTrue(log.contains("Handed to node node-main"), log.toString());
        assertTrue(log.contains("100% step 3 of 3"), log.toString());
        assertEquals("SUCCEEDED: Succeeded", log.getLast());
    }

    @Test
    void runningPingIsCancelledOnTheNode() {
        Task task = longPingRunningOn(main);
        Http.Answer cancel = http().call("POST", "/tasks/" + task.id() + "/cancel", admin, null);
        assertEquals(200, cancel.status(), cancel.body());
        assertEquals(TaskState.CANCELLED, awaitTask(task.id(), TaskState.CANCELLED).state());
        assertEquals(409, http().call("POST", "/tasks/" + task.id() + "/cancel", admin, null).status());
    }

    @Test
    void taskFailsWhenItsNodeStaysAwayLongerThanTheGracePeriod() throws IOException {
        BulwarkNode away = startNode("node-away", "away-token-0123456789");
        Node node = enroll(away, "node-away", "away-token-0123456789");
        Task task = longPingRunningOn(node);
        away.ssh().stop();
        awaitNode(node.id(), NodeState.OFFLINE);
        Task failed = awaitTask(task.id(), TaskState.FAILED);
        assertEquals(TaskState.FAILED, failed.state());
        assertTrue(failed.message().startsWith("Node node-away went offline at ")
                && failed.message().endsWith("did not come back within " + GRACE), failed.message());

        assertEquals(204, http().call("DELETE", "/nodes/" + node.id(), admin, null).status());
        assertEquals(404, http().get("/nodes/" + node.id(), admin).status());
    }

    @Test
    void aServerRestartFailsTasksThatWereRunningAndReattachesNodes() throws IOException {
        Node node = enroll(startNode("node-restart", "restart-token-0123456789"), "node-restart", "restart-token-0123456789");
        Task task = longPingRunningOn(node);

        SERVER.server().restart();
        admin = SERVER.server().adminToken();

        Task failed = http().get("/tasks/" + task.id(), admin).as(Task.class);
        assertEquals(TaskState.FAILED, failed.state());
        assertEquals("The server restarted while the task was running", failed.message());
        assertEquals(NodeState.ONLINE, awaitNode(node.id(), NodeState.ONLINE).state(), "attached again at start");
        assertEquals(NodeState.ONLINE, awaitNode(main.id(), NodeState.ONLINE).state());
        assertEquals(204, http().call("DELETE", "/nodes/" + node.id(), admin, null).status());
    }
}
