package org.bulwark.api.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.Hypervisor;
import org.bulwark.api.HypervisorRequest;
import org.bulwark.api.Role;
import org.bulwark.api.Task;

/** Hypervisor managers (libvirt URIs reached through nodes) and the sync of their inventory. */
@Path("/hypervisors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface HypervisorResource {

    @GET
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    List<Hypervisor> list();

    /** Adds a hypervisor; 404 for an unknown node, 409 for a name in use. */
    @POST
    @RolesAllowed(Role.ADMIN)
    Hypervisor add(HypervisorRequest request);

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN)
    void remove(@PathParam("id") UUID id);

    /** Queues an INVENTORY task; the VM list follows its result. */
    @POST
    @Path("/{id}/sync")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    Task sync(@PathParam("id") UUID id);
}
