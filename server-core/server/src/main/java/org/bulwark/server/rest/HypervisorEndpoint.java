package org.bulwark.server.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.Hypervisor;
import org.bulwark.api.HypervisorRequest;
import org.bulwark.api.Task;
import org.bulwark.api.rest.HypervisorResource;
import org.bulwark.server.inventory.InventoryService;
import org.bulwark.server.workflow.Workflows;

/** {@link HypervisorResource} over {@link InventoryService} and {@link Workflows}. */
public final class HypervisorEndpoint implements HypervisorResource {
    private final InventoryService inventory;
    private final Workflows workflows;
    @Context
    private SecurityContext security;

    HypervisorEndpoint(InventoryService inventory, Workflows workflows) {
        this.inventory = inventory;
        this.workflows = workflows;
    }

    @Override
    public List<Hypervisor> list() {
        return inventory.hypervisors();
    }

    @Override
    public Hypervisor add(HypervisorRequest request) {
        return inventory.add(CallerPrincipal.of(security), request);
    }

    @Override
    public void remove(UUID id) {
        inventory.remove(CallerPrincipal.of(security), id);
    }

    @Override
    public Task sync(UUID id) {
        return workflows.sync(CallerPrincipal.of(security), id);
    }
}
