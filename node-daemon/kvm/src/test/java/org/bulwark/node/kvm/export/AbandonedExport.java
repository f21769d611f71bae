package org.bulwark.node.kvm.export;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bulwark.node.kvm.Hypervisor;

/**
 * A node that dies mid-export, for {@link ExportRecoveryTest}: run in a child JVM with arguments
 * {@code uri vm scratchRoot hostFolder [since]}, it begins an export, reads the first block, prints
 * {@code begun <checkpoint>} and then waits on standard input until the test kills it.
 */
public final class AbandonedExport {
    private AbandonedExport() {
    }

    public static void main(String[] args) throws Exception {
        Hypervisor hypervisor = Hypervisor.connect(args[0]);
        Exporter exporter = new Exporter(hypervisor, Path.of(args[2]), Path.of(args[3]));
        ExportRequest request = args.length > 4 ? ExportRequest.incremental(args[1], args[4]) : ExportRequest.full(args[1]);
        Export export = exporter.begin(request);
        export.disks().getFirst().source().read(0, ByteBuffer.allocate(4096));
        System.out.println("begun " + export.checkpoint().orElseThrow());
        System.out.flush();
        System.in.read();
    }
}
