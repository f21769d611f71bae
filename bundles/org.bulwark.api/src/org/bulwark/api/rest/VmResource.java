package org.bulwark.api.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.BackupRequest;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.Role;
import org.bulwark.api.SnapshotRequest;
import org.bulwark.api.Task;
import org.bulwark.api.Vm;

/** The virtual machines of the inventory and what can be done to one now. */
@Path("/vms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface VmResource {

    /** Every VM, vanished ones included ({@code present=false}), by name. */
    @GET
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    List<Vm> list();

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    Vm get(@PathParam("id") UUID id);

    /** Queues a BACKUP of the VM; its restore point is recorded when it succeeds. */
    @POST
    @Path("/{id}/backup")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    Task backup(@PathParam("id") UUID id, BackupRequest request);

    /** Queues a SNAPSHOT task (create or revert). */
    @POST
    @Path("/{id}/snapshot")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    Task snapshot(@PathParam("id") UUID id, SnapshotRequest request);

    /** The VM's restore points, newest first. */
    @GET
    @Path("/{id}/restore-points")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    List<RestorePoint> restorePoints(@PathParam("id") UUID id);
}
