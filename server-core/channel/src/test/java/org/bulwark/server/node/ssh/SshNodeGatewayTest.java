package org.bulwark.server.node.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.bulwark.api.TaskType;
import org.bulwark.api.node.KeyPairFile;
import org.bulwark.node.BulwarkNode;
import org.bulwark.node.NodeConfig;
import org.bulwark.node.task.TaskRun;
import org.bulwark.server.node.Enrollment;
import org.bulwark.server.node.NodeAddress;
import org.bulwark.server.node.NodeException;
import org.bulwark.server.node.NodeException.Reason;
import org.bulwark.server.node.TaskOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway against real nodes started in this JVM, over real SSH on loopback. */
class SshNodeGatewayTest {
    private static final String TOKEN = "gateway-test-token-0123456789";
    private static final ChannelSettings FAST = new ChannelSettings(Duration.ofMillis(300), Duration.ofMillis(100),
            Duration.ofMillis(400), Duration.ofSeconds(10), Duration.ofSeconds(10));

    @TempDir
    Path dir;
    private BulwarkNode node;
    private SshNodeGateway gateway;
    private final UUID nodeId = UUID.randomUUID();

    @BeforeEach
    void start() throws IOException {
        node = startNode(0);
        gateway = new SshNodeGateway(dir.resolve("server/node-key"), FAST);
    }

    @AfterEach
    void stop() {
        gateway.close();
        node.close();
    }

    private BulwarkNode startNode(int port) throws IOException {
        return BulwarkNode.start(new NodeConfig(dir.resolve("node"), "node-g", "127.0.0.1", port, 2, TOKEN));
    }

    /** Enrolls the node, attaches it, and waits until it is online. */
    private Recorders.Node enrollAndAttach() throws Exception {
        Enrollment enrollment = gateway.enroll("127.0.0.1", node.ssh().port(), TOKEN);
        Recorders.Node listener = new Recorders.Node();
        gateway.attach(new NodeAddress(nodeId, "127.0.0.1", node.ssh().port(), enrollment.hostKey()), listener);
        listener.await("online");
        return listener;
    }

    private static TaskOrder ping(int steps, int stepMillis) {
        return new TaskOrder(UUID.randomUUID(), TaskType.PING,
                Map.of("steps", String.valueOf(steps), "stepMillis", String.valueOf(stepMillis)));
    }

    @Test
    void enrollPinsTheHostKeyAndAttachBringsTheNodeOnline() throws Exception {
        Enrollment enrollment = gateway.enroll("127.0.0.1", node.ssh().port(), TOKEN);
        var hostKey = KeyPairFile.loadOrCreate(dir.resolve("node").resolve(BulwarkNode.HOST_KEY_FILE)).getPublic();
        assertEquals(KeyUtils.getFingerPrint(hostKey), enrollment.hostKeyFingerprint());
        assertTrue(enrollment.hostKeyFingerprint().startsWith("SHA256:"));
        assertTrue(enrollment.hostKey().startsWith("ecdsa-sha2-nistp256 "));
        assertEquals("node-g", enrollment.info().name());
        assertEquals(2, enrollment.info().capacity());
        assertTrue(node.enrollment().isEnrolled());
        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(dir.resolve("server/node-key")));

