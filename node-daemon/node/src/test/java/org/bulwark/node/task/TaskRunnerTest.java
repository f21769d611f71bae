package org.bulwark.node.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.api.node.NodeError;
import org.bulwark.api.node.TaskEvent;
import org.bulwark.api.node.TaskEventPage;
import org.bulwark.api.node.TaskSubmission;
import org.bulwark.node.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {
    private final TaskRunner runner = new TaskRunner(2, Map.of(TaskType.PING, new PingTask("node-t")));

    @AfterEach
    void close() {
        runner.close();
    }

    private static TaskSubmission ping(int steps, int stepMillis) {
        return new TaskSubmission(UUID.randomUUID(), TaskType.PING,
                Map.of("steps", String.valueOf(steps), "stepMillis", String.valueOf(stepMillis)));
    }

    /** Collects events until the task ends. */
    private static List<TaskEvent> allEvents(TaskRun run) throws InterruptedException {
        TaskEventPage page;
        do {
            page = run.eventsAfter(0, 10_000);
        } while (!page.state().isFinal());
        return run.eventsAfter(0, 0).events();
    }

    @Test
    void pingReportsIncreasingProgressAndAResult() throws Exception {
        TaskRun run = runner.submit(ping(4, 5));
        List<TaskEvent> events = allEvents(run);
        assertEquals(List.of(TaskEvent.Kind.STARTED, TaskEvent.Kind.PROGRESS, TaskEvent.Kind.PROGRESS, TaskEvent.Kind.PROGRESS,
                TaskEvent.Kind.PROGRESS, TaskEvent.Kind.SUCCEEDED), events.stream().map(TaskEvent::kind).toList());
        assertEquals(List.of(0, 25, 50, 75, 100, 100), events.stream().map(TaskEvent::progress).toList());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).sequence());
        }
        PingTask.Result result = Json.MAPPER.readValue(run.status().result(), PingTask.Result.class);
        assertEquals("node-t", result.node());
        assertEquals(4, result.steps());
        assertEquals(TaskState.SUCCEEDED, run.status().state());
        assertEquals(4, run.eventsAfter(3, 0).events().getFirst().sequence(), "eventsAfter(3) starts with event 4");
    }

    @Test
    void refusesBeyondCapacityAndAcceptsAgainWhenASlotFrees() throws Exception {
        TaskRun first = runner.submit(ping(1000, 50));
        TaskRun second = runner.submit(ping(1000, 50));
        assertEquals(2, runner.running());
        TaskRefusedException busy = assertThrows(TaskRefusedException.class, () -> runner.submit(ping(1, 0)));
        assertEquals(NodeError.Code.BUSY, busy.code());
        assertTrue(busy.getMessage().contains("busy"));

        runner.cancel(first.id());
        allEvents(first);
        TaskRun third = runner.submit(ping(1, 0));
        assertEquals(TaskEvent.Kind.SUCCEEDED, allEvents(third).getLast().kind());
        runner.cancel(second.id());
    }

    @Test
    void cancelStopsARunningPingMidWay() throws Exception {
        TaskRun run = runner.submit(ping(1000, 20));
        TaskEventPage page = run.eventsAfter(1, 10_000);
        assertEquals(TaskEvent.Kind.PROGRESS, page.events().getFirst().kind(), "it runs before we cancel");
        runner.cancel(run.id());
        List<TaskEvent> events = allEvents(run);
        assertEquals(TaskEvent.Kind.CANCELLED, events.getLast().kind());
        assertEquals(TaskState.CANCELLED, run.status().state());
        assertTrue(run.status().progress() < 100);
        assertEquals(0, runner.running(), "the slot is free again");
        assertEquals(NodeError.Code.CONFLICT, assertThrows(TaskRefusedException.class, () -> runner.cancel(run.id())).code(),
                "an ended task cannot be cancelled");
    }

    @Test
    void refusesUnsupportedTypesBadParametersDuplicatesAndUnknownIds() throws Exception {
        TaskRefusedException unsupported = assertThrows(TaskRefusedException.class,
                () -> runner.submit(new TaskSubmission(UUID.randomUUID(), TaskType.INVENTORY, Map.of())));
        assertEquals(NodeError.Code.UNSUPPORTED, unsupported.code());
        assertTrue(unsupported.getMessage().contains("not supported by this node yet"));

        TaskRefusedException bad = assertThrows(TaskRefusedException.class,
                () -> runner.submit(new TaskSubmission(UUID.randomUUID(), TaskType.PING, Map.of("steps", "many"))));
        assertEquals(NodeError.Code.BAD_REQUEST, bad.code());
        assertTrue(bad.getMessage().contains("steps"));
        assertEquals(0, runner.running(), "refused tasks take no slot");

        TaskSubmission once = ping(1, 0);
        runner.submit(once);
        assertEquals(NodeError.Code.CONFLICT, assertThrows(TaskRefusedException.class, () -> runner.submit(once)).code());
        assertEquals(NodeError.Code.UNKNOWN_TASK,
                assertThrows(TaskRefusedException.class, () -> runner.cancel(UUID.randomUUID())).code());
    }
}
