package org.bulwark.api.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bulwark.api.NewUser;
import org.bulwark.api.PasswordChange;
import org.bulwark.api.Role;
import org.bulwark.api.User;

/** Users and their roles; administrators only, except changing one's own password. */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface UserResource {

    @GET
    @RolesAllowed(Role.ADMIN)
    List<User> list();

    /** Creates a user; an existing name answers 409 {@code CONFLICT}, a weak password 400. */
    @POST
    @RolesAllowed(Role.ADMIN)
    User create(NewUser user);

    @DELETE
    @Path("/{username}")
    @RolesAllowed(Role.ADMIN)
    void delete(@PathParam("username") String username);

    /**
     * Changes a password: users change their own (giving the current one), administrators
     * reset anyone's. All sessions of that user end.
     */
    @PUT
    @Path("/{username}/password")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    void changePassword(@PathParam("username") String username, PasswordChange change);
}
