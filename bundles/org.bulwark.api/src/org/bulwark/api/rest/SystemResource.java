package org.bulwark.api.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bulwark.api.Health;
import org.bulwark.api.Role;
import org.bulwark.api.ServerInfo;

/** Health and versions of the server. */
@Path("/system")
@Produces(MediaType.APPLICATION_JSON)
public interface SystemResource {

    /** Liveness for load balancers and monitoring; needs no session. */
    @GET
    @Path("/health")
    @PermitAll
    Health health();

    /** Product, versions and start time. */
    @GET
    @Path("/info")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    ServerInfo info();
}
