package org.bulwark.node.vm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.bulwark.node.kvm.Hypervisor;
import org.bulwark.node.kvm.HypervisorException;
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
 * backup fails the task before anything is removed. Then it deletes the hypervisor checkpoints the
 * forgotten restore points were taken with (each records its machine and checkpoint), plus those
 * named by {@code vm} and {@code checkpoints} (comma-separated), except one that a remaining restore
 * point of the machine was taken with (the next incremental may start there). A machine that is
 * gone or a hypervisor that cannot be reached leaves its checkpoints, listed as kept: the backups
 * are removed all the same. Parameters: {@code destination}, {@code passphrase} or
 * {@code passphraseFile}, {@code restorePoints}, optional {@code vm}, {@code checkpoints}, {@code uri}.
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
     * @param checkpointsKept     checkpoints left because a remaining restore point was taken with them, or
     *                            absent, or their machine or hypervisor could not be reached
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
            Map<String, Set<String>> spent = new TreeMap<>();
            if (vm != null && !checkpoints.isEmpty()) {
                spent.put(vm, new LinkedHashSet<>(checkpoints));
            }
            PruneReport report;
            Set<String> remaining = new HashSet<>();
            try (Repository repository = access.open(false)) {
                for (RestorePoint.Info info : restorePoints(repository, ids::contains)) {
                    if (info.checkpoint() != null) {
                        spent.computeIfAbsent(info.vm(), m -> new LinkedHashSet<>()).add(info.checkpoint());
                    }
                }
                report = repository.forget(ids, (phase, done, total) -> progress.report(
                        total <= 0 ? 10 : 10 + (int) (70 * done / total), "recycling " + done + " of " + total + " chunks"));
                if (!spent.isEmpty()) {
                    for (RestorePoint.Info info : restorePoints(repository, id -> true)) {
                        remaining.add(info.checkpoint());
                    }
                }
            }
            List<String> removed = report.forgotten().stream().map(Backup::id).toList();
            LOG.info("forgot {} backup(s) in {}: {} chunks, {} bytes to {}", removed.size(), access.destination(),
                    report.chunks(), report.bytes(), report.recycleBin());
            List<String> deleted = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            if (!spent.isEmpty()) {
                progress.report(85, "deleting the checkpoints of " + String.join(", ", spent.keySet()));
                deleteCheckpoints(uri, spent, remaining, deleted, kept);
            }
            return new Result(removed, report.chunks(), report.bytes(), report.recycleBin(), deleted, kept);
        };
    }

    /** The machine restore points among the backups whose id passes {@code chosen}. */
    private static List<RestorePoint.Info> restorePoints(Repository repository, Predicate<String> chosen)
            throws IOException {
        List<RestorePoint.Info> infos = new ArrayList<>();
        for (Backup b : repository.list()) {
            if (chosen.test(b.id()) && b.label().startsWith(RestorePoint.label("")) && b.entry(RestorePoint.INFO_JSON) != null) {
                infos.add(RestorePoint.find(repository, b.id()).info());
            }
        }
        return infos;
    }

    /** Deletes {@code spent} checkpoints per machine unless {@code remaining} restore points need them. */
    private void deleteCheckpoints(String uri, Map<String, Set<String>> spent, Set<String> remaining,
            List<String> deleted, List<String> kept) throws IOException, InterruptedException {
        Hypervisor hypervisor;
        try {
            hypervisor = Hypervisors.connect(uri);
        } catch (HypervisorException e) {
            LOG.warn("checkpoints of forgotten restore points kept: {}", e.getMessage());
            spent.values().forEach(kept::addAll);
            return;
        }
        try (hypervisor) {
            Exporter exporter = new Exporter(hypervisor, settings.scratchDir());
            for (Map.Entry<String, Set<String>> machine : spent.entrySet()) {
                String vm = machine.getKey();
                List<String> present;
                try {
                    present = exporter.checkpoints(vm);
                } catch (HypervisorException e) {
                    LOG.warn("checkpoints of {} kept: {}", vm, e.getMessage());
                    kept.addAll(machine.getValue());
                    continue;
                }
                for (String checkpoint : machine.getValue()) {
                    if (remaining.contains(checkpoint) || !present.contains(checkpoint)) {
                        kept.add(checkpoint);
                    } else {
                        try {
                            exporter.deleteCheckpoint(vm, checkpoint);
                            deleted.add(checkpoint);
                        } catch (HypervisorException e) {
                            LOG.warn("checkpoint {} of {} kept: {}", checkpoint, vm, e.getMessage());
                            kept.add(checkpoint);
                        }
                    }
                }
            }
        }
        LOG.info("checkpoints of forgotten restore points: deleted {}, kept or absent {}", deleted, kept);
    }

    private static Set<String> list(String commaSeparated) {
        Set<String> values = new LinkedHashSet<>();
        Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(values::add);
        return values;
    }
}
