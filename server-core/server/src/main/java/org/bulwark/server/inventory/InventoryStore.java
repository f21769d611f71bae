package org.bulwark.server.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bulwark.api.Hypervisor;
import org.bulwark.api.Vm;

/** Where hypervisors and their VMs are kept (a port; the JPA adapter implements it). */
public interface InventoryStore {

    List<Hypervisor> hypervisors();

    Optional<Hypervisor> hypervisor(UUID id);

    /** {@code false} when the name is taken. */
    boolean insert(Hypervisor hypervisor);

    /** Removes a hypervisor and its VMs; {@code false} if there was none. */
    boolean delete(UUID id);

    void recordSync(UUID hypervisorId, Instant at, String message);

    /** Every VM, by name. */
    List<Vm> vms();

    List<Vm> vmsOf(UUID hypervisorId);

    Optional<Vm> vm(UUID id);

    /** Inserts or replaces a VM (by id). */
    void save(Vm vm);
}
