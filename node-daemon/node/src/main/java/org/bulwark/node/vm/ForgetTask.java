package org.bulwark.node.vm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.node.kvm.Hypervisor;
import org.bulwark.node.kvm.ObjectNames;
import org.bulwark.node.kvm.export.Exporter;
import org.bulwark.node.task.TaskHandler;
import org.bulwark.repository.Backup;
import org.bulwark.repository.PruneReport;
import org.bulwark.repository.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FORGET: the data side of retention. Removes the backups {@code restorePoints} (comma-separated
 * ids) from the repository and moves the chunks no remaining backup references into its recycle
 * bin (through {@link Repository#forget}, so its lock and recycle bin apply); an id that names no
 * backup fails the task before anything is removed. With {@code vm} and {@code checkpoints}
 * (comma-separated names) it then deletes those hypervisor checkpoints of the machine, except one
 * that a remaining restore point of it was taken with (the next incremental may start there).
 * Parameters: {@code destination}, {@code passphrase} or {@code passphraseFile}, {@code restorePoints},
 * optional {@code vm}, {@code checkpoints}, {@code uri}.
 */
public final class ForgetTask implements TaskHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ForgetTask.class);

    private final VmSettings settings;

    public ForgetTask(VmSettings settings) {
        this.settings = settings;
    }

    /**
     * What a FORGET returns.
     *
     * @param removed             ids of the backups removed
     * @param chunks              chunks no remaining backup references, moved to the recycle bin
     * @param bytesRecycled       their stored size, freed once the recycle bin is emptied
     * @param recycleBin          the recycle-bin folder they went to (null when nothing moved)
     * @param checkpointsDeleted  hypervisor checkpoints deleted
     * @param checkpointsKept     checkpoints left because a remaining restore point was taken with them, or absent
     */
    public record Result(List<String> removed, long chunks, long bytesRecycled, String recycleBin,
                         List<String> checkpointsDeleted, List<String> checkpointsKept) {
    }

    @Override
    public Job prepare(Map<String, String> parameters) {
        Parameters p = new Parameters("FORGET", parameters);
        RepositoryAccess access = RepositoryAccess.of(p);
        Set<String> ids = list(p.required("restorePoints"));
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("FORGET parameter restorePoints names no backup id");
        }
        String vm = p.optional("vm", null);
        Set<String> checkpoints = list(p.optional("checkpoints", ""));
        if (vm == null && !checkpoints.isEmpty()) {
            throw new IllegalArgumentException("FORGET parameter checkpoints needs the parameter vm");
        }
        if (vm != null) {
            ObjectNames.require("vm", vm);
            checkpoints.forEach(c -> ObjectNames.require("checkpoint", c));
        }
        String uri = p.optional("uri", settings.libvirtUri());
        return progress -> {
            progress.report(5, "removing " + ids.size() + " backup(s) from " + access.destination());
            PruneReport report;
            List<String> remaining = new ArrayList<>();
            try (Repository repository = access.open(false)) {
                report = repository.forget(ids, (phase, done, total) -> progress.report(
                        total <= 0 ? 10 : 10 + (int) (70 * done / total), "recycling " + done + " of " + total + " chunks"));
                if (vm != null) {
                    for (Backup b : repository.list()) {
                        if (b.label().equals(RestorePoint.label(vm)) && b.entry(RestorePoint.INFO_JSON) != null) {
                            String checkpoint = RestorePoint.find(repository, b.id()).info().checkpoint();
                            if (checkpoint != null) {
                                remaining.add(checkpoint);
                            }
                        }
                    }
                }
            }
            List<String> removed = report.forgotten().stream().map(Backup::id).toList();
            LOG.info("forgot {} backup(s) in {}: {} chunks, {} bytes to {}", removed.size(), access.destination(),
                    report.chunks(), report.bytes(), report.recycleBin());
            List<String> deleted = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            if (!checkpoints.isEmpty()) {
                progress.report(85, "deleting checkpoints of " + vm);
                try (Hypervisor hypervisor = Hypervisors.connect(uri)) {
                    Exporter exporter = new Exporter(hypervisor, settings.scratchDir());
                    List<String> present = exporter.checkpoints(vm);
                    for (String checkpoint : checkpoints) {
                        if (remaining.contains(checkpoint) || !present.contains(checkpoint)) {
                            kept.add(checkpoint);
                        } else {
                            exporter.deleteCheckpoint(vm, checkpoint);
                            deleted.add(checkpoint);
                        }
                    }
                }
                LOG.info("checkpoints of {}: deleted {}, kept or absent {}", vm, deleted, kept);
            }
            return new Result(removed, report.chunks(), report.bytes(), report.recycleBin(), deleted, kept);
        };
    }

    private static Set<String> list(String commaSeparated) {
        Set<String> values = new LinkedHashSet<>();
        Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(values::add);
        return values;
    }
}
