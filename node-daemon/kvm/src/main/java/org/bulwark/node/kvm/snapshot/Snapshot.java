package org.bulwark.node.kvm.snapshot;

import java.time.Instant;
import java.util.Optional;

/**
 * A persisted libvirt snapshot of a virtual machine.
 *
 * @param state  the machine's state when the snapshot was taken ({@code running}, {@code shutoff}, ...);
 *               a {@code running} snapshot holds the memory too and reverts to a running machine
 * @param parent the snapshot this one was taken on top of
 */
public record Snapshot(String name, String description, Instant created, String state, Optional<String> parent) {
}
