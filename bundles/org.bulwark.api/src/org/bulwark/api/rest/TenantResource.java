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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.M365BackupRequest;
import org.bulwark.api.M365BrowseRequest;
import org.bulwark.api.M365Item;
import org.bulwark.api.M365Policy;
import org.bulwark.api.M365PolicyRequest;
import org.bulwark.api.M365RestorePoint;
import org.bulwark.api.M365RestoreRequest;
import org.bulwark.api.M365Tenant;
import org.bulwark.api.M365TenantRequest;
import org.bulwark.api.M365User;
import org.bulwark.api.Role;
import org.bulwark.api.Task;

/**
 * Microsoft 365 tenants: registration (secret stored encrypted, never returned), discovery, protection
 * policies, restore points, backup, browsing, downloads and restore through their node.
 */
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

    /** The protection policies of a tenant. */
    @GET
    @Path("/{id}/policies")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    List<M365Policy> policies(@PathParam("id") UUID id);

    /** Creates a policy: 400 for a wrong schedule, pattern or path, 409 for a name in use. */
    @POST
    @Path("/{id}/policies")
    @RolesAllowed(Role.ADMIN)
    M365Policy createPolicy(@PathParam("id") UUID id, M365PolicyRequest request);

    @PUT
    @Path("/{id}/policies/{policy}")
    @RolesAllowed(Role.ADMIN)
    M365Policy updatePolicy(@PathParam("id") UUID id, @PathParam("policy") UUID policy, M365PolicyRequest request);

    @DELETE
    @Path("/{id}/policies/{policy}")
    @RolesAllowed(Role.ADMIN)
    void deletePolicy(@PathParam("id") UUID id, @PathParam("policy") UUID policy);

    /** Backs up the users the policy covers now (as its schedules do); 409 for a disabled policy or none covered. */
    @POST
    @Path("/{id}/policies/{policy}/run")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    Task runPolicy(@PathParam("id") UUID id, @PathParam("policy") UUID policy);

    /** The tenant's restore points, newest first (expired ones are not listed). */
    @GET
    @Path("/{id}/restore-points")
    @RolesAllowed({Role.ADMIN, Role.OPS, Role.VIEW})
    List<M365RestorePoint> restorePoints(@PathParam("id") UUID id);

    /** The mailboxes of a restore point's repository. */
    @GET
    @Path("/{id}/restore-points/{point}/mailboxes")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    List<M365Item> mailboxes(@PathParam("id") UUID id, @PathParam("point") long point);

    @GET
    @Path("/{id}/restore-points/{point}/mailboxes/{user}/folders")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    List<M365Item> mailFolders(@PathParam("id") UUID id, @PathParam("point") long point, @PathParam("user") String user);

    /** The messages of a mail folder (subject in {@code name}, {@code sender}, received time in {@code modified}). */
    @GET
    @Path("/{id}/restore-points/{point}/mailboxes/{user}/folders/{folder}/messages")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    List<M365Item> messages(@PathParam("id") UUID id, @PathParam("point") long point, @PathParam("user") String user,
                            @PathParam("folder") String folder);

    /** A message as {@code .eml}: its MIME content, byte for byte. */
    @GET
    @Path("/{id}/restore-points/{point}/mailboxes/{user}/messages/{message}.eml")
    @Produces("message/rfc822")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    InputStream eml(@PathParam("id") UUID id, @PathParam("point") long point, @PathParam("user") String user,
                    @PathParam("message") String message);

    /** The calendars of a user at a restore point. */
    @GET
    @Path("/{id}/restore-points/{point}/mailboxes/{user}/calendars")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    List<M365Item> calendars(@PathParam("id") UUID id, @PathParam("point") long point, @PathParam("user") String user);

    /** The events of a calendar (subject in {@code name}, organizer in {@code sender}, start in {@code modified}). */
    @GET
    @Path("/{id}/restore-points/{point}/mailboxes/{user}/calendars/{calendar}/events")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    List<M365Item> events(@PathParam("id") UUID id, @PathParam("point") long point, @PathParam("user") String user,
                          @PathParam("calendar") String calendar);

    /** One event ({@code event}) or a whole calendar ({@code calendar}) as iCalendar; exactly one of them. */
    @GET
    @Path("/{id}/restore-points/{point}/mailboxes/{user}/calendar.ics")
    @Produces("text/calendar")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    InputStream ics(@PathParam("id") UUID id, @PathParam("point") long point, @PathParam("user") String user,
                    @QueryParam("calendar") String calendar, @QueryParam("event") String event);

    /** The contact folders of a user at a restore point (the default one has id {@code contacts}). */
    @GET
    @Path("/{id}/restore-points/{point}/mailboxes/{user}/contact-folders")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    List<M365Item> contactFolders(@PathParam("id") UUID id, @PathParam("point") long point, @PathParam("user") String user);

    /** The contacts of a contact folder (display name in {@code name}, first e-mail address in {@code sender}). */
    @GET
    @Path("/{id}/restore-points/{point}/mailboxes/{user}/contact-folders/{folder}/contacts")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    List<M365Item> contacts(@PathParam("id") UUID id, @PathParam("point") long point, @PathParam("user") String user,
                            @PathParam("folder") String folder);

    /** One contact ({@code contact}) or a whole contact folder ({@code folder}) as vCards; exactly one of them. */
    @GET
    @Path("/{id}/restore-points/{point}/mailboxes/{user}/contacts.vcf")
    @Produces("text/vcard")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    InputStream vcf(@PathParam("id") UUID id, @PathParam("point") long point, @PathParam("user") String user,
                    @QueryParam("folder") String folder, @QueryParam("contact") String contact);

    /** The OneDrives and document libraries of a restore point's repository. */
    @GET
    @Path("/{id}/restore-points/{point}/drives")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    List<M365Item> drives(@PathParam("id") UUID id, @PathParam("point") long point);

    /** The files and folders in a drive folder ({@code folder} absent: the root). */
    @GET
    @Path("/{id}/restore-points/{point}/drives/{drive}/children")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    List<M365Item> children(@PathParam("id") UUID id, @PathParam("point") long point, @PathParam("drive") String drive,
                            @QueryParam("folder") String folder);

    /** A file's content. */
    @GET
    @Path("/{id}/restore-points/{point}/drives/{drive}/items/{item}/content")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({Role.ADMIN, Role.OPS})
    InputStream file(@PathParam("id") UUID id, @PathParam("point") long point, @PathParam("drive") String drive,
                     @PathParam("item") String item);

    /** A drive folder ({@code folder} absent: the root) and everything under it as a zip. */
    @GET
    @Path("/{id}/restore-points/{point}/drives/{drive}/zip")
    @Produces("application/zip")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    InputStream zip(@PathParam("id") UUID id, @PathParam("point") long point, @PathParam("drive") String drive,
                    @QueryParam("folder") String folder);

    /** Messages, drive items, events and contacts whose subject, sender or name contains {@code text} (case-insensitive). */
    @GET
    @Path("/{id}/restore-points/{point}/search")
    @RolesAllowed({Role.ADMIN, Role.OPS})
    List<M365Item> search(@PathParam("id") UUID id, @PathParam("point") long point, @QueryParam("text") String text);
}
