package org.bulwark.api;

import java.util.UUID;

/** Request to add a hypervisor manager: its name, the node that reaches it and its libvirt URI ({@code qemu:///system} when empty). */
public record HypervisorRequest(String name, UUID nodeId, String uri) {
}
