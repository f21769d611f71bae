package org.bulwark.node.kvm.export;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.bulwark.node.kvm.Hypervisor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open export of one virtual machine: its saved definition and, per disk, a readable source with
 * the extents to copy. Read everything, {@link #commit()} once the data is safely stored, then
 * {@link #close()}. Closing without a commit drops the checkpoint this export created, so that the
 * next incremental still starts from the last backup that really landed.
 */
public final class Export implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Export.class);

    /** One step of tearing an export down. */
    interface Cleanup {
        void run() throws Exception;
    }

    /** The last step: keep the new checkpoint if the export was committed, else drop it. */
    interface Settle {
        void run(boolean committed) throws Exception;
    }

    private final String vm;
    private final ExportKind kind;
    private final Optional<String> since;
    private final Optional<String> checkpoint;
    private final Optional<String> fallbackReason;
    private final boolean live;
    private final String domainXml;
    private final List<DiskExport> disks;
    private final Deque<Cleanup> teardown;
    private final Settle settle;
    private final Hypervisor.Lease lease;
    private boolean committed;
    private boolean closed;

    Export(String vm, Optional<String> since, Optional<String> checkpoint, Optional<String> fallbackReason,
            boolean live, String domainXml, List<DiskExport> disks, Deque<Cleanup> teardown, Settle settle,
            Hypervisor.Lease lease) {
        this.vm = vm;
        this.kind = since.isPresent() ? ExportKind.INCREMENTAL : ExportKind.FULL;
        this.since = since;
        this.checkpoint = checkpoint;
        this.fallbackReason = fallbackReason;
        this.live = live;
        this.domainXml = domainXml;
        this.disks = List.copyOf(disks);
        this.teardown = new ArrayDeque<>(teardown);
        this.settle = settle;
        this.lease = lease;
    }

    public String vm() {
        return vm;
    }

    public ExportKind kind() {
        return kind;
    }

    /** The checkpoint an incremental starts from. */
    public Optional<String> since() {
        return since;
    }

    /** The checkpoint created for the next incremental (empty when a disk cannot carry dirty bitmaps). */
    public Optional<String> checkpoint() {
        return checkpoint;
    }

    /** Why an incremental was asked for but a full is delivered (missing or broken checkpoint). */
    public Optional<String> fallbackReason() {
        return fallbackReason;
    }

    /** Whether the machine was running (libvirt pull-mode backup) rather than shut off (image read directly). */
    public boolean live() {
        return live;
    }

    /** The persistent domain definition, as an import needs it. */
    public String domainXml() {
        return domainXml;
    }

    public List<DiskExport> disks() {
        return disks;
    }

    /** Marks the export as stored: its checkpoint stays for the next incremental. */
    public synchronized void commit() {
        if (closed) {
            throw new IllegalStateException("export of " + vm + " is already closed");
        }
        committed = true;
    }

    /** Stops the readers, ends the backup job, removes scratch files and, without a commit, the new checkpoint. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            while (!teardown.isEmpty()) {
                run(teardown.pop());
            }
            run(() -> settle.run(committed));
        } finally {
            lease.close();
        }
    }

    private void run(Cleanup step) {
        try {
            step.run();
        } catch (Exception e) {
            LOG.warn("cleaning up the export of {}: {}", vm, e.getMessage(), e);
        }
    }
}
