package org.bulwark.node.m365.backup;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one run, shared by the worker threads; reports progress as they move. */
final class RunCounters {
    final AtomicLong items = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong deleted = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    private final BackupProgress progress;

    RunCounters(BackupProgress progress) {
        this.progress = progress;
    }

    void stored(String service, long size) {
        long n = items.incrementAndGet();
        long b = bytes.addAndGet(size);
        progress.update(service, n + unchanged.get(), b);
    }

    void unchanged(String service) {
        long n = unchanged.incrementAndGet();
        progress.update(service, n + items.get(), bytes.get());
    }

    void deleted() {
        deleted.incrementAndGet();
    }
}
