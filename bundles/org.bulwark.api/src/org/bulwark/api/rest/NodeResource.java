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
import org.bulwark.api.Node;
import org.bulwark.api.NodeEnrollment;
import org.bulwark.api.Role;

/** Nodes: enrollment, status, removal. */
@Path("/nodes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface NodeResource {

    @GET
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    List<Node> list();

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    Node get(@PathParam("id") UUID id);

    /**
     * Enrolls a node: connects to its SSH endpoint, pins its host key and hands it the
     * server's public key with the one-time token. A wrong token answers 403, an unreachable
     * node 502 {@code NODE_UNREACHABLE}.
     */
    @POST
    @RolesAllowed(Role.ADMIN)
    Node enroll(NodeEnrollment enrollment);

    /** Forgets a node; its channel closes. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN)
    void remove(@PathParam("id") UUID id);
}
