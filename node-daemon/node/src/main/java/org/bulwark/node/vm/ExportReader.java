package org.bulwark.node.vm;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bulwark.node.kvm.export.DiskExport;
import org.bulwark.node.kvm.export.Extent;
import org.bulwark.repository.ImageSource;

/**
 * Feeds one exported disk to the repository, block by block, straight from the hypervisor. In a
 * full export the ranges outside the data extents are known zeros and are not read; in an
 * incremental the repository asks only for blocks the changed extents touch. Counts the bytes read
 * from the hypervisor, and stops between blocks when the task is cancelled.
 */
final class ExportReader implements ImageSource.Reader {
    private final DiskExport disk;
    private final boolean zeroOutsideExtents;
    private final AtomicLong bytesRead;

    ExportReader(DiskExport disk, boolean zeroOutsideExtents, AtomicLong bytesRead) {
        this.disk = disk;
        this.zeroOutsideExtents = zeroOutsideExtents;
        this.bytesRead = bytesRead;
    }

    @Override
    public void read(long offset, ByteBuffer dst) throws IOException {
        if (Thread.interrupted()) {
            throw new InterruptedIOException("cancelled while reading disk " + disk.target());
        }
        int length = dst.remaining();
        if (zeroOutsideExtents && !touchesData(disk.extents(), offset, offset + length)) {
            dst.put(new byte[length]);
            return;
        }
        disk.source().read(offset, dst);
        bytesRead.addAndGet(length);
    }

    private static boolean touchesData(List<Extent> extents, long from, long to) {
        int low = 0;
        int high = extents.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Extent extent = extents.get(middle);
            if (extent.end() <= from) {
                low = middle + 1;
            } else if (extent.offset() >= to) {
                high = middle - 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
