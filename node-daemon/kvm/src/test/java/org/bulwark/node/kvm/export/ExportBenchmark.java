package org.bulwark.node.kvm.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.bulwark.node.kvm.KvmLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.libvirt.Domain;

/**
 * Pull mode (this library) against push mode (libvirt writes a qcow2 copy to scratch) on a running
 * machine with a 1 GiB disk, half of it random data. A benchmark, not a test: it prints figures and
 * asserts nothing about time. Run:
 * {@code ./mvnw -B test -pl node-daemon/kvm -Dtest=ExportBenchmark -Dbulwark.benchmark=true}
 */
@EnabledIfSystemProperty(named = "bulwark.benchmark", matches = "true")
class ExportBenchmark {
    @RegisterExtension
    static final KvmLab LAB = new KvmLab();
    private static final long GIB = 1L << 30;
    private static final int MIB = 1 << 20;

    @Test
    void pullVersusPush() throws Exception {
        String vm = LAB.defineVm();
        Path raw = LAB.folder().resolve("bench.raw");
        Random random = new Random(1);
        byte[] block = new byte[MIB];
        try (FileChannel file = FileChannel.open(raw, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long offset = 0; offset < GIB; offset += 2 * MIB) {
                random.nextBytes(block);
                file.write(ByteBuffer.wrap(block), offset);
            }
        }
        Files.delete(LAB.disk(vm));
        KvmLab.run("qemu-img", "convert", "-f", "raw", "-O", "qcow2", raw.toString(), LAB.disk(vm).toString());
        Files.delete(raw);
        LAB.start(vm);
        Exporter exporter = new Exporter(LAB.hypervisor(), LAB.folder().resolve("scratch"));

        long start = System.nanoTime();
        long bytes = readAll(exporter, vm);
        double pull = (System.nanoTime() - start) / 1e9;
        System.out.printf("pull mode (running, TCG guest): %d MiB of data read in %.2f s (%.0f MiB/s), nothing staged%n",
                bytes / MIB, pull, bytes / MIB / pull);

        Path target = LAB.folder().resolve("push.qcow2");
        Domain domain = LAB.hypervisor().domain(vm);
        start = System.nanoTime();
        domain.backupBegin("<domainbackup mode='push'><disks><disk name='vda' backup='yes' type='file'><target file='"
                + target + "'/><driver type='qcow2'/></disk></disks></domainbackup>", null, 0);
        while (domain.getJobInfo().getType() != 0) {
            Thread.sleep(20);
        }
        double push = (System.nanoTime() - start) / 1e9;
        System.out.printf("push mode: copy of %d MiB staged in %.2f s before anything can be read from it%n",
                Files.size(target) / MIB, push);

        LAB.stop(vm);
        start = System.nanoTime();
        bytes = readAll(exporter, vm);
        double offline = (System.nanoTime() - start) / 1e9;
        System.out.printf("offline (qemu-nbd): %d MiB of data read in %.2f s (%.0f MiB/s)%n",
                bytes / MIB, offline, bytes / MIB / offline);
    }

    /** Reads every extent of a full export through the library, as Store will; returns the bytes read. */
    private static long readAll(Exporter exporter, String vm) throws Exception {
        long bytes = 0;
        try (Export export = exporter.begin(ExportRequest.full(vm))) {
            DiskExport disk = export.disks().getFirst();
            ByteBuffer buffer = ByteBuffer.allocateDirect(4 * MIB);
            for (Extent extent : disk.extents()) {
                for (long at = extent.offset(); at < extent.end(); at += buffer.capacity()) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), extent.end() - at));
                    disk.source().read(at, buffer);
                    bytes += buffer.limit();
                }
            }
        }
        return bytes;
    }
}
