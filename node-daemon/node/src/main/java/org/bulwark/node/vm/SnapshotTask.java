package org.bulwark.node.vm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bulwark.node.kvm.Hypervisor;
import org.bulwark.node.kvm.ObjectNames;
import org.bulwark.node.kvm.snapshot.Snapshot;
import org.bulwark.node.kvm.snapshot.Snapshots;
import org.bulwark.node.task.TaskHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SNAPSHOT: persisted hypervisor snapshots of one machine, per policy.
 * <ul>
 * <li>{@code action=create} (the default): takes {@code <policy>-<yyyyMMdd'T'HHmmssSSS'Z'>}; with
 * {@code keep=N} then deletes the older snapshots of that policy so that the newest N remain
 * (snapshots of other policies and by hand are never touched);</li>
 * <li>{@code action=revert}: returns the machine to snapshot {@code snapshot}.</li>
 * </ul>
 * Parameters: {@code vm}, {@code policy} (create), {@code keep} (1-1000, optional),
 * {@code snapshot} (revert), optional {@code uri}.
 */
public final class SnapshotTask implements TaskHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotTask.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final VmSettings settings;

    public SnapshotTask(VmSettings settings) {
        this.settings = settings;
    }

    /**
     * What a SNAPSHOT returns.
     *
     * @param snapshot the snapshot taken, or reverted to
     * @param deleted  snapshots of the policy removed by retention, oldest first
     * @param kept     snapshots of the policy that remain, oldest first
     */
    public record Result(String vm, String action, String snapshot, List<String> deleted, List<String> kept) {
    }

    @Override
    public Job prepare(Map<String, String> parameters) {
        Parameters p = new Parameters("SNAPSHOT", parameters);
        String vm = p.required("vm");
        String uri = p.optional("uri", settings.libvirtUri());
        if (p.choice("action", "create", "create", "revert").equals("revert")) {
            String snapshot = ObjectNames.require("snapshot", p.required("snapshot"));
            return progress -> {
                try (Hypervisor hypervisor = Hypervisors.connect(uri)) {
                    progress.report(10, "reverting " + vm + " to snapshot " + snapshot);
                    List<String> dropped = new Snapshots(hypervisor).revert(vm, snapshot);
                    LOG.info("{} reverted to snapshot {}", vm, snapshot);
                    if (!dropped.isEmpty()) {
                        String warning = "warning: the revert dropped backup checkpoints " + dropped
                                + " (a revert rewrites blocks no checkpoint records): the next backup is a full";
                        LOG.warn("{}: {}", vm, warning);
                        progress.report(95, warning);
                    }
                    return new Result(vm, "revert", snapshot, List.of(), List.of());
                }
            };
        }
        String policy = ObjectNames.require("policy", p.required("policy"));
        int keep = p.number("keep", 0, 1, 1000);
        Pattern ofPolicy = Pattern.compile(Pattern.quote(policy) + "-\\d{8}T\\d{9}Z");
        return progress -> {
            try (Hypervisor hypervisor = Hypervisors.connect(uri)) {
                Snapshots snapshots = new Snapshots(hypervisor);
                String name = policy + "-" + STAMP.format(Instant.now());
                progress.report(5, "taking snapshot " + name + " of " + vm);
                snapshots.create(vm, name, "Bulwark snapshot of policy " + policy);
                List<String> ours = new ArrayList<>(snapshots.list(vm).stream().map(Snapshot::name)
                        .filter(n -> ofPolicy.matcher(n).matches()).toList());
                List<String> deleted = new ArrayList<>();
                while (keep > 0 && ours.size() > keep) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("cancelled");
                    }
                    String oldest = ours.removeFirst();
                    progress.report(50, "retention keeps " + keep + ": deleting snapshot " + oldest);
                    snapshots.delete(vm, oldest);
                    deleted.add(oldest);
                }
                LOG.info("snapshot {} of {} taken; retention deleted {}", name, vm, deleted);
                return new Result(vm, "create", name, deleted, ours);
            }
        };
    }
}
