package org.bulwark.api;

/** A disk of a virtual machine: guest device, image path on the hypervisor host, format and virtual size in bytes. */
public record VmDisk(String target, String path, String format, long virtualSize) {
}
