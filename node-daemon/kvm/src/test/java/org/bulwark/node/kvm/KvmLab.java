package org.bulwark.node.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.bulwark.node.kvm.export.DiskExport;
import org.bulwark.node.kvm.export.Extent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * JUnit extension ({@code @RegisterExtension static final KvmLab LAB = new KvmLab();}) handing tests the real libvirtd of the KVM lab ({@code releng/kvm-lab/setup.sh})
 * and throw-away virtual machines without an operating system: {@code type='kvm'} where
 * {@code /dev/kvm} exists, TCG emulation otherwise, one qcow2 disk, an empty CD-ROM drive, user
 * networking, tags in the metadata. Tests are skipped, saying why, only when
 * {@code virsh -c qemu:///system version} fails. Machines made in a test are removed after it; those
 * made in {@code @BeforeAll} after the class, also when that {@code @BeforeAll} or a test failed.
 */
public final class KvmLab implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    public static final String URI = Hypervisor.DEFAULT_URI;
    public static final long DISK_SIZE = 64L << 20;
    private static final int UNDEFINE_ALL_METADATA = 1 | 2 | 16;

    private Hypervisor hypervisor;
    private Path folder;
    /** Machines of the running test, and those of the class (made outside any test). */
    private final List<String> machines = new ArrayList<>();
    private final List<String> classMachines = new ArrayList<>();
    private boolean inTest;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ProcessBuilder virsh = new ProcessBuilder("virsh", "-c", URI, "version").redirectErrorStream(true);
        String answer;
        int exit;
        try {
            Process process = virsh.start();
            answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            exit = process.waitFor();
        } catch (IOException e) {
            answer = e.getMessage();
            exit = -1;
        }
        Assumptions.assumeTrue(exit == 0, "libvirtd is not reachable: `virsh -c " + URI + " version` failed ("
                + answer + "); run releng/kvm-lab/setup.sh first");
        hypervisor = Hypervisor.connect(URI);
        folder = Files.createTempDirectory("bwkvm");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        inTest = true;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        inTest = false;
        remove(machines);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (hypervisor != null) {
            remove(machines);
            remove(classMachines);
            hypervisor.close();
        }
        if (folder != null) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    public Hypervisor hypervisor() {
        return hypervisor;
    }

    /** A private folder for disks and scratch files, removed after the test class. */
    public Path folder() {
        return folder;
    }

    /** A fresh, stopped machine whose 64 MiB qcow2 disk holds random data at 0-3 MiB and 17-18 MiB. */
    public String defineVm(String... tags) throws IOException {
        String name = "bwtest-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
        Path raw = folder.resolve(name + ".raw");
        Random random = new Random(name.hashCode());
        try (FileChannel file = FileChannel.open(raw, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.wrap(randomBytes(random, 3 << 20)), 0);
            file.write(ByteBuffer.wrap(randomBytes(random, 1 << 20)), 17L << 20);
            file.truncate(DISK_SIZE);
            file.write(ByteBuffer.allocate(1), DISK_SIZE - 1);
        }
        Path disk = disk(name);
        run("qemu-img", "convert", "-f", "raw", "-O", "qcow2", raw.toString(), disk.toString());
        Files.delete(raw);
        StringBuilder tagXml = new StringBuilder();
        for (String tag : tags) {
            tagXml.append("<bulwark:tag>").append(tag).append("</bulwark:tag>");
        }
        String xml = """
                <domain type='%s'>
                  <name>%s</name>
                  <metadata><bulwark:tags xmlns:bulwark='%s'>%s</bulwark:tags></metadata>
                  <memory unit='MiB'>64</memory>
                  <vcpu>1</vcpu>
                  <os><type arch='x86_64' machine='pc'>hvm</type></os>
                  <devices>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2'/><source file='%s'/><target dev='vda' bus='virtio'/>
                    </disk>
                    <disk type='file' device='cdrom'><target dev='hdc' bus='ide'/><readonly/></disk>
                    <interface type='user'><mac address='52:54:00:00:00:01'/><model type='virtio'/></interface>
                  </devices>
                </domain>""".formatted(Files.exists(Path.of("/dev/kvm")) ? "kvm" : "qemu", name,
                org.bulwark.node.kvm.xml.DomainXml.TAGS_NAMESPACE, tagXml, disk);
        try {
            hypervisor.connection().domainDefineXML(xml);
        } catch (LibvirtException e) {
            throw new IllegalStateException("cannot define test machine: " + e.getMessage(), e);
        }
        adopt(name);
        return name;
    }

    /** A fresh machine as {@link #defineVm}, started. */
    public String startVm(String... tags) throws IOException {
        String name = defineVm(tags);
        start(name);
        return name;
    }

    /** Removes machine {@code name} after the test (or, made in {@code @BeforeAll}, after the class), like the ones this lab made. */
    public void adopt(String name) {
        (inTest ? machines : classMachines).add(name);
    }

    /** Stops and undefines {@code names} with their snapshot and checkpoint metadata; gone ones are skipped. */
    private void remove(List<String> names) {
        for (String name : names) {
            try {
                Domain domain = hypervisor.connection().domainLookupByName(name);
                if (domain.isActive() == 1) {
                    domain.destroy();
                }
                domain.undefine(UNDEFINE_ALL_METADATA);
            } catch (LibvirtException e) {
                // already gone
            }
        }
        names.clear();
    }

    public Path disk(String vm) {
        return folder.resolve(vm + ".qcow2");
    }

    public void start(String vm) {
        try {
            hypervisor.domain(vm).create();
        } catch (LibvirtException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public void stop(String vm) {
        try {
            hypervisor.domain(vm).destroy();
        } catch (LibvirtException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Writes {@code length} bytes of {@code pattern} at {@code offset} into a stopped machine's disk. */
    public void writePattern(String vm, int pattern, long offset, long length) throws IOException {
        run("qemu-io", "-f", "qcow2", "-c", "write -P " + pattern + " " + offset + " " + length, disk(vm).toString());
    }

    /** SHA-256 of the guest-visible bytes of {@code image}, via {@code qemu-img convert -O raw} (sharing locks). */
    public String rawSha256(Path image) throws IOException {
        Path raw = folder.resolve(image.getFileName() + "." + System.nanoTime() + ".raw");
        try {
            run("qemu-img", "convert", "-U", "-O", "raw", image.toString(), raw.toString());
            try (InputStream in = Files.newInputStream(raw)) {
                return sha256(in);
            }
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    /**
     * Copies the extents of an export into {@code image}, the raw bytes of the whole disk, as a
     * restore lays a full (onto zeros) or an incremental (onto its parent) down.
     */
    public static byte[] apply(DiskExport disk, byte[] image) throws IOException {
        for (Extent extent : disk.extents()) {
            try (InputStream in = disk.source().open(extent)) {
                in.readNBytes(image, Math.toIntExact(extent.offset()), Math.toIntExact(extent.length()));
            }
        }
        return image;
    }

    public static String sha256(byte[] bytes) throws IOException {
        return sha256(new ByteArrayInputStream(bytes));
    }

    public static String sha256(InputStream in) throws IOException {
        try {
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

    /** Runs a host tool and returns its output; a failure fails the test with the tool's message. */
    public static String run(String... args) throws IOException {
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertEquals(0, process.waitFor(), String.join(" ", args) + ": " + output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return output;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
