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
import org.bulwark.api.Role;
import org.bulwark.api.Task;
import org.bulwark.api.TaskLogEntry;
import org.bulwark.api.TaskRequest;

/** The task queue: what runs where, with state, progress and log. */
@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TaskResource {

    /** Tasks, newest first. */
    @GET
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    List<Task> list();

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    Task get(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/log")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    List<TaskLogEntry> log(@PathParam("id") UUID id);

    /** Queues a task; the server picks an online node unless the request names one. */
    @POST
    @RolesAllowed({Role.ADMIN, Role.OPS})
    Task submit(TaskRequest request);

    /** Asks the node to stop the task; a task that already ended answers 409. */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    Task cancel(@PathParam("id") UUID id);

    /**
     * Queues a failed or cancelled task again with the same request (type, node, parameters) as a
     * new task, which takes the old one's place in its workflow; any other state answers 409.
     */
    @POST
    @Path("/{id}/retry")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    Task retry(@PathParam("id") UUID id);
}
