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
import org.bulwark.api.RestorePoint;
import org.bulwark.api.RestoreRequest;
import org.bulwark.api.Role;
import org.bulwark.api.Task;

/** Restore points and restores from them. */
@Path("/restore-points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RestorePointResource {

    /** Every restore point not expired by retention, newest first. */
    @GET
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    List<RestorePoint> list();

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    RestorePoint get(@PathParam("id") String id);

    /**
     * Queues a RESTORE into a folder on the node that made the backup (or another one serving the
     * same hypervisor); with {@code importVm} an IMPORT follows once the RESTORE succeeded.
     */
    @POST
    @Path("/{id}/restore")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    Task restore(@PathParam("id") String id, RestoreRequest request);
}
