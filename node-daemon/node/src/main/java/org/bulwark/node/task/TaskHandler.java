package org.bulwark.node.task;

import java.util.Map;

/** Carries out one type of task. */
public interface TaskHandler {

    /**
     * Checks the parameters of a submission and returns the work to run.
     *
     * @throws IllegalArgumentException when a parameter is missing or malformed; the task is then refused
     */
    Job prepare(Map<String, String> parameters);

    /** The work of one task. */
    @FunctionalInterface
    interface Job {
        /**
         * Runs the task on a runner thread.
         *
         * @return the result, serialized to JSON for the server
         * @throws InterruptedException when the task was cancelled
         */
        Object run(Progress progress) throws Exception;
    }

    /** Where a running task reports how far it is. */
    @FunctionalInterface
    interface Progress {
        /** @param percent 0 to 100 */
        void report(int percent, String message);
    }
}
