package org.bulwark.api;

/** A virtual machine as a node's hypervisor reports it. */
public record VirtualMachine(String uuid, String name, String state, int vcpus, long memoryKiB) {
}
