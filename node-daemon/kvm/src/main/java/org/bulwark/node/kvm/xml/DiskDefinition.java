package org.bulwark.node.kvm.xml;

/**
 * One {@code <disk>} of a domain definition.
 *
 * @param target the guest device name ({@code vda}), unique within a domain
 * @param device {@code disk}, {@code cdrom}, {@code floppy} or {@code lun}
 * @param type   the source type: {@code file}, {@code block}, {@code network}, {@code volume}
 * @param source the file or device path (the pool/volume or network name for other types), empty if none
 * @param format the driver type ({@code qcow2}, {@code raw}), empty if not declared
 */
public record DiskDefinition(String target, String device, String type, String source, String format) {
    /** Whether this is a hard disk whose contents a backup carries (not removable media). */
    public boolean isHardDisk() {
        return device.equals("disk") || device.equals("lun");
    }

    /** Whether the disk is an image file or block device on this host, readable by path. */
    public boolean isLocal() {
        return (type.equals("file") || type.equals("block")) && !source.isEmpty();
    }
}
