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
import org.bulwark.api.M365BackupRequest;
import org.bulwark.api.M365BrowseRequest;
import org.bulwark.api.M365RestoreRequest;
import org.bulwark.api.M365Tenant;
import org.bulwark.api.M365TenantRequest;
import org.bulwark.api.M365User;
import org.bulwark.api.Role;
import org.bulwark.api.Task;

/** Microsoft 365 tenants: registration (secret stored encrypted, never returned), discovery, backup and restore through their node. */
@Path("/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TenantResource {

    @GET
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    List<M365Tenant> list();

    /** Registers a tenant; 400 for a missing field, 404 for an unknown node, 409 for a tenant id registered already. */
    @POST
    @RolesAllowed(Role.ADMIN)
    M365Tenant register(M365TenantRequest request);

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN)
    void remove(@PathParam("id") UUID id);

    /** Queues an M365_DISCOVER task on the tenant's node. */
    @POST
    @Path("/{id}/discover")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    Task discover(@PathParam("id") UUID id);

    /** The users found by the last discovery that succeeded; 409 while none has. */
    @GET
    @Path("/{id}/users")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    List<M365User> users(@PathParam("id") UUID id);

    /** Queues an M365_BACKUP task on the tenant's node. */
    @POST
    @Path("/{id}/backup")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    Task backup(@PathParam("id") UUID id, M365BackupRequest request);

    /** Queues an M365_BROWSE task; its result is {@code {"restorePoint": R, "entries": [...]}}. */
    @POST
    @Path("/{id}/browse")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    Task browse(@PathParam("id") UUID id, M365BrowseRequest request);

    /** Queues an M365_RESTORE task on the tenant's node. */
    @POST
    @Path("/{id}/restore")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    Task restore(@PathParam("id") UUID id, M365RestoreRequest request);
}
