package org.bulwark.node.vm;

import org.bulwark.node.kvm.Hypervisor;
import org.bulwark.node.kvm.HypervisorException;

/** Opens libvirt connections for the tasks; a node without the libvirt client library gets a clear error. */
final class Hypervisors {
    private Hypervisors() {
    }

    static Hypervisor connect(String uri) {
        try {
            return Hypervisor.connect(uri);
        } catch (LinkageError e) {
            throw new HypervisorException("the libvirt client library is not usable on this node (Debian package libvirt0): "
                    + e, e);
        }
    }
}
