package org.bulwark.node.vm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bulwark.node.Json;
import org.bulwark.node.hook.BackupHooks;
import org.bulwark.node.kvm.Hypervisor;
import org.bulwark.node.kvm.export.DiskExport;
import org.bulwark.node.kvm.export.Export;
import org.bulwark.node.kvm.export.ExportKind;
import org.bulwark.node.kvm.export.ExportRequest;
import org.bulwark.node.kvm.export.Exporter;
import org.bulwark.node.task.TaskHandler;
import org.bulwark.repository.Backup;
import org.bulwark.repository.BackupOptions;
import org.bulwark.repository.Extent;
import org.bulwark.repository.ImageSource;
import org.bulwark.repository.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BACKUP: exports a virtual machine's disks and streams them into a repository in one task (no
 * staging copy), with the domain definition beside them. Incremental against the checkpoint of the
 * machine's latest restore point in that repository when there is one; a missing or broken
 * checkpoint chain gives a full, and the result and log say why.
 *
 * <p>Parameters: {@code vm}; {@code destination} (repository folder, created when empty);
 * {@code passphrase} or {@code passphraseFile}; optional {@code uri} (libvirt), {@code mode}
 * ({@code auto}, the default, or {@code full}); the pre/post commands of {@link BackupHooks}.
 */
public final class BackupTask implements TaskHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BackupTask.class);

    private final VmSettings settings;

    public BackupTask(VmSettings settings) {
        this.settings = settings;
    }

    /**
     * What a BACKUP returns.
     *
     * @param restorePoint   id of the new backup in the repository
     * @param kind           FULL or INCREMENTAL, as delivered
     * @param parent         the restore point an incremental builds on
     * @param fallbackReason why a full was made although an incremental was possible in principle
     * @param bytesRead      bytes read from the hypervisor
     * @param bytesWritten   bytes added to the destination (after dedup, compression, encryption)
     * @param changedExtents extents exported (changed ranges of an incremental, data ranges of a full)
     * @param changedBytes   bytes those extents cover
     * @param live           whether the machine was running (libvirt backup job) or shut off (images read directly)
     */
    public record Result(String vm, String restorePoint, String kind, String parent, String fallbackReason,
            long bytesRead, long bytesWritten, long changedExtents, long changedBytes, long logicalBytes,
            String checkpoint, boolean live, List<RestorePoint.Disk> disks) {
    }

    @Override
    public Job prepare(Map<String, String> parameters) {
        Parameters p = new Parameters("BACKUP", parameters);
        String vm = p.required("vm");
        String uri = p.optional("uri", settings.libvirtUri());
        boolean forceFull = p.choice("mode", "auto", "auto", "full").equals("full");
        RepositoryAccess access = RepositoryAccess.of(p);
        BackupHooks hooks = BackupHooks.of(parameters);
        return progress -> run(vm, uri, forceFull, access, hooks, progress);
    }

    private Result run(String vm, String uri, boolean forceFull, RepositoryAccess access, BackupHooks hooks,
            Progress progress) throws Exception {
        progress.report(0, "looking up " + vm + " on " + uri);
        try (Hypervisor hypervisor = Hypervisors.connect(uri)) {
            UUID uuid = hypervisor.describe(vm).uuid();
            return hooks.around(vm, uuid, progress, () -> {
                progress.report(1, "opening the repository at " + access.destination());
                try (Repository repository = access.open(true)) {
                    access.requireWritable();
                    return backup(vm, uuid, forceFull, hypervisor, repository, progress);
                }
            }, Result::restorePoint);
        }
    }

    private Result backup(String vm, UUID uuid, boolean forceFull, Hypervisor hypervisor, Repository repository,
            Progress progress) throws Exception {
        Optional<RestorePoint> previous = RestorePoint.latest(repository, vm);
        String noIncremental = previous.isEmpty() ? null
                : forceFull ? "a full was asked for"
                : !previous.get().info().uuid().equals(uuid) ? "the machine's UUID changed since restore point "
                        + previous.get().backup().shortId()
                : previous.get().info().checkpoint() == null ? "restore point " + previous.get().backup().shortId()
                        + " has no checkpoint"
                : null;
        ExportRequest request = previous.isPresent() && noIncremental == null
                ? ExportRequest.incremental(vm, previous.get().info().checkpoint())
                : ExportRequest.full(vm);
        progress.report(2, "exporting " + vm + (request.since().isPresent() ? " incrementally since checkpoint "
                + request.since().get() : " in full"));
        try (Export export = new Exporter(hypervisor, settings.scratchDir()).begin(request)) {
            String fallback = export.fallbackReason()
                    .map(reason -> "incremental impossible, full made instead: " + reason)
                    .orElse(noIncremental == null ? null : "full made instead of an incremental: " + noIncremental);
            if (fallback != null) {
                LOG.warn("backup of {}: {}", vm, fallback);
                progress.report(3, fallback);
            }
            boolean incremental = export.kind() == ExportKind.INCREMENTAL;
            AtomicLong bytesRead = new AtomicLong();
            List<ImageSource> images = new ArrayList<>();
            List<RestorePoint.Disk> disks = new ArrayList<>();
            long extents = 0;
            long extentBytes = 0;
            for (DiskExport disk : export.disks()) {
                List<Extent> changed = incremental
                        ? disk.extents().stream().map(e -> new Extent(e.offset(), e.length())).toList() : null;
                images.add(new ImageSource(disk.target(), disk.size(), new ExportReader(disk, !incremental, bytesRead),
                        changed));
                disks.add(new RestorePoint.Disk(disk.target(), disk.format(), disk.size()));
                extents += disk.extents().size();
                extentBytes += disk.extentBytes();
            }
            RestorePoint.Info info = new RestorePoint.Info(vm, uuid, export.checkpoint().orElse(null),
                    export.kind().name(), disks);
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(RestorePoint.DOMAIN_XML, export.domainXml().getBytes(StandardCharsets.UTF_8));
            files.put(RestorePoint.INFO_JSON, Json.MAPPER.writeValueAsBytes(info));
            BackupOptions options = BackupOptions.labelled(RestorePoint.label(vm))
                    .withParent(incremental ? previous.orElseThrow().backup().id() : null)
                    .withProgress(new PercentProgress(progress, 5, 95, "stored"));
            Backup backup = repository.backupImages(images, files, options);
            export.commit();
            progress.report(99, "restore point " + backup.shortId() + " stored");
            LOG.info("backup of {}: {} restore point {}, {} bytes read, {} bytes written", vm, export.kind(),
                    backup.shortId(), bytesRead.get(), backup.newBytes());
            return new Result(vm, backup.id(), export.kind().name(), backup.parent(), fallback, bytesRead.get(),
                    backup.newBytes(), extents, extentBytes, backup.logicalBytes(),
                    export.checkpoint().orElse(null), export.live(), disks);
        }
    }
}
