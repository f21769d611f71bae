package org.bulwark.node.m365.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.graph.models.Calendar;
import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.FileAttachment;
import com.microsoft.graph.models.Folder;
import com.microsoft.graph.models.MailFolder;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import org.bulwark.node.m365.metadata.ItemVersion;
import org.bulwark.node.m365.metadata.ItemVersion.Kinds;
import org.bulwark.node.m365.tenant.GraphConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Restores from a tenant's backups into a mailbox, calendar, contacts or drive (the original one or
 * another user's) through the Graph SDK, always into a new "Restored &lt;date&gt;" folder or calendar:
 * messages are created from their MIME content, files uploaded with their bytes, events and contacts
 * from their Graph JSON. Nothing existing is overwritten: a
 * name taken already gets a " (n)" suffix (Graph's {@code conflictBehavior=fail} refuses the
 * rest).
 */
public final class TenantRestore {

    private static final Logger LOG = LoggerFactory.getLogger(TenantRestore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HashMap<String, ParsableFactory<? extends Parsable>> ERRORS =
            new HashMap<>(Map.of("XXX", ODataError::createFromDiscriminatorValue));

    /** What a restore created. */
    public record Result(String folderId, String folderName, List<String> createdIds) {
        public Result {
            createdIds = List.copyOf(createdIds);
        }
    }

    private final GraphServiceClient graph;
    private final TenantBrowser browser;

    public TenantRestore(GraphConnection connection, TenantBrowser browser) {
        this.graph = connection.graph();
        this.browser = browser;
    }

    /**
     * Restores messages of a mailbox at a restore point into a new "Restored &lt;date&gt;" folder of
     * the target mailbox (the source user or another).
     */
    public Result restoreMessages(long point, String sourceUser, List<String> messageIds, String targetUser) throws IOException {
        List<ItemVersion> messages = new ArrayList<>();
        for (String id : messageIds) {
            messages.add(browser.message(point, sourceUser, id));
        }
        var folders = graph.users().byUserId(targetUser).mailFolders();
        MailFolder folder = withFreeName(Names.restoredFolder(Instant.now()), name -> {
            MailFolder f = new MailFolder();
            f.setDisplayName(name);
            return folders.post(f);
        });
        List<String> created = new ArrayList<>();
        var target = folders.byMailFolderId(folder.getId()).messages();
        for (ItemVersion m : messages) {
            byte[] mime;
            try (InputStream in = browser.content(m)) {
                mime = in.readAllBytes();
            }
            RequestInformation req = target.toPostRequestInformation(new Message());
            req.headers.remove("Content-Type");
            req.setStreamContent(new ByteArrayInputStream(Base64.getEncoder().encode(mime)), "text/plain");
            Message made = graph.getRequestAdapter().send(req, ERRORS, Message::createFromDiscriminatorValue);
            created.add(made.getId());
        }
        LOG.info("restored {} messages of {} into folder '{}' of {}", created.size(), sourceUser, folder.getDisplayName(), targetUser);
        return new Result(folder.getId(), folder.getDisplayName(), created);
    }

    /**
     * Restores events of a user's calendars at a restore point into a new "Restored &lt;date&gt;"
     * calendar of the target user (the source user or another), with their file attachments.
     * Attendees are left out, so that the restore sends no invitations; the exported {@code .ics}
     * keeps them.
     */
    public Result restoreEvents(long point, String sourceUser, List<String> eventIds, String targetUser) throws IOException {
        List<ItemVersion> events = new ArrayList<>();
        for (String id : eventIds) {
            events.add(browser.event(point, sourceUser, id));
        }
        var calendars = graph.users().byUserId(targetUser).calendars();
        Calendar calendar = withFreeName(Names.restoredFolder(Instant.now()), name -> {
            Calendar c = new Calendar();
            c.setName(name);
            return calendars.post(c);
        });
        var target = calendars.byCalendarId(calendar.getId()).events();
        List<String> created = new ArrayList<>();
        for (ItemVersion v : events) {
            JsonNode json = browser.document(v);
            String id = create(json, Set.of("attendees", Kinds.EVENT_ATTACHMENTS), () -> target.toPostRequestInformation(new Event()),
                    Event::createFromDiscriminatorValue, Event::getId);
            JsonNode described = json.path(Kinds.EVENT_ATTACHMENTS);
            for (int i = 0; i < described.size(); i++) {
                FileAttachment a = new FileAttachment();
                a.setName(described.get(i).path("name").asText());
                a.setContentType(described.get(i).path("contentType").asText());
                a.setIsInline(described.get(i).path("isInline").asBoolean());
                try (InputStream in = browser.attachment(v, i)) {
                    a.setContentBytes(in.readAllBytes());
                }
                target.byEventId(id).attachments().post(a);
            }
            created.add(id);
        }
        LOG.info("restored {} events of {} into calendar '{}' of {}", created.size(), sourceUser, calendar.getName(), targetUser);
        return new Result(calendar.getId(), calendar.getName(), created);
    }

    /**
     * Restores contacts of a user at a restore point into a new "Restored &lt;date&gt;" contact folder
     * of the target user (the source user or another).
     */
    public Result restoreContacts(long point, String sourceUser, List<String> contactIds, String targetUser) throws IOException {
        List<ItemVersion> contacts = new ArrayList<>();
        for (String id : contactIds) {
            contacts.add(browser.contact(point, sourceUser, id));
        }
        var folders = graph.users().byUserId(targetUser).contactFolders();
        ContactFolder folder = withFreeName(Names.restoredFolder(Instant.now()), name -> {
            ContactFolder f = new ContactFolder();
            f.setDisplayName(name);
            return folders.post(f);
        });
        var target = folders.byContactFolderId(folder.getId()).contacts();
        List<String> created = new ArrayList<>();
        for (ItemVersion v : contacts) {
            created.add(create(browser.document(v), Set.of(), () -> target.toPostRequestInformation(new Contact()),
                    Contact::createFromDiscriminatorValue, Contact::getId));
        }
        LOG.info("restored {} contacts of {} into folder '{}' of {}", created.size(), sourceUser, folder.getDisplayName(), targetUser);
        return new Result(folder.getId(), folder.getDisplayName(), created);
    }

    /** Properties Graph sets itself and refuses on create. */
    private static final Set<String> READ_ONLY = Set.of("id", "@odata.etag", "@odata.context", "changeKey", "createdDateTime",
            "lastModifiedDateTime", "parentFolderId", "iCalUId", "uid", "webLink", "onlineMeeting", "seriesMasterId", "type",
            "originalStart", "originalStartTimeZone", "originalEndTimeZone", "isOrganizer", "hasAttachments", "responseStatus",
            "bodyPreview", "calendar", "instances", "exceptionOccurrences", "cancelledOccurrences", "occurrenceId", "organizer");

    /** Creates an item from its stored Graph JSON, without the read-only properties and those {@code left} out; returns its id. */
    private <T extends Parsable> String create(JsonNode stored, Set<String> left, Supplier<RequestInformation> request,
                                               ParsableFactory<T> type, Function<T, String> id) throws IOException {
        ObjectNode json = ((ObjectNode) stored).deepCopy();
        json.remove(READ_ONLY);
        json.remove(left);
        RequestInformation req = request.get();
        req.headers.remove("Content-Type");
        req.setStreamContent(new ByteArrayInputStream(JSON.writeValueAsBytes(json)), "application/json");
        return id.apply(graph.getRequestAdapter().send(req, ERRORS, type));
    }

    /**
     * Restores files and folders (recursively) of a drive at a restore point into a new
     * "Restored &lt;date&gt;" folder at the root of the target drive.
     */
    public Result restoreDriveItems(long point, String sourceDrive, List<String> itemIds, String targetDrive) throws IOException {
        List<ItemVersion> items = new ArrayList<>();
        for (String id : itemIds) {
            items.add(browser.driveItem(point, sourceDrive, id));
        }
        DriveItem folder = createFolder(targetDrive, "root", Names.restoredFolder(Instant.now()));
        List<String> created = new ArrayList<>();
        for (ItemVersion v : items) {
            restoreItem(point, sourceDrive, v, targetDrive, folder.getId(), created);
        }
        LOG.info("restored {} drive items of {} into folder '{}' of drive {}", created.size(), sourceDrive, folder.getName(), targetDrive);
        return new Result(folder.getId(), folder.getName(), created);
    }

    private void restoreItem(long point, String sourceDrive, ItemVersion v, String targetDrive, String parentId,
                             List<String> created) throws IOException {
        if (v.kind().equals(Kinds.DRIVE_FOLDER)) {
            DriveItem f = createFolder(targetDrive, parentId, SafeNames.component(v.name()));
            created.add(f.getId());
            for (ItemVersion c : browser.children(point, sourceDrive, v.id())) {
                restoreItem(point, sourceDrive, c, targetDrive, f.getId(), created);
            }
            return;
        }
        byte[] bytes;
        try (InputStream in = browser.content(v)) {
            bytes = in.readAllBytes();
        }
        DriveItem up = withFreeName(SafeNames.component(v.name()), name -> {
            String url = graph.getRequestAdapter().getBaseUrl() + "/drives/" + enc(targetDrive) + "/items/" + enc(parentId)
                    + ":/" + enc(name) + ":/content?@microsoft.graph.conflictBehavior=fail";
            return graph.drives().byDriveId(targetDrive).items().byDriveItemId(parentId).content().withUrl(url)
                    .put(new ByteArrayInputStream(bytes));
        });
        created.add(up.getId());
    }

    private DriveItem createFolder(String drive, String parentId, String name) throws IOException {
        var children = graph.drives().byDriveId(drive).items().byDriveItemId(parentId).children();
        return withFreeName(name, n -> {
            DriveItem f = new DriveItem();
            f.setName(n);
            f.setFolder(new Folder());
            f.setAdditionalData(new HashMap<>(Map.of("@microsoft.graph.conflictBehavior", "fail")));
            return children.post(f);
        });
    }

    /** Creates under a name, and under "name (2)", "name (3)"... while Graph answers 409 Conflict. */
    private static <T> T withFreeName(String name, Function<String, T> create) throws IOException {
        for (int n = 1; n <= 100; n++) {
            try {
                return create.apply(n == 1 ? name : Names.numbered(name, n));
            } catch (ApiException e) {
                if (e.getResponseStatusCode() != 409) {
                    throw e;
                }
            }
        }
        throw new IOException("no free name like '" + name + "' after 100 tries");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
