package org.bulwark.api;

/**
 * A hypervisor snapshot of a VM: {@code create} (named after {@code label}, keeping the newest
 * {@code keep} of that label when {@code keep > 0}) or {@code revert} to {@code snapshot}.
 */
public record SnapshotRequest(String action, String label, int keep, String snapshot) {
}
