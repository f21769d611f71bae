package org.bulwark.node.vm;

import java.nio.file.Path;

/**
 * What the KVM tasks take from the node's settings.
 *
 * @param libvirtUri the hypervisor a task talks to unless its {@code uri} parameter names another
 * @param scratchDir where exports make their scratch folders (NBD sockets: keep the path short)
 */
public record VmSettings(String libvirtUri, Path scratchDir) {
}
