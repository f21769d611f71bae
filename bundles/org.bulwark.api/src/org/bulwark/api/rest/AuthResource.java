package org.bulwark.api.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bulwark.api.LoginRequest;
import org.bulwark.api.Role;
import org.bulwark.api.Session;

/** Sessions: log in with a password, get a token that expires. */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AuthResource {

    /** Opens a session; wrong credentials answer 401 {@code INVALID_CREDENTIALS}. */
    @POST
    @Path("/login")
    @PermitAll
    Session login(LoginRequest request);

    /** Ends the caller's session; its token is refused from then on. */
    @POST
    @Path("/logout")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    void logout();

    /** The caller's own session (user, role, expiry). */
    @GET
    @Path("/session")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    Session session();
}
