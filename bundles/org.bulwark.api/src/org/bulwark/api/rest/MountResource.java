package org.bulwark.api.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.Mount;
import org.bulwark.api.MountEntry;
import org.bulwark.api.MountRequest;
import org.bulwark.api.Role;
import org.bulwark.api.Task;

/**
 * File-level restore: restore points mounted on their node, browsed and downloaded through the server.
 * Paths are absolute guest paths inside a partition ({@code /etc/hosts}); {@code ..} is refused.
 */
@Path("/mounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface MountResource {

    /** Queues a MOUNT on the node of the restore point; the mount appears in {@link #list()} once it succeeded. */
    @POST
    @RolesAllowed({Role.ADMIN, Role.OPS})
    Task mount(MountRequest request);

    /** The open mounts. */
    @GET
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    List<Mount> list();

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    Mount get(@PathParam("id") UUID id);

    /** Queues an UNMOUNT; the mount is gone from {@link #list()} once it succeeded. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    Task unmount(@PathParam("id") UUID id);

    /** Entries of the folder {@code path} (default {@code /}) of partition {@code n}. */
    @GET
    @Path("/{id}/partitions/{n}/list")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    List<MountEntry> list(@PathParam("id") UUID id, @PathParam("n") int partition, @QueryParam("path") String path);

    /**
     * Entries below the folder {@code under} (default {@code /}) whose name contains {@code namePart},
     * ignoring case; at most {@code limit} (default and cap 1000).
     */
    @GET
    @Path("/{id}/partitions/{n}/search")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    List<MountEntry> search(@PathParam("id") UUID id, @PathParam("n") int partition, @QueryParam("path") String under,
                            @QueryParam("name") String namePart, @QueryParam("limit") int limit);

    /** A regular file's bytes, streamed from the node; the caller closes the stream. */
    @GET
    @Path("/{id}/partitions/{n}/file")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    InputStream file(@PathParam("id") UUID id, @PathParam("n") int partition, @QueryParam("path") String path);

    /** A folder as a zip (regular files and folders; links left out), streamed from the node; the caller closes it. */
    @GET
    @Path("/{id}/partitions/{n}/zip")
    @Produces("application/zip")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    InputStream zip(@PathParam("id") UUID id, @PathParam("n") int partition, @QueryParam("path") String path);
}
