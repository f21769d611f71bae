package org.bulwark.node.m365.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bulwark.node.m365.metadata.ItemVersion;
import org.bulwark.node.m365.metadata.ItemVersion.Kinds;
import org.bulwark.node.m365.metadata.MetadataDb;
import org.bulwark.node.m365.metadata.Service;
import org.bulwark.node.m365.metadata.ServiceStore;
import org.bulwark.repository.Repository;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Browses a tenant's backups on a repository: restore points; mailboxes, mail folders and
 * messages; drives, folders and files; channels and their messages; calendars and events; contact
 * folders and contacts; search by subject, sender or name; export of a message as {@code .eml}, of
 * a file, of a drive folder as {@code .zip}, of events as {@code .ics} and of contacts as {@code .vcf}.
 * Items are {@link ItemVersion}s: {@code name} is the subject or file name, {@code sender} the
 * sender, {@code modified} the received or modified time. When a service's database is missing
 * on the destination it is rebuilt from the repository on first use.
 */
public final class TenantBrowser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Repository repo;
    private final Path metadataHome;
    private final Path workDir;
    private final String tenantId;
    private final Map<Service, ServiceStore> stores = new EnumMap<>(Service.class);

    /**
     * @param metadataHome the folder beside the repository data holding the databases
     * @param workDir      a local folder for this browser's working copies (not shared with a running backup)
     */
    public TenantBrowser(Repository repo, Path metadataHome, Path workDir, String tenantId) {
        this.repo = repo;
        this.metadataHome = metadataHome;
        this.workDir = workDir;
        this.tenantId = tenantId;
    }

    synchronized ServiceStore store(Service s) throws IOException {
        ServiceStore st = stores.get(s);
        if (st == null) {
            st = ServiceStore.open(repo, metadataHome, workDir, tenantId, s, ServiceStore.BatchLimits.DEFAULT);
            stores.put(s, st);
        }
        return st;
    }

    /** Runs complete in every service they backed up, oldest first. */
    public List<RestorePoint> restorePoints() throws IOException {
        Map<Long, RestorePoint> out = new TreeMap<>();
        Set<Long> incomplete = new HashSet<>();
        for (Service s : Service.values()) {
            for (MetadataDb.Run r : store(s).db().runs()) {
                if (!r.complete()) {
                    incomplete.add(r.id());
                    continue;
                }
                RestorePoint old = out.get(r.id());
                out.put(r.id(), new RestorePoint(r.id(), Instant.ofEpochMilli(r.id()),
                        Instant.ofEpochMilli(Math.max(r.finished(), old == null ? 0 : old.finished().toEpochMilli())),
                        r.items() + (old == null ? 0 : old.items()), r.bytes() + (old == null ? 0 : old.bytes())));
            }
        }
        out.keySet().removeAll(incomplete);
        return new ArrayList<>(out.values());
    }

    /** The runs of one service, complete or not (a run that failed for some owners is not a restore point). */
    public List<MetadataDb.Run> runs(Service service) throws IOException {
        return store(service).db().runs();
    }

    /** The newest restore point. */
    public RestorePoint latest() throws IOException {
        List<RestorePoint> all = restorePoints();
        if (all.isEmpty()) {
            throw new FileNotFoundException("tenant " + tenantId + " has no complete backup on this repository");
        }
        return all.getLast();
    }

    /** Mailboxes ever backed up. */
    public List<MetadataDb.Owner> mailboxes() throws IOException {
        return store(Service.MAIL).db().owners();
    }

    /** Drives ever backed up. */
    public List<MetadataDb.Owner> drives() throws IOException {
        return store(Service.FILES).db().owners();
    }

    /** Teams ever backed up. */
    public List<MetadataDb.Owner> teams() throws IOException {
        return store(Service.TEAMS).db().owners();
    }

    /** All mail folders of a mailbox at a restore point ({@code parent} is the parent folder id). */
    public List<ItemVersion> mailFolders(long point, String user) throws IOException {
        return sorted(store(Service.MAIL).db().itemsAt(point, user, Kinds.MAIL_FOLDER, null));
    }

    /** Messages of a mail folder at a restore point, oldest first. */
    public List<ItemVersion> messages(long point, String user, String folderId) throws IOException {
        return store(Service.MAIL).db().itemsAt(point, user, Kinds.MESSAGE, folderId);
    }

    /** Folders and files directly under a drive folder ("" for the root) at a restore point, folders first. */
    public List<ItemVersion> children(long point, String drive, String folderId) throws IOException {
        MetadataDb db = store(Service.FILES).db();
        List<ItemVersion> out = new ArrayList<>(sorted(db.itemsAt(point, drive, Kinds.DRIVE_FOLDER, folderId)));
        out.addAll(sorted(db.itemsAt(point, drive, Kinds.FILE, folderId)));
        return out;
    }

    /** Channels of a team at a restore point. */
    public List<ItemVersion> channels(long point, String team) throws IOException {
        return sorted(store(Service.TEAMS).db().itemsAt(point, team, Kinds.CHANNEL, null));
    }

    /** Messages of a channel at a restore point. */
    public List<ItemVersion> channelMessages(long point, String team, String channel) throws IOException {
        return store(Service.TEAMS).db().itemsAt(point, team, Kinds.CHANNEL_MESSAGE, channel);
    }

    /** Users whose calendars were ever backed up. */
    public List<MetadataDb.Owner> calendarUsers() throws IOException {
        return store(Service.CALENDARS).db().owners();
    }

    /** Users whose contacts were ever backed up. */
    public List<MetadataDb.Owner> contactUsers() throws IOException {
        return store(Service.CONTACTS).db().owners();
    }

    /** Calendars of a user at a restore point. */
    public List<ItemVersion> calendars(long point, String user) throws IOException {
        return sorted(store(Service.CALENDARS).db().itemsAt(point, user, Kinds.CALENDAR, null));
    }

    /** Events of a calendar at a restore point, by start. */
    public List<ItemVersion> events(long point, String user, String calendarId) throws IOException {
        return store(Service.CALENDARS).db().itemsAt(point, user, Kinds.EVENT, calendarId);
    }

    /** Contact folders of a user at a restore point (the default one has id {@code contacts}). */
    public List<ItemVersion> contactFolders(long point, String user) throws IOException {
        return sorted(store(Service.CONTACTS).db().itemsAt(point, user, Kinds.CONTACT_FOLDER, null));
    }

    /** Contacts of a contact folder at a restore point, by name. */
    public List<ItemVersion> contacts(long point, String user, String folderId) throws IOException {
        return sorted(store(Service.CONTACTS).db().itemsAt(point, user, Kinds.CONTACT, folderId));
    }

    /** One event as it was at a restore point. */
    public ItemVersion event(long point, String user, String eventId) throws IOException {
        return require(store(Service.CALENDARS).db().itemAt(point, user, Kinds.EVENT, eventId), "event " + eventId, point);
    }

    /** One contact as it was at a restore point. */
    public ItemVersion contact(long point, String user, String contactId) throws IOException {
        return require(store(Service.CONTACTS).db().itemAt(point, user, Kinds.CONTACT, contactId), "contact " + contactId, point);
    }

    /**
     * Writes events as an iCalendar ({@code .ics}): one event ({@code eventId}), or a whole calendar
     * ({@code eventId} null, {@code calendarId} given) as it was at a restore point.
     */
    public void exportIcs(long point, String user, String calendarId, String eventId, OutputStream out) throws IOException {
        if (eventId == null) {
            require(store(Service.CALENDARS).db().itemAt(point, user, Kinds.CALENDAR, calendarId), "calendar " + calendarId, point);
        }
        List<ICalendar.Entry> entries = new ArrayList<>();
        for (ItemVersion v : eventId != null ? List.of(event(point, user, eventId)) : events(point, user, calendarId)) {
            List<byte[]> attachments = new ArrayList<>();
            for (int i = 0; i < v.blobs().size() - 1; i++) {
                try (InputStream in = attachment(v, i)) {
                    attachments.add(in.readAllBytes());
                }
            }
            entries.add(new ICalendar.Entry(document(v), attachments));
        }
        ICalendar.write(entries, out);
    }

    /**
     * Writes contacts as vCards ({@code .vcf}): one contact ({@code contactId}), or a whole contact
     * folder ({@code contactId} null, {@code folderId} given) as it was at a restore point.
     */
    public void exportVcf(long point, String user, String folderId, String contactId, OutputStream out) throws IOException {
        if (contactId == null) {
            require(store(Service.CONTACTS).db().itemAt(point, user, Kinds.CONTACT_FOLDER, folderId), "contact folder " + folderId,
                    point);
        }
        List<JsonNode> cards = new ArrayList<>();
        for (ItemVersion v : contactId != null ? List.of(contact(point, user, contactId)) : contacts(point, user, folderId)) {
            cards.add(document(v));
        }
        VCard.write(cards, out);
    }

    /** The stored Graph JSON of an event or a contact (for an event without the bytes of its attachments). */
    public JsonNode document(ItemVersion v) throws IOException {
        try (InputStream in = store(service(v)).openBlob(v.blobs().getFirst())) {
            return JSON.readTree(in);
        }
    }

    /** The bytes of an event's file attachment, described by entry {@code index} of its document's {@link Kinds#EVENT_ATTACHMENTS}. */
    public InputStream attachment(ItemVersion event, int index) throws IOException {
        if (!event.kind().equals(Kinds.EVENT) || index < 0 || index + 1 >= event.blobs().size()) {
            throw new FileNotFoundException(event.kind() + " " + event.id() + " has no attachment " + index);
        }
        return store(Service.CALENDARS).openBlob(event.blobs().get(index + 1));
    }

    /** Messages, files, channel messages, events and contacts at a restore point whose subject, name or sender contains the text. */
    public List<ItemVersion> search(long point, String text) throws IOException {
        List<ItemVersion> out = new ArrayList<>();
        for (Service s : Service.values()) {
            out.addAll(store(s).db().search(point, text));
        }
        return out;
    }

    /** Deleted items of a mailbox, drive or team, with the time the backup saw each deletion. */
    public List<ItemVersion> deletedItems(Service service, String owner) throws IOException {
        return store(service).db().tombstones(owner);
    }

    /** One message as it was at a restore point. */
    public ItemVersion message(long point, String user, String messageId) throws IOException {
        return require(store(Service.MAIL).db().itemAt(point, user, Kinds.MESSAGE, messageId), "message " + messageId, point);
    }

    /** One drive item (file or folder) as it was at a restore point. */
    public ItemVersion driveItem(long point, String drive, String itemId) throws IOException {
        MetadataDb db = store(Service.FILES).db();
        ItemVersion v = db.itemAt(point, drive, Kinds.FILE, itemId);
        return require(v != null ? v : db.itemAt(point, drive, Kinds.DRIVE_FOLDER, itemId), "drive item " + itemId, point);
    }

    /** @throws FileNotFoundException when there is no such item at the restore point */
    private static ItemVersion require(ItemVersion v, String what, long point) throws IOException {
        if (v == null) {
            throw new FileNotFoundException(what + " does not exist at restore point " + point);
        }
        return v;
    }

    /** The stored content of an item (MIME of a message, bytes of a file, JSON of a channel message, event or contact). */
    public InputStream content(ItemVersion v) throws IOException {
        return store(service(v)).openContent(v);
    }

    private static Service service(ItemVersion v) throws IOException {
        return switch (v.kind()) {
            case Kinds.MESSAGE -> Service.MAIL;
            case Kinds.FILE -> Service.FILES;
            case Kinds.CHANNEL_MESSAGE -> Service.TEAMS;
            case Kinds.EVENT -> Service.CALENDARS;
            case Kinds.CONTACT -> Service.CONTACTS;
            default -> throw new IOException(v.kind() + " " + v.id() + " has no content");
        };
    }

    /** Writes a message as {@code .eml} (its MIME content, byte for byte). */
    public void exportEml(long point, String user, String messageId, OutputStream out) throws IOException {
        try (InputStream in = content(message(point, user, messageId))) {
            in.transferTo(out);
        }
    }

    /** Writes a file's content. */
    public void exportFile(long point, String drive, String itemId, OutputStream out) throws IOException {
        ItemVersion v = driveItem(point, drive, itemId);
        try (InputStream in = content(v)) {
            in.transferTo(out);
        }
    }

    /**
     * Writes a drive folder ("" for the root) and everything under it as a zip; entry names are
     * sanitized relative paths, so extracting never writes outside the extraction folder.
     */
    public void exportZip(long point, String drive, String folderId, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zipFolder(point, drive, folderId, "", zip, new HashSet<>());
        }
    }

    private void zipFolder(long point, String drive, String folderId, String prefix, ZipOutputStream zip, Set<String> used)
            throws IOException {
        for (ItemVersion v : children(point, drive, folderId)) {
            String name = unique(prefix + SafeNames.component(v.name()), used);
            if (v.kind().equals(Kinds.DRIVE_FOLDER)) {
                ZipEntry e = new ZipEntry(name + "/");
                e.setTime(v.modified());
                zip.putNextEntry(e);
                zip.closeEntry();
                zipFolder(point, drive, v.id(), name + "/", zip, used);
            } else {
                ZipEntry e = new ZipEntry(name);
                e.setTime(v.modified());
                zip.putNextEntry(e);
                try (InputStream in = content(v)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }

    /**
     * Saves a file or a drive folder (recursively) into a local folder under sanitized names;
     * an existing file is never overwritten (the new one gets a " (n)" suffix).
     *
     * @return the path written
     */
    public Path saveTo(long point, String drive, String itemId, Path folder) throws IOException {
        ItemVersion v = driveItem(point, drive, itemId);
        Files.createDirectories(folder);
        Path target = freePath(folder, SafeNames.component(v.name()));
        if (v.kind().equals(Kinds.DRIVE_FOLDER)) {
            Files.createDirectory(target);
            for (ItemVersion c : children(point, drive, v.id())) {
                saveTo(point, drive, c.id(), target);
            }
        } else {
            try (InputStream in = content(v)) {
                Files.copy(in, target);
            }
        }
        return target;
    }

    private static Path freePath(Path folder, String name) {
        Path p = SafeNames.under(folder, name);
        for (int n = 2; Files.exists(p); n++) {
            p = SafeNames.under(folder, Names.numbered(name, n));
        }
        return p;
    }

    private static String unique(String name, Set<String> used) {
        String n = name;
        for (int i = 2; !used.add(n); i++) {
            n = Names.numbered(name, i);
        }
        return n;
    }

    private static List<ItemVersion> sorted(List<ItemVersion> in) {
        List<ItemVersion> out = new ArrayList<>(in);
        out.sort(Comparator.comparing(ItemVersion::name, String.CASE_INSENSITIVE_ORDER).thenComparing(ItemVersion::id));
        return out;
    }

    @Override
    public synchronized void close() throws IOException {
        for (ServiceStore s : stores.values()) {
            s.close();
        }
        stores.clear();
    }
}
