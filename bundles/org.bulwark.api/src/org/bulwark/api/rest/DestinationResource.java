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
import org.bulwark.api.Destination;
import org.bulwark.api.DestinationRequest;
import org.bulwark.api.Role;

/** Backup destinations: named repository folders on nodes, with their usage. */
@Path("/destinations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DestinationResource {

    /** Every destination by name, with restore points, logical and stored bytes and the policies that use it. */
    @GET
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    List<Destination> list();

    /**
     * Registers a destination: 400 for a missing name or a relative folder, 404 for a node that is
     * not enrolled, 409 for a name or a node folder that is registered already.
     */
    @POST
    @RolesAllowed(Role.ADMIN)
    Destination add(DestinationRequest request);

    /** Forgets a destination (its data stays on the node); 409 while a policy backs up into it. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN)
    void remove(@PathParam("id") UUID id);
}
