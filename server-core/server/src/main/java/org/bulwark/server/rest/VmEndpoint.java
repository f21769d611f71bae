package org.bulwark.server.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.BackupRequest;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.SnapshotRequest;
import org.bulwark.api.Task;
import org.bulwark.api.Vm;
import org.bulwark.api.rest.VmResource;
import org.bulwark.server.inventory.InventoryService;
import org.bulwark.server.restorepoint.RestorePointService;
import org.bulwark.server.workflow.Workflows;

/** {@link VmResource} over the inventory, the workflows and the restore points. */
public final class VmEndpoint implements VmResource {
    private final InventoryService inventory;
    private final Workflows workflows;
    private final RestorePointService restorePoints;
    @Context
    private SecurityContext security;

    VmEndpoint(InventoryService inventory, Workflows workflows, RestorePointService restorePoints) {
        this.inventory = inventory;
        this.workflows = workflows;
        this.restorePoints = restorePoints;
    }

    @Override
    public List<Vm> list() {
        return inventory.vms();
    }

    @Override
    public Vm get(UUID id) {
        return inventory.vm(id);
    }

    @Override
    public Task backup(UUID id, BackupRequest request) {
        return workflows.backup(CallerPrincipal.of(security), id, request);
    }

    @Override
    public Task snapshot(UUID id, SnapshotRequest request) {
        return workflows.snapshot(CallerPrincipal.of(security), id, request);
    }

    @Override
    public List<RestorePoint> restorePoints(UUID id) {
        inventory.vm(id);
        return restorePoints.ofVm(id);
    }
}
