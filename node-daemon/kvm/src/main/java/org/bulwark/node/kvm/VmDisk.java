package org.bulwark.node.kvm;

/**
 * A hard disk of a virtual machine.
 *
 * @param target      the guest device name ({@code vda})
 * @param path        the image file or block device on the host (a pool/volume or network name otherwise)
 * @param format      the image format ({@code qcow2}, {@code raw})
 * @param virtualSize the size the guest sees, in bytes
 */
public record VmDisk(String target, String path, String format, long virtualSize) {
}