        Recorders.Node listener = new Recorders.Node();
        gateway.attach(new NodeAddress(nodeId, "127.0.0.1", node.ssh().port(), enrollment.hostKey()), listener);
        Recorders.Report online = listener.await("online");
        assertEquals("node-g", online.info().name());
        assertEquals(BulwarkNode.version(), online.info().version());
        assertEquals(0, online.info().runningTasks());
        listener.await("online");   // a heartbeat follows
    }

    @Test
    void wrongOrUsedTokenIsRejectedAndNothingListeningIsUnreachable() throws Exception {
        NodeException wrong = assertThrows(NodeException.class, () -> gateway.enroll("127.0.0.1", node.ssh().port(), TOKEN + "-wrong"));
        assertEquals(Reason.REJECTED, wrong.reason());
        assertFalse(node.enrollment().isEnrolled(), "a wrong token changes nothing");

        gateway.enroll("127.0.0.1", node.ssh().port(), TOKEN);
        assertEquals(Reason.REJECTED,
                assertThrows(NodeException.class, () -> gateway.enroll("127.0.0.1", node.ssh().port(), TOKEN)).reason(),
                "the token works once");

        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        assertEquals(Reason.UNREACHABLE,
                assertThrows(NodeException.class, () -> gateway.enroll("127.0.0.1", freePort, TOKEN)).reason());
    }

    @Test
    void anEnrolledNodeRefusesAnotherServersKey() throws Exception {
        Enrollment enrollment = gateway.enroll("127.0.0.1", node.ssh().port(), TOKEN);
        try (SshNodeGateway intruder = new SshNodeGateway(dir.resolve("intruder/node-key"), FAST)) {
            assertNotEquals(gateway.serverPublicKey(), intruder.serverPublicKey());
            Recorders.Node listener = new Recorders.Node();
            intruder.attach(new NodeAddress(nodeId, "127.0.0.1", node.ssh().port(), enrollment.hostKey()), listener);
            Recorders.Report offline = listener.await("offline");
            assertTrue(offline.text().contains("refused the login"), offline.text());
            NodeException refused = assertThrows(NodeException.class, () -> intruder.submit(nodeId, ping(1, 0), new Recorders.Task()));
            assertEquals(Reason.NOT_CONNECTED, refused.reason());
            assertFalse(listener.kinds().contains("online"));
        }
    }

    @Test
    void aChangedHostKeyIsNeverTrusted() throws Exception {
        Enrollment enrollment = gateway.enroll("127.0.0.1", node.ssh().port(), TOKEN);
        int port = node.ssh().port();
        node.close();
        Files.delete(dir.resolve("node").resolve(BulwarkNode.HOST_KEY_FILE));
        node = startNode(port);   // same place, same enrollment, new host key

        Recorders.Node listener = new Recorders.Node();
        gateway.attach(new NodeAddress(nodeId, "127.0.0.1", port, enrollment.hostKey()), listener);
        Recorders.Report offline = listener.await("offline");
        assertTrue(offline.text().contains("host key changed"), offline.text());
        assertTrue(offline.text().contains(enrollment.hostKeyFingerprint()), "names the pinned key: " + offline.text());
        NodeException refused = assertThrows(NodeException.class, () -> gateway.submit(nodeId, ping(1, 0), new Recorders.Task()));
        assertEquals(Reason.HOST_KEY_MISMATCH, refused.reason());
        assertEquals(List.of("offline"), listener.kinds(), "never online");
    }

    @Test
    void aDroppedConnectionGoesOfflineAndComesBackByItself() throws Exception {
        Recorders.Node listener = enrollAndAttach();
        node.ssh().stop();
        Recorders.Report offline = listener.await("offline");
        assertTrue(offline.text().contains("connection lost"), offline.text());
        node.ssh().start();
        listener.await("online");
        assertEquals(Reason.REJECTED, assertThrows(NodeException.class,
                () -> gateway.submit(nodeId, new TaskOrder(UUID.randomUUID(), TaskType.BACKUP, Map.of()), new Recorders.Task()))
                .reason(), "the channel works again (and a BACKUP without its vm parameter is refused)");
    }

    @Test
    void getStreamsTheNodesAnswerAndMapsItsRefusals() throws Exception {
        enrollAndAttach();
        try (InputStream mounts = gateway.get(nodeId, "/mounts")) {
            assertEquals("[]", new String(mounts.readAllBytes(), StandardCharsets.UTF_8).strip(), "no mounts yet");
        }
        UUID noMount = UUID.randomUUID();
        NodeException unknown = assertThrows(NodeException.class,
                () -> gateway.get(nodeId, "/mounts/" + noMount + "/partitions/1/list?path=%2Fetc"));
        assertEquals(Reason.NOT_FOUND, unknown.reason());
        assertTrue(unknown.getMessage().contains(noMount.toString()), "the node's message: " + unknown.getMessage());
        NodeException bad = assertThrows(NodeException.class, () -> gateway.get(nodeId, "/mounts/not-an-id"));
        assertEquals(Reason.REJECTED, bad.reason());
        assertTrue(bad.getMessage().contains("not a mount id"), bad.getMessage());
        assertEquals(Reason.NOT_CONNECTED, assertThrows(NodeException.class,
                () -> gateway.get(UUID.randomUUID(), "/mounts")).reason(), "an unattached node cannot be asked");
        assertThrows(IllegalArgumentException.class, () -> gateway.get(nodeId, "//elsewhere/mounts"),
                "only paths on the node's own API");
    }

    @Test
    void pingRunsOnTheNodeAndReportsProgressAndResult() throws Exception {
        enrollAndAttach();
        Recorders.Task events = new Recorders.Task();
        TaskOrder order = ping(5, 20);
        gateway.submit(nodeId, order, events);
        Recorders.Report end = events.awaitEnd();
        assertEquals("succeeded", end.kind(), events.history.toString());
        assertTrue(end.text().contains("\"node\":\"node-g\"") && end.text().contains("\"steps\":5"), end.text());
        assertEquals(List.of("started", "progress", "progress", "progress", "progress", "progress", "succeeded"), events.kinds());
        assertEquals(List.of(20, 40, 60, 80, 100), events.history.stream()
                .filter(r -> r.kind().equals("progress")).map(Recorders.Report::percent).toList());
    }

    @Test
    void cancelStopsAPingMidWay() throws Exception {
        enrollAndAttach();
        Recorders.Task events = new Recorders.Task();
        TaskOrder order = ping(1000, 20);
        gateway.submit(nodeId, order, events);
        events.await("progress");
        gateway.cancel(nodeId, order.taskId());
        assertEquals("cancelled", events.awaitEnd().kind());
        assertEquals(Reason.REJECTED, assertThrows(NodeException.class, () -> gateway.cancel(nodeId, order.taskId())).reason(),
                "an ended task cannot be cancelled again");
    }

    @Test
    void aTaskBeyondCapacityIsRefusedAsBusy() throws Exception {
        enrollAndAttach();
        TaskOrder first = ping(1000, 20);
        TaskOrder second = ping(1000, 20);
        gateway.submit(nodeId, first, new Recorders.Task());
        gateway.submit(nodeId, second, new Recorders.Task());
        NodeException busy = assertThrows(NodeException.class, () -> gateway.submit(nodeId, ping(1, 0), new Recorders.Task()));
        assertEquals(Reason.REJECTED, busy.reason());
        assertTrue(busy.getMessage().contains("busy"), busy.getMessage());
        gateway.cancel(nodeId, first.taskId());
        gateway.cancel(nodeId, second.taskId());
    }

    @Test
    void aPingOutlivesADroppedConnectionAndItsSuccessArrivesAfterReconnect() throws Exception {
        Recorders.Node listener = enrollAndAttach();
        Recorders.Task events = new Recorders.Task();
        TaskOrder order = ping(10, 60);
        gateway.submit(nodeId, order, events);
        events.await("progress");
        node.ssh().stop();
        listener.await("offline");
        awaitFinalOnNode(order.taskId());
        node.ssh().start();
        listener.await("online");

        assertEquals("succeeded", events.awaitEnd().kind());
        List<Integer> progress = events.history.stream().filter(r -> r.kind().equals("progress")).map(Recorders.Report::percent).toList();
        assertEquals(List.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 100), progress, "every event once, in order");
    }

    @Test
    void aTaskLostInANodeRestartIsReportedFailed() throws Exception {
        Recorders.Node listener = enrollAndAttach();
        Recorders.Task events = new Recorders.Task();
        gateway.submit(nodeId, ping(1000, 20), events);
        events.await("started");
        int port = node.ssh().port();
        node.close();
        listener.await("offline");
        node = startNode(port);
        Recorders.Report end = events.awaitEnd();
        assertEquals("failed", end.kind());
        assertEquals("node restarted; task lost", end.text());
    }

    /** Waits, on the node's side, until the task has ended there. */
    private void awaitFinalOnNode(UUID taskId) throws InterruptedException {
        TaskRun run = node.tasks().find(taskId).orElseThrow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Recorders.WAIT_SECONDS);
        while (!run.isFinal()) {
            assertTrue(System.nanoTime() < deadline, "task did not end on the node");
            run.eventsAfter(run.status().lastEvent(), 1000);
        }
    }
}
