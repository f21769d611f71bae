package org.bulwark.server.node.ssh;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.bulwark.server.node.NodeInfo;
import org.bulwark.server.node.NodeListener;
import org.bulwark.server.node.TaskEvents;

/** Listeners that record what the gateway reports, and let a test wait for a report. */
final class Recorders {
    static final long WAIT_SECONDS = 20;

    private Recorders() {
    }

    /** One report: what kind ("online", "offline", "started", "progress", ...), and its details. */
    record Report(String kind, NodeInfo info, int percent, String text) {
    }

    /** A queue of reports with the whole history kept for assertions. */
    static class Reports {
        private final BlockingQueue<Report> pending = new LinkedBlockingQueue<>();
        final List<Report> history = new CopyOnWriteArrayList<>();

        void add(Report report) {
            history.add(report);
            pending.add(report);
        }

        /** Waits for the next report of {@code kind}, skipping others. */
        Report await(String kind) throws InterruptedException {
            return await(report -> report.kind().equals(kind), kind);
        }

        Report await(Predicate<Report> wanted, String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (true) {
                Report report = pending.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertNotNull(report, "no " + what + " within " + WAIT_SECONDS + " s; history " + history);
                if (wanted.test(report)) {
                    return report;
                }
            }
        }

        List<String> kinds() {
            return history.stream().map(Report::kind).toList();
        }
    }

    static final class Node extends Reports implements NodeListener {
        @Override
        public void online(UUID nodeId, NodeInfo info) {
            add(new Report("online", info, 0, null));
        }

        @Override
        public void offline(UUID nodeId, String reason) {
            add(new Report("offline", null, 0, reason));
        }
    }

    static final class Task extends Reports implements TaskEvents {
        @Override
        public void started(UUID taskId) {
            add(new Report("started", null, 0, null));
        }

        @Override
        public void progress(UUID taskId, int percent, String message) {
            add(new Report("progress", null, percent, message));
        }

        @Override
        public void succeeded(UUID taskId, String result) {
            add(new Report("succeeded", null, 100, result));
        }

        @Override
        public void failed(UUID taskId, String error) {
            add(new Report("failed", null, 0, error));
        }

        @Override
        public void cancelled(UUID taskId) {
            add(new Report("cancelled", null, 0, null));
        }

        /** Waits for the task's final report. */
        Report awaitEnd() throws InterruptedException {
            return await(report -> List.of("succeeded", "failed", "cancelled").contains(report.kind()), "end of task");
        }
    }
}
