package org.bulwark.node.kvm;

/** libvirtd cannot be reached at the configured URI (not running, wrong socket, lost connection). */
public final class HypervisorUnavailableException extends HypervisorException {
    public HypervisorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
