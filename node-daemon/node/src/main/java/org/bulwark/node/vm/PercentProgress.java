package org.bulwark.node.vm;

import org.bulwark.node.task.TaskHandler;
import org.bulwark.repository.ProgressListener;

/** Maps the repository's byte counts onto a span of the task's percent, at most one event per percent. */
final class PercentProgress implements ProgressListener {
    private final TaskHandler.Progress progress;
    private final int from;
    private final int to;
    private final String verb;
    private int last = -1;

    PercentProgress(TaskHandler.Progress progress, int from, int to, String verb) {
        this.progress = progress;
        this.from = from;
        this.to = to;
        this.verb = verb;
    }

    @Override
    public void update(String phase, long done, long total) {
        int percent = total <= 0 ? from : from + (int) ((to - from) * Math.min(done, total) / total);
        if (percent != last) {
            last = percent;
            progress.report(percent, verb + " " + (done >> 20) + " of " + (Math.max(total, 0) >> 20) + " MiB");
        }
    }
}
