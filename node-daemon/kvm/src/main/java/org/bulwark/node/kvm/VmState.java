package org.bulwark.node.kvm;

import org.libvirt.DomainInfo.DomainState;

/** The run state of a virtual machine, as libvirt reports it. */
public enum VmState {
    RUNNING, BLOCKED, PAUSED, SHUTTING_DOWN, SHUT_OFF, CRASHED, SUSPENDED, UNKNOWN;

    /** Whether a QEMU process exists for the machine (its disks are held open by it). */
    public boolean isActive() {
        return this != SHUT_OFF && this != CRASHED && this != UNKNOWN;
    }

    static VmState of(DomainState state) {
        return switch (state) {
            case VIR_DOMAIN_RUNNING -> RUNNING;
            case VIR_DOMAIN_BLOCKED -> BLOCKED;
            case VIR_DOMAIN_PAUSED -> PAUSED;
            case VIR_DOMAIN_SHUTDOWN -> SHUTTING_DOWN;
            case VIR_DOMAIN_SHUTOFF -> SHUT_OFF;
            case VIR_DOMAIN_CRASHED -> CRASHED;
            case VIR_DOMAIN_PMSUSPENDED -> SUSPENDED;
            case VIR_DOMAIN_NOSTATE -> UNKNOWN;
        };
    }
}
