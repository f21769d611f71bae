package org.bulwark.node.kvm;

/** A hypervisor operation failed; the message says what was attempted and libvirt's reason. */
public class HypervisorException extends RuntimeException {
    public HypervisorException(String message) {
        super(message);
    }

    public HypervisorException(String message, Throwable cause) {
        super(message, cause);
    }
}
