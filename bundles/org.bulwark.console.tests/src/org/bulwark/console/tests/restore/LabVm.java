package org.bulwark.console.tests.restore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bulwark.api.BackupRequest;
import org.bulwark.api.Hypervisor;
import org.bulwark.api.HypervisorRequest;
import org.bulwark.api.Policy;
import org.bulwark.api.PolicyRequest;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.Retention;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.api.Vm;
import org.bulwark.api.rest.HypervisorResource;
import org.bulwark.api.rest.PolicyResource;
import org.bulwark.api.rest.VmResource;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.tests.fixture.Bulwark;
import org.junit.jupiter.api.Assumptions;

/**
 * A stopped VM on the real libvirtd of the KVM lab ({@code releng/kvm-lab/setup.sh}) whose one
 * disk holds an ext4 file system made by {@code mkfs.ext4 -d} from known files, put into the
 * inventory through the fixture's node and backed up by a policy: the restore point the restore
 * tests work on. {@link #close()} removes the VM, its files and the repository.
 */
final class LabVm implements AutoCloseable {
    static final String URI = "qemu:///system";
    /** A file of the disk: {@code /docs/report 2026.bin}, 300 000 random bytes. */
    static final String REPORT = "report 2026.bin";
    static final String HELLO = "hello.txt";
    private static final long DISK_MIB = 24;
    private static final Duration TASK = Duration.ofMinutes(2);

    private final Path dir;
    private final String name;
    private final byte[] report;
    private final String diskSha256;
    private Vm vm;
    private RestorePoint restorePoint;

    private LabVm(Path dir, String name, byte[] report, String diskSha256) {
        this.dir = dir;
        this.name = name;
        this.report = report;
        this.diskSha256 = diskSha256;
    }

    /**
     * Builds the disk, defines the VM, syncs it into the inventory and backs it up.
     * Skips the calling tests, saying why, when libvirtd is not reachable.
     */
    static LabVm backedUp(Bulwark bulwark) throws IOException {
        String version = run(false, "virsh", "-c", URI, "version");
        Assumptions.assumeTrue(version != null, "libvirtd is not reachable at " + URI + ": run releng/kvm-lab/setup.sh");
        Path dir = Files.createTempDirectory("bulwark-restore-ui-");
        String name = "bwui-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
        Path tree = Files.createDirectories(dir.resolve("tree/docs"));
        byte[] report = new byte[300_000];
        new Random(7).nextBytes(report);
        Files.write(tree.resolve(REPORT), report);
        Files.writeString(tree.resolveSibling(HELLO), "hello from the backup\n");
        Path raw = dir.resolve(name + ".raw");
        run(true, "mkfs.ext4", "-q", "-F", "-d", tree.getParent().toString(), raw.toString(), DISK_MIB + "M");
        String sha = sha256(raw);
        Path disk = dir.resolve(name + ".qcow2");
        run(true, "qemu-img", "convert", "-f", "raw", "-O", "qcow2", raw.toString(), disk.toString());
        Files.delete(raw);
        Path xml = Files.writeString(dir.resolve(name + ".xml"), """
                <domain type='%s'>
                  <name>%s</name>
                  <memory unit='MiB'>64</memory>
                  <vcpu>1</vcpu>
                  <os><type arch='x86_64' machine='pc'>hvm</type></os>
                  <devices>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2'/><source file='%s'/><target dev='vda' bus='virtio'/>
                    </disk>
                  </devices>
                </domain>""".formatted(Files.exists(Path.of("/dev/kvm")) ? "kvm" : "qemu", name, disk));
        run(true, "virsh", "-c", URI, "define", xml.toString());
        LabVm lab = new LabVm(dir, name, report, sha);
        try {
            lab.backUp(bulwark);
            return lab;
        } catch (RuntimeException | IOException e) {
            lab.close();
            throw e;
        }
    }

    private void backUp(Bulwark bulwark) throws IOException {
        Path passphraseFile = Files.writeString(dir.resolve("passphrase"), "restore-ui-test passphrase\n");
        try (BulwarkClient admin = bulwark.admin()) {
            HypervisorResource hypervisors = admin.resource(HypervisorResource.class);
            Hypervisor hypervisor = hypervisors.add(new HypervisorRequest("kvm-" + name, bulwark.node().id(), URI));
            succeeded(admin, hypervisors.sync(hypervisor.id()));
            vm = await(TASK, () -> admin.resource(VmResource.class).list().stream()
                    .filter(found -> found.present() && found.name().equals(name) && found.hypervisorId().equals(hypervisor.id()))
                    .findFirst().orElse(null), "VM " + name + " in the inventory after the sync");
            Policy policy = admin.resource(PolicyResource.class).create(new PolicyRequest("restore-ui-" + name, List.of(vm.id()),
                    List.of(), List.of(), dir.resolve("repository").toString(), passphraseFile.toString(), List.of(),
                    new Retention(5, 0), 0, true));
            Task backup = succeeded(admin, admin.resource(VmResource.class).backup(vm.id(),
                    new BackupRequest(policy.id(), null, null, null, false)));
            restorePoint = await(TASK, () -> admin.resource(VmResource.class).restorePoints(vm.id()).stream()
                    .filter(point -> backup.id().equals(point.taskId())).findFirst().orElse(null),
                    "the restore point of backup " + backup.id());
        }
    }

    private static Task succeeded(BulwarkClient admin, Task queued) {
        Task ended = await(TASK, () -> {
            Task now = admin.tasks().get(queued.id());
            return now.state().isFinal() ? now : null;
        }, "the end of " + queued.type());
        if (ended.state() != TaskState.SUCCEEDED) {
            throw new IllegalStateException(ended.type() + " ended " + ended.state() + ": " + ended.message());
        }
        return ended;
    }

    /** Polls {@code value} until it is not {@code null}. */
    private static <T> T await(Duration timeout, Supplier<T> value, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (T found = value.get(); ; found = value.get()) {
            if (found != null) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No " + what + " after " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
    }

    String name() {
        return name;
    }

    Vm vm() {
        return vm;
    }

    RestorePoint restorePoint() {
        return restorePoint;
    }

    /** The bytes of {@code /docs/report 2026.bin} on the VM's disk. */
    byte[] report() {
        return report.clone();
    }

    /** SHA-256 of the guest-visible bytes of the VM's disk. */
    String diskSha256() {
        return diskSha256;
    }

    /** A fresh folder for a test (inside the lab's folder, removed with it). */
    Path folder(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    @Override
    public void close() throws IOException {
        run(false, "virsh", "-c", URI, "undefine", "--checkpoints-metadata", "--snapshots-metadata", name); // backups leave checkpoints
        run(false, "virsh", "-c", URI, "undefine", name + "-restored"); // if a test restored it to the hypervisor
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a host tool (an argument list, no shell) and returns its output, or {@code null} when it
     * failed and {@code required} is false.
     */
    private static String run(boolean required, String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                if (required) {
                    throw new IOException(String.join(" ", command) + " failed: " + output.strip());
                }
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + String.join(" ", command), e);
        }
        return output;
    }
}
