package org.bulwark.node.kvm.export;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bulwark.node.kvm.Hypervisor;
import org.bulwark.node.kvm.HypervisorException;
import org.bulwark.node.kvm.xml.DiskDefinition;
import org.bulwark.node.kvm.xml.DomainXml;
import org.bulwark.node.kvm.xml.SafeXml;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Full and incremental exports of virtual machines through libvirt checkpoints.
 *
 * <p>A running machine is exported in libvirt's <em>pull mode</em>: {@code virDomainBackupBegin}
 * starts QEMU's NBD server on a unix socket in a scratch folder, and this class reads each disk
 * over NBD, asking the {@code base:allocation} context (full) or the
 * {@code qemu:dirty-bitmap:backup-<disk>} context (incremental) which extents to copy. Nothing is
 * staged: the only scratch data is QEMU's copy-before-write of blocks the guest overwrites during
 * the export.
 *
 * <p>A shut-off machine cannot run a libvirt backup job (nor create a checkpoint: "cannot create
 * checkpoint for inactive domain"). Its images are then read directly through {@code qemu-nbd
 * --read-only}, with the persistent bitmap of the previous checkpoint as
 * {@code qemu:dirty-bitmap:<checkpoint>} for an incremental. The new checkpoint is made the way
 * libvirt would: {@code qemu-img bitmap --add} on each image, then the checkpoint's metadata
 * registered with {@code VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE}; later live incrementals use it
 * like any other.
 *
 * <p>Checkpoints need qcow2 images; a machine with another format gets full exports without a
 * checkpoint. An incremental whose checkpoint is missing or whose bitmap is broken becomes a full
 * and says why ({@link Export#fallbackReason()}). Exports of one machine are serialized.
 *
 * <p>Failover: exports of one machine are serialized across the processes of a host too, through an
 * {@link ExportClaim} in {@link #HOST_FOLDER}. An exporter that dies (a node killed mid-export)
 * leaves a libvirt backup job on a running machine, {@code qemu-nbd} servers holding the image locks
 * of a shut-off one and a checkpoint or bitmaps it never committed; the next export of the machine
 * aborts that job, stops those servers and drops that checkpoint before it begins, so a task that
 * failed over to another node of the same host starts cleanly.
 */
public final class Exporter {
    private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);
    private static final int CHECKPOINT_CREATE_REDEFINE = 1;
    private static final String QCOW2 = "qcow2";
    private static final int JOB_NONE = 0;

    /** Where exporters on this host record their claims, servers and pending checkpoints ({@link ExportClaim}). */
    public static final Path HOST_FOLDER = Path.of("/run/bulwark/kvm-exports");

    private final Hypervisor hypervisor;
    private final Path scratchRoot;
    private final Path hostFolder;
    private final Checkpoints checkpoints;

    /**
     * @param scratchRoot where scratch folders (NBD sockets, copy-before-write files) are made; keep
     *                    the path short, a unix socket path has at most 107 bytes
     */
    public Exporter(Hypervisor hypervisor, Path scratchRoot) {
        this(hypervisor, scratchRoot, HOST_FOLDER);
    }

    /**
     * @param hostFolder where exports record what a successor must clean up if they die: every
     *                   exporter on this host must use the same folder ({@link #HOST_FOLDER})
     */
    public Exporter(Hypervisor hypervisor, Path scratchRoot, Path hostFolder) {
        this.hypervisor = hypervisor;
        this.scratchRoot = scratchRoot;
        this.hostFolder = hostFolder;
        this.checkpoints = new Checkpoints(hypervisor);
    }

    /**
     * Starts an export, waiting first for any other export of the same machine to close, in this
     * process or (through the host folder) in another one on this host. What an exporter that died
     * left behind is cleaned up first: its libvirt backup job is aborted, its {@code qemu-nbd}
     * servers stopped and its uncommitted checkpoint dropped.
     */
    public Export begin(ExportRequest request) throws IOException, InterruptedException {
        Domain domain = hypervisor.domain(request.vm());
        UUID uuid = uuid(domain);
        Hypervisor.Lease lease = hypervisor.exclusive(domain);
        ExportClaim claim;
        try {
            claim = ExportClaim.acquire(hostFolder, uuid, request.vm());
        } catch (IOException | InterruptedException | RuntimeException e) {
            lease.close();
            throw e;
        }
        Hypervisor.Lease held = both(claim, lease, request.vm());
        Deque<Export.Cleanup> teardown = new ArrayDeque<>();
        Optional<String> checkpoint = Optional.empty();
        List<DiskDefinition> disks = List.of();
        try {
            String definition = hypervisor.definition(domain);
            disks = DomainXml.parse(definition).disks().stream().filter(DiskDefinition::isHardDisk).toList();
            if (disks.isEmpty()) {
                throw new HypervisorException("virtual machine " + request.vm() + " has no disk to export");
            }
            recover(domain, uuid, disks, claim, request.vm());
            boolean bitmaps = disks.stream().allMatch(d -> d.format().equals(QCOW2));
            Plan plan = new Plan(request.since(), null);
            if (plan.since.isPresent() && !bitmaps) {
                plan = plan.full("its disks are not all qcow2, which dirty bitmaps need");
            } else if (plan.since.isPresent() && !checkpoints(domain).contains(plan.since.get())) {
                plan = plan.full("checkpoint " + plan.since.get() + " does not exist");
            }
            checkpoint = bitmaps ? Optional.of(request.checkpoint()) : Optional.empty();
            if (checkpoint.isPresent()) {
                claim.recordPending(checkpoint.get());
            }
            Path scratch = Files.createTempDirectory(Files.createDirectories(scratchRoot), scratchPrefix(uuid));
            teardown.push(() -> deleteTree(scratch));
            boolean live = hypervisor.state(domain).isActive();
            Started started = live
                    ? live(domain, disks, plan, checkpoint, scratch, teardown)
                    : offline(domain, disks, plan, checkpoint, scratch, claim, teardown);
            started.plan.fallback().ifPresent(reason -> LOG.warn("export of {}: full instead of incremental: {}",
                    request.vm(), reason));
            LOG.info("export of {} began: {} {} of {} disk(s), checkpoint {}", request.vm(), live ? "live" : "offline",
                    started.plan.since.isPresent() ? "incremental since " + started.plan.since.get() : "full",
                    started.disks.size(), checkpoint.orElse("none"));
            return new Export(request.vm(), started.plan.since, checkpoint, started.plan.fallback(), live, definition,
                    started.disks, teardown, settler(domain, disks, checkpoint, claim), held);
        } catch (IOException | RuntimeException e) {
            new Export(request.vm(), Optional.empty(), checkpoint, Optional.empty(), false, "", List.of(), teardown,
                    settler(domain, disks, checkpoint, claim), held).close();
            throw e;
        }
    }

    /** A lease that releases the host claim, then the machine in this process. */
    private static Hypervisor.Lease both(ExportClaim claim, Hypervisor.Lease lease, String vm) {
        return () -> {
            try {
                claim.close();
            } catch (IOException e) {
                LOG.warn("releasing the host claim on {}: {}", vm, e.getMessage());
            } finally {
                lease.close();
            }
        };
    }

    /**
     * Cleans up after an exporter of this machine that died (the claim proves it is gone): stops its
     * {@code qemu-nbd} servers, aborts its backup job, drops the checkpoint it never committed (its
     * backup never landed, so no incremental may start from it) and removes its scratch folders.
     */
    private void recover(Domain domain, UUID uuid, List<DiskDefinition> disks, ExportClaim claim, String vm)
            throws IOException {
        claim.reapServers();
        if (hypervisor.state(domain).isActive() && backupJobRuns(domain)) {
            LOG.warn("export of {}: aborting the backup job an unfinished export left on the machine", vm);
            abortJob(domain);
        }
        Optional<String> pending = claim.pendingCheckpoint();
        if (pending.isPresent()) {
            LOG.warn("export of {}: dropping checkpoint {} of an unfinished export", vm, pending.get());
            if (checkpoints(domain).contains(pending.get())) {
                dropCheckpoint(domain, disks, pending.get());
            } else if (!hypervisor.state(domain).isActive()) {
                Checkpoints.removeBitmaps(disks, pending.get());
            }
            claim.clearPending();
        }
        String prefix = scratchPrefix(uuid);
        try (Stream<Path> folders = Files.list(Files.createDirectories(scratchRoot))) {
            for (Path stale : folders.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                LOG.info("export of {}: removing scratch folder {} of an unfinished export", vm, stale);
                deleteTree(stale);
            }
        }
    }

    /**
     * Scratch folders of one machine start with this (then a random number), so a successor finds
     * those of a dead exporter; short, because the NBD socket inside must fit a unix socket path.
     */
    private static String scratchPrefix(UUID uuid) {
        return uuid.toString().substring(0, 8);
    }

    private UUID uuid(Domain domain) {
        try {
            return UUID.fromString(domain.getUUIDString());
        } catch (LibvirtException e) {
            throw hypervisor.failure("identify virtual machine " + name(domain), e);
        }
    }

    /** Keeps the export's checkpoint if committed, else drops it if it came to exist; then clears the record. */
    private Export.Settle settler(Domain domain, List<DiskDefinition> disks, Optional<String> checkpoint,
            ExportClaim claim) {
        return committed -> {
            if (!committed && checkpoint.isPresent() && checkpoints(domain).contains(checkpoint.get())) {
                LOG.info("export of {} not committed: dropping checkpoint {}", name(domain), checkpoint.get());
                dropCheckpoint(domain, disks, checkpoint.get());
            }
            claim.clearPending();
        };
    }

    /** The names of the machine's checkpoints. */
    public List<String> checkpoints(String vm) {
        return checkpoints(hypervisor.domain(vm));
    }

    /**
     * Deletes checkpoint {@code name} of {@code vm} (retention: a checkpoint is a dirty bitmap that
     * QEMU updates on every write, so keep only those the next incrementals need).
     */
    public void deleteCheckpoint(String vm, String name) throws IOException, InterruptedException {
        Domain domain = hypervisor.domain(vm);
        try (Hypervisor.Lease lease = hypervisor.exclusive(domain);
                ExportClaim claim = ExportClaim.acquire(hostFolder, uuid(domain), vm)) {
            dropCheckpoint(domain, checkpoints.disks(domain), name);
        }
    }

    /** The checkpoint an incremental starts from, and why it became a full if it did. */
    private record Plan(Optional<String> since, String reason) {
        Plan full(String why) {
            return new Plan(Optional.empty(), "incremental since " + since.orElseThrow() + " impossible: " + why);
        }

        Optional<String> fallback() {
            return Optional.ofNullable(reason);
        }
    }

    private record Started(Plan plan, List<DiskExport> disks) {
    }

    private Started live(Domain domain, List<DiskDefinition> disks, Plan plan, Optional<String> checkpoint,
            Path scratch, Deque<Export.Cleanup> teardown) throws IOException {
        String checkpointXml = checkpoint.map(name -> checkpointXml(name, disks, false)).orElse(null);
        try {
            domain.backupBegin(backupXml(disks, plan.since, scratch, "a"), checkpointXml, 0);
        } catch (LibvirtException e) {
            if (plan.since.isEmpty()) {
                throw hypervisor.failure("begin a backup of " + name(domain), e);
            }
            plan = plan.full(e.getMessage());
            try {
                domain.backupBegin(backupXml(disks, plan.since, scratch, "b"), checkpointXml, 0);
            } catch (LibvirtException again) {
                throw hypervisor.failure("begin a backup of " + name(domain), again);
            }
        }
        teardown.push(() -> endJob(domain));
        Element job;
        try {
            job = SafeXml.parse(domain.getBackupXMLDesc(0)).getDocumentElement();
        } catch (LibvirtException e) {
            throw hypervisor.failure("read the backup job of " + name(domain), e);
        }
        Path socket = Path.of(((Element) job.getElementsByTagName("server").item(0)).getAttribute("socket"));
        List<DiskExport> exports = new ArrayList<>();
        NodeList jobDisks = job.getElementsByTagName("disk");
        Optional<String> since = plan.since;
        for (DiskDefinition disk : disks) {
            Element jobDisk = null;
            for (int i = 0; i < jobDisks.getLength(); i++) {
                Element candidate = (Element) jobDisks.item(i);
                if (candidate.getAttribute("name").equals(disk.target())) {
                    jobDisk = candidate;
                }
            }
            if (jobDisk == null) {
                throw new HypervisorException("libvirt's backup job of " + name(domain) + " lacks disk " + disk.target());
            }
            String exportName = jobDisk.getAttribute("exportname").isEmpty() ? disk.target()
                    : jobDisk.getAttribute("exportname");
            String exportBitmap = jobDisk.getAttribute("exportbitmap");
            Optional<String> bitmap = since.map(s -> "qemu:dirty-bitmap:" + exportBitmap);
            exports.add(read(socket, exportName, disk, bitmap, teardown));
        }
        return new Started(plan, exports);
    }

    private Started offline(Domain domain, List<DiskDefinition> disks, Plan plan, Optional<String> checkpoint,
            Path scratch, ExportClaim claim, Deque<Export.Cleanup> teardown) throws IOException {
        for (DiskDefinition disk : disks) {
            if (!disk.isLocal()) {
                throw new HypervisorException("cannot export disk " + disk.target() + " of shut-off machine "
                        + name(domain) + ": its source is " + disk.type() + ", not a local file or device");
            }
        }
        if (checkpoint.isPresent()) {
            addOfflineCheckpoint(domain, disks, checkpoint.get());
        }
        List<QemuNbdServer> servers;
        try {
            servers = serve(disks, plan.since, scratch, claim, "a");
        } catch (IOException e) {
            if (plan.since.isEmpty()) {
                throw e;
            }
            plan = plan.full(e.getMessage());
            servers = serve(disks, plan.since, scratch, claim, "b");
        }
        servers.forEach(server -> teardown.push(server::close));
        List<DiskExport> exports = new ArrayList<>();
        for (int i = 0; i < disks.size(); i++) {
            exports.add(read(servers.get(i).socket(), disks.get(i).target(), disks.get(i),
                    plan.since.map(s -> "qemu:dirty-bitmap:" + s), teardown));
        }
        return new Started(plan, exports);
    }

    /** Serves every disk with {@code qemu-nbd}; if one fails, those already started are stopped. */
    private static List<QemuNbdServer> serve(List<DiskDefinition> disks, Optional<String> bitmap, Path scratch,
            ExportClaim claim, String attempt) throws IOException {
        List<QemuNbdServer> servers = new ArrayList<>();
        try {
            for (DiskDefinition disk : disks) {
                servers.add(QemuNbdServer.start(Path.of(disk.source()), disk.format().isEmpty() ? "raw" : disk.format(),
                        disk.target(), scratch.resolve(disk.target() + "-" + attempt + ".sock"),
                        claim.pidFile(disk.target()), bitmap));
            }
            return servers;
        } catch (IOException e) {
            servers.forEach(QemuNbdServer::close);
            throw e;
        }
    }

    /** Connects to one disk's NBD export and lists the extents to copy. */
    private static DiskExport read(Path socket, String exportName, DiskDefinition disk, Optional<String> dirtyBitmap,
            Deque<Export.Cleanup> teardown) throws IOException {
        String context = dirtyBitmap.orElse(NbdClient.BASE_ALLOCATION);
        NbdClient client = NbdClient.connect(socket, exportName, List.of(context));
        teardown.push(client::close);
        List<Extent> extents = dirtyBitmap.isPresent()
                ? client.extents(context, flags -> (flags & NbdClient.STATE_DIRTY) != 0)
                : client.extents(context, flags -> (flags & NbdClient.STATE_ZERO) == 0);
        ReadAhead source = new ReadAhead(client, disk.target(), extents);
        teardown.push(source::close);
        return new DiskExport(disk.target(), disk.format(), client.size(), extents, source);
    }

    private void addOfflineCheckpoint(Domain domain, List<DiskDefinition> disks, String name) throws IOException {
        List<DiskDefinition> done = new ArrayList<>();
        try {
            for (DiskDefinition disk : disks) {
                Command.run(List.of("qemu-img", "bitmap", "--add", disk.source(), name));
                done.add(disk);
            }
            domain.checkpointCreateXML(checkpointXml(name, disks, true), CHECKPOINT_CREATE_REDEFINE);
        } catch (LibvirtException e) {
            Checkpoints.removeBitmaps(done, name);
            throw hypervisor.failure("register checkpoint " + name + " of " + name(domain), e);
        } catch (IOException | RuntimeException e) {
            Checkpoints.removeBitmaps(done, name);
            throw e;
        }
    }

    /** Ends the export's backup job and waits until libvirt is done with it (gone with a stopped machine). */
    private void endJob(Domain domain) throws IOException {
        try {
            if (hypervisor.state(domain).isActive() && backupJobRuns(domain)) {
                abortJob(domain);
            }
        } catch (HypervisorException e) {
            LOG.debug("ending the backup job of {}: {}", name(domain), e.getMessage());
        }
    }

    /** Whether a libvirt backup job runs on {@code domain} (asked only when some job runs: libvirt logs the refusal). */
    private boolean backupJobRuns(Domain domain) {
        try {
            if (domain.getJobInfo().getType() == JOB_NONE) {
                return false;
            }
            domain.getBackupXMLDesc(0);
            return true;
        } catch (LibvirtException e) {
            if (e.getError() != null && e.getError().getCode() == ErrorNumber.VIR_ERR_NO_DOMAIN_BACKUP) {
                return false;
            }
            throw hypervisor.failure("look for a backup job on " + name(domain), e);
        }
    }

    /** Aborts the backup job of {@code domain} and waits until libvirt has ended it. */
    private void abortJob(Domain domain) throws IOException {
        try {
            domain.abortJob();
        } catch (LibvirtException e) {
            throw hypervisor.failure("abort the backup job of " + name(domain), e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (backupJobRuns(domain)) {
            if (System.nanoTime() > deadline) {
                throw new HypervisorException("the backup job of " + name(domain) + " did not end within 30 s of abort");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while ending the backup job of " + name(domain));
            }
        }
    }

    private List<String> checkpoints(Domain domain) {
        return checkpoints.names(domain);
    }

    private void dropCheckpoint(Domain domain, List<DiskDefinition> disks, String name) {
        checkpoints.drop(domain, disks, name);
    }

    private static String backupXml(List<DiskDefinition> disks, Optional<String> since, Path scratch, String attempt) {
        StringBuilder xml = new StringBuilder("<domainbackup mode='pull'>");
        since.ifPresent(s -> xml.append("<incremental>").append(SafeXml.escape(s)).append("</incremental>"));
        xml.append("<server transport='unix' socket='")
                .append(SafeXml.escape(scratch.resolve("nbd-" + attempt + ".sock").toString())).append("'/><disks>");
        for (DiskDefinition disk : disks) {
            xml.append("<disk name='").append(SafeXml.escape(disk.target())).append("' backup='yes' type='file'>")
                    .append("<scratch file='")
                    .append(SafeXml.escape(scratch.resolve(disk.target() + "-" + attempt + ".scratch").toString()))
                    .append("'/></disk>");
        }
        return xml.append("</disks></domainbackup>").toString();
    }

    private static String checkpointXml(String name, List<DiskDefinition> disks, boolean redefine) {
        StringBuilder xml = new StringBuilder("<domaincheckpoint><name>").append(SafeXml.escape(name)).append("</name>");
        if (redefine) {
            xml.append("<creationTime>").append(Instant.now().getEpochSecond()).append("</creationTime>");
        }
        xml.append("<disks>");
        for (DiskDefinition disk : disks) {
            xml.append("<disk name='").append(SafeXml.escape(disk.target())).append("' checkpoint='bitmap'");
            if (redefine) {
                xml.append(" bitmap='").append(SafeXml.escape(name)).append("'");
            }
            xml.append("/>");
        }
        return xml.append("</disks></domaincheckpoint>").toString();
    }

    private static String name(Domain domain) {
        return Checkpoints.name(domain);
    }

    /** Deletes the scratch folder; files that libvirt removes meanwhile (its NBD socket) are no error. */
    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
