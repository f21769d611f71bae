package org.bulwark.node.kvm.export;

import java.util.List;

/**
 * One disk of an export.
 *
 * @param target  the guest device name ({@code vda}), the key the saved domain XML uses
 * @param format  the image format on the hypervisor ({@code qcow2}, {@code raw})
 * @param size    the virtual size in bytes
 * @param extents for a full export the ranges holding data (the rest reads as zeros); for an
 *                incremental the ranges changed since the checkpoint; ascending, non-overlapping
 * @param source  the disk's bytes, readable while the export is open
 */
public record DiskExport(String target, String format, long size, List<Extent> extents, DiskSource source) {
    public DiskExport {
        extents = List.copyOf(extents);
    }

    /** The number of bytes the extents cover. */
    public long extentBytes() {
        return extents.stream().mapToLong(Extent::length).sum();
    }
}
