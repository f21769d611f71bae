package org.bulwark.api.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.Policy;
import org.bulwark.api.PolicyRequest;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.Role;
import org.bulwark.api.Task;

/** Policies: which VMs, where, when (schedules) and for how long (retention). */
@Path("/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PolicyResource {

    @GET
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    List<Policy> list();

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    Policy get(@PathParam("id") UUID id);

    /** Creates a policy; 400 names the wrong field (a wrong schedule expression says what is wrong in it). */
    @POST
    @RolesAllowed(Role.ADMIN)
    Policy create(PolicyRequest request);

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN)
    Policy update(@PathParam("id") UUID id, PolicyRequest request);

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN)
    void delete(@PathParam("id") UUID id);

    /** Backs up every VM of the policy now: one BACKUP task per VM. */
    @POST
    @Path("/{id}/run")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    List<Task> run(@PathParam("id") UUID id);

    /** Applies the retention now: the restore points it expires, which are no longer listed. */
    @POST
    @Path("/{id}/retention")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    List<RestorePoint> applyRetention(@PathParam("id") UUID id);

    /** The next {@code count} (1–100) run times of a schedule expression; 400 with the reason for a wrong one. */
    @GET
    @Path("/schedule-preview")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    List<Instant> schedulePreview(@QueryParam("expression") String expression,
                                  @QueryParam("count") @DefaultValue("5") int count);
}
