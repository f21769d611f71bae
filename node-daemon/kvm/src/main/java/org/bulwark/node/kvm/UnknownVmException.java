package org.bulwark.node.kvm;

/** No virtual machine of that name is defined on the hypervisor. */
public final class UnknownVmException extends HypervisorException {
    public UnknownVmException(String message, Throwable cause) {
        super(message, cause);
    }
}
