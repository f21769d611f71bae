package org.bulwark.node.m365.graphlocal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP service on loopback that speaks the parts of Microsoft Graph v1.0 the cloud agent
 * uses, over an in-memory tenant: a client-credentials token endpoint; users, groups, sites, teams
 * with {@code @odata.nextLink} paging; mail folders and messages with delta queries
 * ({@code @odata.deltaLink}, {@code @removed}) and MIME content ({@code /$value}); drives with
 * item delta, content download, folder creation and upload; channels and channel message delta;
 * message creation from base64 MIME; calendars with event delta and contact folders (the default one
 * unlisted, its contacts at {@code /contacts}) with contact delta, and creation of each. It can
 * answer {@code 429} with {@code Retry-After} and fail
 * chosen downloads, and counts downloads.
 */
public final class LocalGraphService implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An entry that delta queries track. */
    abstract static class Tracked {
        final String id;
        long version;
        boolean deleted;

        Tracked(String id) {
            this.id = id;
        }

        abstract Map<String, Object> json();

        Map<String, Object> removed() {
            return new LinkedHashMap<>(Map.of("id", id, "@removed", Map.of("reason", "deleted")));
        }
    }

    final class Folder extends Tracked {
        String parentId;
        String name;

        Folder(String id, String parentId, String name) {
            super(id);
            this.parentId = parentId;
            this.name = name;
        }

        @Override
        Map<String, Object> json() {
            return new LinkedHashMap<>(Map.of("id", id, "displayName", name, "parentFolderId", parentId));
        }
    }

    final class Msg extends Tracked {
        String folderId;
        String subject;
        final String from;
        final Instant received;
        Supplier<byte[]> mime;
        String changeKey = UUID.randomUUID().toString();

        Msg(String id, String folderId, String subject, String from, Instant received, Supplier<byte[]> mime) {
            super(id);
            this.folderId = folderId;
            this.subject = subject;
            this.from = from;
            this.received = received;
            this.mime = mime;
        }

        @Override
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("subject", subject);
            m.put("changeKey", changeKey);
            m.put("parentFolderId", folderId);
            m.put("receivedDateTime", received.toString());
            m.put("from", Map.of("emailAddress", Map.of("address", from, "name", from)));
            return m;
        }
    }

    final class User {
        final String id;
        final String upn;
        final Map<String, Folder> folders = new LinkedHashMap<>();
        final Map<String, Msg> messages = new LinkedHashMap<>();
        final Map<String, Container> calendars = new LinkedHashMap<>();
        final Map<String, Doc> events = new LinkedHashMap<>();
        /** Contact folders below the default one (which Graph does not list). */
        final Map<String, Container> contactFolders = new LinkedHashMap<>();
        final Map<String, Doc> contacts = new LinkedHashMap<>();
        String contactsRoot;
        String driveId;

        User(String id, String upn) {
            this.id = id;
            this.upn = upn;
        }
    }

    final class Item extends Tracked {
        final String driveId;
        String parentId;
        String name;
        final boolean folder;
        byte[] content;
        Instant modified = Instant.now();
        String cTag = UUID.randomUUID().toString();

        Item(String driveId, String id, String parentId, String name, boolean folder, byte[] content) {
            super(id);
            this.driveId = driveId;
            this.parentId = parentId;
            this.name = name;
            this.folder = folder;
            this.content = content;
        }

        @Override
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("name", name);
            m.put("eTag", "e" + version);
            m.put("lastModifiedDateTime", modified.toString());
            if (parentId != null) {
                m.put("parentReference", Map.of("driveId", driveId, "id", parentId));
            }
            if (folder) {
                m.put("folder", Map.of("childCount", 0));
                if (parentId == null) {
                    m.put("root", Map.of());
                }
            } else {
                m.put("cTag", cTag);
                m.put("size", content.length);
                m.put("file", Map.of("mimeType", "application/octet-stream"));
            }
            return m;
        }

        @Override
        Map<String, Object> removed() {
            Map<String, Object> m = new LinkedHashMap<>(Map.of("id", id, "deleted", Map.of("state", "deleted")));
            m.put("parentReference", Map.of("driveId", driveId, "id", parentId));
            return m;
        }
    }

    final class DriveData {
        final String id;
        final String name;
        final Item root;
        final Map<String, Item> items = new LinkedHashMap<>();

        DriveData(String id, String name) {
            this.id = id;
            this.name = name;
            this.root = new Item(id, id + "-root", null, "root", true, null);
            touch(root);
            items.put(root.id, root);
        }
    }

    final class ChatMsg extends Tracked {
        final String subject;
        String body;
        final String from;
        final Instant created = Instant.now();

        ChatMsg(String id, String subject, String body, String from) {
            super(id);
            this.subject = subject;
            this.body = body;
            this.from = from;
        }

        @Override
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("etag", "t" + version);
            m.put("subject", subject);
            m.put("createdDateTime", created.toString());
            m.put("lastModifiedDateTime", created.toString());
            m.put("from", Map.of("user", Map.of("id", from, "displayName", from)));
            m.put("body", Map.of("contentType", "html", "content", body));
            return m;
        }
    }

    /** A calendar, or a contact folder: a named container that events or contacts live in. */
    final class Container extends Tracked {
        final String parentId;
        final String name;

        Container(String id, String parentId, String name) {
            super(id);
            this.parentId = parentId;
            this.name = name;
        }

        @Override
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put(parentId == null ? "name" : "displayName", name);
            if (parentId != null) {
                m.put("parentFolderId", parentId);
            }
            return m;
        }
    }

    /** An event or a contact: its Graph properties as given, with id, change key, times and parent added when served. */
    final class Doc extends Tracked {
        final String containerId;
        final boolean contact;
        Map<String, Object> fields;
        /** File attachments of an event: name → bytes. */
        final Map<String, byte[]> attachments = new LinkedHashMap<>();
        String changeKey = UUID.randomUUID().toString();
        final Instant created = Instant.now();
        Instant modified = created;

        Doc(String id, String containerId, boolean contact, Map<String, Object> fields) {
            super(id);
            this.containerId = containerId;
            this.contact = contact;
            this.fields = new LinkedHashMap<>(fields);
        }

        @Override
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("@odata.etag", "W/\"" + changeKey + "\"");
            m.put("id", id);
            m.put("createdDateTime", created.toString());
            m.put("lastModifiedDateTime", modified.toString());
            m.put("changeKey", changeKey);
            if (contact) {
                m.put("parentFolderId", containerId);
            } else {
                m.put("iCalUId", "uid-" + id);
                m.put("hasAttachments", !attachments.isEmpty());
            }
            m.putAll(fields);
            return m;
        }
    }

    record TeamData(String id, String name, Map<String, String> channels, Map<String, Map<String, ChatMsg>> messages) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final String tenantId;
    private final String clientId;
    private final String secret;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final Map<String, User> users = new LinkedHashMap<>();
    /** Groups, their members and the tenant's licenses. */
    public final Directory directory;
    private final Map<String, DriveData> drives = new LinkedHashMap<>();
    private final Map<String, String[]> sites = new LinkedHashMap<>();
    private final Map<String, TeamData> teams = new LinkedHashMap<>();
    private final Set<String> failingDownloads = ConcurrentHashMap.newKeySet();
    /** Downloads of message MIME and file content, by item id. */
    public final Map<String, AtomicInteger> downloads = new ConcurrentHashMap<>();
    /** Requests answered with 429. */
    public final AtomicInteger throttled = new AtomicInteger();
    private int pageSize = 3;

    public LocalGraphService(String tenantId, String clientId, String secret) throws IOException {
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.secret = secret;
        this.directory = new Directory(tenantId);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String graphUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0";
    }

    public String authorityUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized void pageSize(int n) {
        pageSize = n;
    }

    /** The next {@code n} Graph requests are answered {@code 429 Too Many Requests} with {@code Retry-After: 1}. */
    public void throttleNext(int n) {
        throttleNext.set(n);
    }

    /** Downloads of this item's content fail with {@code 500} until {@link #heal}. */
    public void failDownloadsOf(String itemId) {
        failingDownloads.add(itemId);
    }

    public void heal() {
        failingDownloads.clear();
    }

    public int downloadsOf(String itemId) {
        AtomicInteger n = downloads.get(itemId);
        return n == null ? 0 : n.get();
    }

    private void touch(Tracked t) {
        t.version = clock.incrementAndGet();
    }

    private String newId(String prefix) {
        return prefix + ids.incrementAndGet();
    }

    // ------------------------------------------------------------------ tenant content

    /** Adds a user with an Inbox and a OneDrive; returns the user id. */
    public synchronized String addUser(String upn) {
        String id = newId("user-");
        User u = new User(id, upn);
        users.put(id, u);
        DriveData d = new DriveData(newId("drive-"), "OneDrive");
        drives.put(d.id, d);
        u.driveId = d.id;
        addFolder(id, "Inbox");
        addCalendar(id, "Calendar");
        u.contactsRoot = newId("contacts-");
        return id;
    }

    public synchronized String inbox(String user) {
        return users.get(user).folders.values().stream().filter(f -> f.name.equals("Inbox")).findFirst().orElseThrow().id;
    }

    public synchronized String addFolder(String user, String name) {
        Folder f = new Folder(newId("folder-"), user + "-msgfolderroot", name);
        touch(f);
        users.get(user).folders.put(f.id, f);
        return f.id;
    }

    public synchronized void deleteFolder(String user, String folderId) {
        Folder f = users.get(user).folders.get(folderId);
        f.deleted = true;
        touch(f);
        for (Msg m : users.get(user).messages.values()) {
            if (m.folderId.equals(folderId) && !m.deleted) {
                m.deleted = true;
                touch(m);
            }
        }
    }

    public synchronized String addMessage(String user, String folderId, String subject, String from, byte[] mime) {
        return addMessage(user, folderId, subject, from, Instant.now(), () -> mime);
    }

    public synchronized String addMessage(String user, String folderId, String subject, String from, Instant received,
                                          Supplier<byte[]> mime) {
        Msg m = new Msg(newId("msg-"), folderId, subject, from, received, mime);
        touch(m);
        users.get(user).messages.put(m.id, m);
        return m.id;
    }

    /** A change that does not touch the MIME content (e.g. read flag): new change key. */
    public synchronized void flagMessage(String user, String messageId) {
        Msg m = users.get(user).messages.get(messageId);
        m.changeKey = UUID.randomUUID().toString();
        touch(m);
    }

    public synchronized void replaceMessage(String user, String messageId, String subject, byte[] mime) {
        Msg m = users.get(user).messages.get(messageId);
        m.subject = subject;
        m.mime = () -> mime;
        m.changeKey = UUID.randomUUID().toString();
        touch(m);
    }

    public synchronized void deleteMessage(String user, String messageId) {
        Msg m = users.get(user).messages.get(messageId);
        m.deleted = true;
        touch(m);
    }

    public synchronized byte[] mime(String user, String messageId) {
        return users.get(user).messages.get(messageId).mime.get();
    }

    /** Messages of a folder: id → subject. */
    public synchronized Map<String, String> messagesIn(String user, String folderId) {
        Map<String, String> out = new LinkedHashMap<>();
        users.get(user).messages.values().stream().filter(m -> !m.deleted && m.folderId.equals(folderId))
                .forEach(m -> out.put(m.id, m.subject));
        return out;
    }

    /** Live folders of a mailbox: id → name. */
    public synchronized Map<String, String> foldersOf(String user) {
        Map<String, String> out = new LinkedHashMap<>();
        users.get(user).folders.values().stream().filter(f -> !f.deleted).forEach(f -> out.put(f.id, f.name));
        return out;
    }

    public synchronized String driveOf(String user) {
        return users.get(user).driveId;
    }

    public synchronized String addSite(String name) {
        String id = newId("site-");
        DriveData d = new DriveData(newId("drive-"), "Documents");
        drives.put(d.id, d);
        sites.put(id, new String[]{name, d.id});
        return id;
    }

    public synchronized String siteDrive(String siteId) {
        return sites.get(siteId)[1];
    }

    /** Adds a file or folder (content null) under a parent (null: the root). */
    public synchronized String addDriveItem(String driveId, String parentId, String name, byte[] content) {
        DriveData d = drives.get(driveId);
        Item it = new Item(driveId, newId("item-"), parentId == null ? d.root.id : parentId, name, content == null, content);
        touch(it);
        d.items.put(it.id, it);
        touch(d.root);
        return it.id;
    }

    public synchronized void updateFile(String driveId, String itemId, byte[] content) {
        Item it = drives.get(driveId).items.get(itemId);
        it.content = content;
        it.cTag = UUID.randomUUID().toString();
        it.modified = Instant.now();
        touch(it);
    }

    public synchronized void renameItem(String driveId, String itemId, String name) {
        Item it = drives.get(driveId).items.get(itemId);
        it.name = name;
        touch(it);
    }

    public synchronized void deleteItem(String driveId, String itemId) {
        Item it = drives.get(driveId).items.get(itemId);
        it.deleted = true;
        touch(it);
    }

    /** Live children of a drive folder (null: root): name → item id. */
    public synchronized Map<String, String> childrenOf(String driveId, String parentId) {
        DriveData d = drives.get(driveId);
        String p = parentId == null ? d.root.id : parentId;
        Map<String, String> out = new LinkedHashMap<>();
        d.items.values().stream().filter(i -> !i.deleted && p.equals(i.parentId)).forEach(i -> out.put(i.name, i.id));
        return out;
    }

    public synchronized byte[] fileContent(String driveId, String itemId) {
        return drives.get(driveId).items.get(itemId).content;
    }

    public synchronized String addCalendar(String user, String name) {
        Container c = new Container(newId("calendar-"), null, name);
        touch(c);
        users.get(user).calendars.put(c.id, c);
        return c.id;
    }

    /** The user's default calendar ("Calendar"). */
    public synchronized String calendar(String user) {
        return users.get(user).calendars.values().stream().filter(c -> c.name.equals("Calendar")).findFirst().orElseThrow().id;
    }

    public synchronized void deleteCalendar(String user, String calendarId) {
        Container c = users.get(user).calendars.get(calendarId);
        c.deleted = true;
        touch(c);
        users.get(user).events.values().stream().filter(e -> e.containerId.equals(calendarId)).forEach(e -> {
            e.deleted = true;
            touch(e);
        });
    }

    /** Adds an event with these Graph properties (subject, start, end, body...); returns its id. */
    public synchronized String addEvent(String user, String calendarId, Map<String, Object> properties) {
        Doc e = new Doc(newId("event-"), calendarId, false, properties);
        touch(e);
        users.get(user).events.put(e.id, e);
        return e.id;
    }

    /** The user's default contact folder (not listed by {@code contactFolders}; its contacts are {@code /contacts}). */
    public synchronized String contactsRoot(String user) {
        return users.get(user).contactsRoot;
    }

    public synchronized String addContactFolder(String user, String name) {
        Container c = new Container(newId("contactfolder-"), users.get(user).contactsRoot, name);
        touch(c);
        users.get(user).contactFolders.put(c.id, c);
        return c.id;
    }

    public synchronized void deleteContactFolder(String user, String folderId) {
        Container c = users.get(user).contactFolders.get(folderId);
        c.deleted = true;
        touch(c);
        users.get(user).contacts.values().stream().filter(e -> e.containerId.equals(folderId)).forEach(e -> {
            e.deleted = true;
            touch(e);
        });
    }

    /** Adds a contact with these Graph properties (displayName, emailAddresses...) to a folder; returns its id. */
    public synchronized String addContact(String user, String folderId, Map<String, Object> properties) {
        Doc c = new Doc(newId("contact-"), folderId, true, properties);
        touch(c);
        users.get(user).contacts.put(c.id, c);
        return c.id;
    }

    /** Adds a file attachment to an event: new change key. */
    public synchronized void addEventAttachment(String user, String eventId, String name, byte[] content) {
        Doc d = doc(user, eventId);
        d.attachments.put(name, content);
        d.changeKey = UUID.randomUUID().toString();
        touch(d);
    }

    /** The file attachments of an event: name → bytes. */
    public synchronized Map<String, byte[]> eventAttachments(String user, String eventId) {
        return new LinkedHashMap<>(doc(user, eventId).attachments);
    }

    /** Changes properties of an event or a contact: new change key. */
    public synchronized void changeDoc(String user, String id, Map<String, Object> properties) {
        Doc d = doc(user, id);
        d.fields.putAll(properties);
        d.changeKey = UUID.randomUUID().toString();
        d.modified = Instant.now();
        touch(d);
    }

    public synchronized void deleteDoc(String user, String id) {
        Doc d = doc(user, id);
        d.deleted = true;
        touch(d);
    }

    /** An event or a contact as the service serves it now. */
    public synchronized Map<String, Object> served(String user, String id) {
        return doc(user, id).json();
    }

    private Doc doc(String user, String id) {
        User u = users.get(user);
        return u.events.containsKey(id) ? u.events.get(id) : u.contacts.get(id);
    }

    /** Live calendars and contact folders of a user: id → name. */
    public synchronized Map<String, String> containersOf(String user) {
        Map<String, String> out = new LinkedHashMap<>();
        User u = users.get(user);
        java.util.stream.Stream.concat(u.calendars.values().stream(), u.contactFolders.values().stream())
                .filter(c -> !c.deleted).forEach(c -> out.put(c.id, c.name));
        return out;
    }

    /** Live events or contacts in a calendar or contact folder: id → served properties. */
    public synchronized Map<String, Map<String, Object>> docsIn(String user, String containerId) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        User u = users.get(user);
        java.util.stream.Stream.concat(u.events.values().stream(), u.contacts.values().stream())
                .filter(d -> !d.deleted && d.containerId.equals(containerId)).forEach(d -> out.put(d.id, d.json()));
        return out;
    }

    public synchronized String addTeam(String name) {
        String id = newId("team-");
        teams.put(id, new TeamData(id, name, new LinkedHashMap<>(), new LinkedHashMap<>()));
        return id;
    }

    public synchronized String addChannel(String team, String name) {
        String id = newId("channel-");
        teams.get(team).channels().put(id, name);
        teams.get(team).messages().put(id, new LinkedHashMap<>());
        return id;
    }

    public synchronized String addChannelMessage(String team, String channel, String subject, String body, String from) {
        ChatMsg m = new ChatMsg(newId("chat-"), subject, body, from);
        touch(m);
        teams.get(team).messages().get(channel).put(m.id, m);
        return m.id;
    }

    public synchronized void deleteChannelMessage(String team, String channel, String id) {
        ChatMsg m = teams.get(team).messages().get(channel).get(id);
        m.deleted = true;
        touch(m);
    }

    // ------------------------------------------------------------------ HTTP

    private record Route(String method, Pattern path, Function<Call, Answer> handler) {
    }

    private record Call(HttpExchange ex, Matcher m, Map<String, String> query, byte[] body) {
        String g(int i) {
            return m.group(i);
        }
    }

    private record Answer(int status, String contentType, byte[] body) {
        static Answer json(int status, Object value) {
            try {
                return new Answer(status, "application/json", JSON.writeValueAsBytes(value));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Answer error(int status, String code, String message) {
            return json(status, Map.of("error", Map.of("code", code, "message", message)));
        }
    }

    private final List<Route> routes = routes();

    private List<Route> routes() {
        return List.of(
            route("GET", "/v1.0/users", c -> page(c, "/users", users.values().stream()
                    .map(u -> (Map<String, Object>) new LinkedHashMap<String, Object>(Map.of("id", u.id, "displayName", u.upn,
                            "userPrincipalName", u.upn, "mail", u.upn,
                            "assignedLicenses", directory.assignedLicensesJson(u.id)))).toList())),
            route("GET", "/v1.0/users/([^/]+)/transitiveMemberOf", c -> users.containsKey(c.g(1))
                    ? page(c, "/users/" + c.g(1) + "/transitiveMemberOf", directory.memberOfJson(c.g(1))) : notFound()),
            route("GET", "/v1.0/subscribedSkus", c -> page(c, "/subscribedSkus", directory.skusJson())),
            route("GET", "/v1.0/groups", c -> page(c, "/groups", directory.groupsJson())),
            route("GET", "/v1.0/sites", c -> page(c, "/sites", sites.entrySet().stream().map(e -> (Map<String, Object>)
                    new LinkedHashMap<String, Object>(Map.of("id", e.getKey(), "displayName", e.getValue()[0],
                            "webUrl", "https://example.sharepoint.com/sites/" + e.getValue()[0]))).toList())),
            route("GET", "/v1.0/teams", c -> page(c, "/teams", teams.values().stream().map(t -> (Map<String, Object>)
                    new LinkedHashMap<String, Object>(Map.of("id", t.id(), "displayName", t.name()))).toList())),
            route("GET", "/v1.0/users/([^/]+)/drive", c -> users.containsKey(c.g(1))
                    ? Answer.json(200, driveJson(drives.get(users.get(c.g(1)).driveId))) : notFound()),
            route("GET", "/v1.0/sites/([^/]+)/drives", c -> page(c, "/sites/" + c.g(1) + "/drives",
                    List.of(driveJson(drives.get(sites.get(c.g(1))[1]))))),
            route("GET", "/v1.0/drives/([^/]+)/root", c -> Answer.json(200, drives.get(c.g(1)).root.json())),
            route("GET", "/v1.0/users/([^/]+)/mailFolders/delta(?:\\(\\))?", c -> delta(c,
                    "/users/" + c.g(1) + "/mailFolders/delta()", new ArrayList<>(users.get(c.g(1)).folders.values()))),
            route("POST", "/v1.0/users/([^/]+)/mailFolders", this::createMailFolder),
            route("GET", "/v1.0/users/([^/]+)/mailFolders/([^/]+)/messages/delta(?:\\(\\))?", c -> delta(c,
                    "/users/" + c.g(1) + "/mailFolders/" + c.g(2) + "/messages/delta()",
                    users.get(c.g(1)).messages.values().stream().filter(m -> m.folderId.equals(c.g(2))).map(m -> (Tracked) m).toList())),
            route("POST", "/v1.0/users/([^/]+)/mailFolders/([^/]+)/messages", this::createMessage),
            route("GET", "/v1.0/users/([^/]+)/messages/([^/]+)/\\$value", c -> {
                Msg m = users.get(c.g(1)).messages.get(c.g(2));
                return m == null || m.deleted ? notFound() : download(m.id, () -> m.mime.get(), "message/rfc822");
            }),
            route("GET", "/v1.0/drives/([^/]+)/items/root/delta(?:\\(\\))?", c -> delta(c, "/drives/" + c.g(1) + "/items/root/delta()",
                    new ArrayList<>(drives.get(c.g(1)).items.values()))),
            route("GET", "/v1.0/drives/([^/]+)/items/([^/:]+)/content", c -> {
                Item it = drives.get(c.g(1)).items.get(c.g(2));
                return it == null || it.deleted || it.folder ? notFound() : download(it.id, () -> it.content, "application/octet-stream");
            }),
            route("POST", "/v1.0/drives/([^/]+)/items/([^/:]+)/children", this::createDriveFolder),
            route("PUT", "/v1.0/drives/([^/]+)/items/([^/:]+):/(.+):/content", this::upload),
            route("GET", "/v1.0/teams/([^/]+)/channels", c -> page(c, "/teams/" + c.g(1) + "/channels",
                    teams.get(c.g(1)).channels().entrySet().stream().map(e -> (Map<String, Object>) new LinkedHashMap<String, Object>(
                            Map.of("id", e.getKey(), "displayName", e.getValue()))).toList())),
            route("GET", "/v1.0/teams/([^/]+)/channels/([^/]+)/messages/delta(?:\\(\\))?", c -> delta(c,
                    "/teams/" + c.g(1) + "/channels/" + c.g(2) + "/messages/delta()",
                    new ArrayList<>(teams.get(c.g(1)).messages().get(c.g(2)).values()))),
            route("GET", "/v1.0/users/([^/]+)/calendars", c -> page(c, "/users/" + c.g(1) + "/calendars",
                    users.get(c.g(1)).calendars.values().stream().filter(k -> !k.deleted).map(Container::json).toList())),
            route("POST", "/v1.0/users/([^/]+)/calendars", c -> createContainer(c, users.get(c.g(1)).calendars, "name",
                    name -> addCalendar(c.g(1), name))),
            route("GET", "/v1.0/users/([^/]+)/calendars/([^/]+)/events/delta(?:\\(\\))?", c -> delta(c,
                    "/users/" + c.g(1) + "/calendars/" + c.g(2) + "/events/delta()", docs(users.get(c.g(1)).events, c.g(2)))),
            route("POST", "/v1.0/users/([^/]+)/calendars/([^/]+)/events", c -> createDoc(c, c.g(2), false)),
            route("GET", "/v1.0/users/([^/]+)/events/([^/]+)/attachments", c -> {
                Doc d = users.get(c.g(1)).events.get(c.g(2));
                if (d == null || d.deleted) {
                    return notFound();
                }
                downloads.computeIfAbsent(d.id, k -> new AtomicInteger()).incrementAndGet();
                return page(c, "/users/" + c.g(1) + "/events/" + c.g(2) + "/attachments", d.attachments.entrySet().stream()
                        .map(a -> (Map<String, Object>) new LinkedHashMap<String, Object>(Map.of("@odata.type", "#microsoft.graph.fileAttachment",
                                "id", "att-" + a.getKey(), "name", a.getKey(), "contentType", "application/octet-stream",
                                "size", a.getValue().length, "isInline", false,
                                "contentBytes", Base64.getEncoder().encodeToString(a.getValue())))).toList());
            }),
            route("POST", "/v1.0/users/([^/]+)/calendars/([^/]+)/events/([^/]+)/attachments", c -> {
                Map<String, Object> a = read(c.body());
                if (!"#microsoft.graph.fileAttachment".equals(a.get("@odata.type")) || !(a.get("contentBytes") instanceof String bytes)) {
                    return Answer.error(400, "ErrorInvalidRequest", "expected a fileAttachment with contentBytes");
                }
                addEventAttachment(c.g(1), c.g(3), (String) a.get("name"), Base64.getDecoder().decode(bytes));
                return Answer.json(201, Map.of("id", "att-" + a.get("name"), "name", a.get("name")));
            }),
            route("GET", "/v1.0/users/([^/]+)/contactFolders/delta(?:\\(\\))?", c -> delta(c,
                    "/users/" + c.g(1) + "/contactFolders/delta()", new ArrayList<>(users.get(c.g(1)).contactFolders.values()))),
            route("POST", "/v1.0/users/([^/]+)/contactFolders", c -> createContainer(c, users.get(c.g(1)).contactFolders,
                    "displayName", name -> addContactFolder(c.g(1), name))),
            route("GET", "/v1.0/users/([^/]+)/contacts/delta(?:\\(\\))?", c -> delta(c, "/users/" + c.g(1) + "/contacts/delta()",
                    docs(users.get(c.g(1)).contacts, users.get(c.g(1)).contactsRoot))),
            route("GET", "/v1.0/users/([^/]+)/contactFolders/([^/]+)/contacts/delta(?:\\(\\))?", c -> delta(c,
                    "/users/" + c.g(1) + "/contactFolders/" + c.g(2) + "/contacts/delta()", docs(users.get(c.g(1)).contacts, c.g(2)))),
            route("POST", "/v1.0/users/([^/]+)/contactFolders/([^/]+)/contacts", c -> createDoc(c, c.g(2), true)));
    }

    private static List<Tracked> docs(Map<String, Doc> all, String containerId) {
        return all.values().stream().filter(d -> d.containerId.equals(containerId)).map(d -> (Tracked) d).toList();
    }

    private Answer createContainer(Call c, Map<String, Container> existing, String nameField, Function<String, String> add) {
        String name = (String) read(c.body()).get(nameField);
        if (name == null || name.isBlank()) {
            return Answer.error(400, "ErrorInvalidRequest", nameField + " is required");
        }
        if (existing.values().stream().anyMatch(k -> !k.deleted && k.name.equals(name))) {
            return Answer.error(409, "ErrorFolderExists", "A folder with the specified name already exists.");
        }
        return Answer.json(201, existing.get(add.apply(name)).json());
    }

    /** Creates an event or a contact from its JSON; read-only properties in the request are refused, as Graph does. */
    private Answer createDoc(Call c, String containerId, boolean contact) {
        Map<String, Object> properties = read(c.body());
        for (String readOnly : List.of("id", "changeKey", "createdDateTime", "lastModifiedDateTime", "parentFolderId", "iCalUId")) {
            if (properties.containsKey(readOnly)) {
                return Answer.error(400, "ErrorInvalidPropertyForCreate", readOnly + " is read-only");
            }
        }
        properties.remove("@odata.type");
        String id = contact ? addContact(c.g(1), containerId, properties) : addEvent(c.g(1), containerId, properties);
        return Answer.json(201, served(c.g(1), id));
    }

    private static Route route(String method, String path, Function<Call, Answer> handler) {
        return new Route(method, Pattern.compile(path), handler);
    }

    private static Answer notFound() {
        return Answer.error(404, "itemNotFound", "The resource could not be found.");
    }

    private Answer download(String id, Supplier<byte[]> bytes, String type) {
        downloads.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        if (failingDownloads.contains(id)) {
            return Answer.error(500, "generalException", "simulated failure of " + id);
        }
        return new Answer(200, type, bytes.get());
    }

    private Map<String, Object> driveJson(DriveData d) {
        return new LinkedHashMap<>(Map.of("id", d.id, "name", d.name, "driveType", "business"));
    }

    private Answer page(Call c, String path, List<Map<String, Object>> all) {
        int from = Integer.parseInt(c.query().getOrDefault("$skiptoken", "0"));
        int to = Math.min(all.size(), from + pageSize);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", all.subList(from, to));
        if (to < all.size()) {
            out.put("@odata.nextLink", graphUrl() + path + "?$skiptoken=" + to);
        }
        return Answer.json(200, out);
    }

    /** A delta query: full (no token) lists live entries; with a token, what changed after it (removals too). */
    private Answer delta(Call c, String path, List<? extends Tracked> entries) {
        long since;
        long snapshot;
        int offset;
        String skip = c.query().get("$skiptoken");
        if (skip != null) {
            String[] p = skip.split("\\.");
            since = Long.parseLong(p[0]);
            snapshot = Long.parseLong(p[1]);
            offset = Integer.parseInt(p[2]);
        } else {
            since = Long.parseLong(c.query().getOrDefault("$deltatoken", "0"));
            snapshot = clock.get();
            offset = 0;
        }
        List<Map<String, Object>> changed = entries.stream()
                .filter(t -> t.version > since && t.version <= snapshot && (since > 0 || !t.deleted))
                .sorted(Comparator.comparingLong(t -> t.version))
                .map(t -> t.deleted ? t.removed() : t.json()).toList();
        int to = Math.min(changed.size(), offset + pageSize);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", changed.subList(offset, to));
        if (to < changed.size()) {
            out.put("@odata.nextLink", graphUrl() + path + "?$skiptoken=" + since + "." + snapshot + "." + to);
        } else {
            out.put("@odata.deltaLink", graphUrl() + path + "?$deltatoken=" + snapshot);
        }
        return Answer.json(200, out);
    }

    private Answer createMailFolder(Call c) {
        Map<String, Object> req = read(c.body());
        String name = (String) req.get("displayName");
        User u = users.get(c.g(1));
        if (u.folders.values().stream().anyMatch(f -> !f.deleted && f.name.equals(name))) {
            return Answer.error(409, "ErrorFolderExists", "A folder with the specified name already exists.");
        }
        return Answer.json(201, users.get(c.g(1)).folders.get(addFolder(c.g(1), name)).json());
    }

    private Answer createMessage(Call c) {
        if (!c.ex().getRequestHeaders().getFirst("Content-Type").startsWith("text/plain")) {
            return Answer.error(400, "ErrorInvalidRequest", "expected base64 MIME as text/plain");
        }
        byte[] mime = Base64.getMimeDecoder().decode(c.body());
        String subject = header(mime, "Subject");
        String from = header(mime, "From");
        String id = addMessage(c.g(1), c.g(2), subject, from, Instant.now(), () -> mime);
        return Answer.json(201, users.get(c.g(1)).messages.get(id).json());
    }

    private static String header(byte[] mime, String name) {
        for (String line : new String(mime, StandardCharsets.UTF_8).split("\r?\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "";
    }

    private Answer createDriveFolder(Call c) {
        Map<String, Object> req = read(c.body());
        String name = (String) req.get("name");
        DriveData d = drives.get(c.g(1));
        String parent = c.g(2).equals("root") ? d.root.id : c.g(2);
        if (d.items.values().stream().anyMatch(i -> !i.deleted && parent.equals(i.parentId) && i.name.equals(name))) {
            if ("fail".equals(req.get("@microsoft.graph.conflictBehavior"))) {
                return Answer.error(409, "nameAlreadyExists", "An item with the same name already exists.");
            }
        }
        return Answer.json(201, d.items.get(addDriveItem(d.id, parent, name, null)).json());
    }

    private Answer upload(Call c) {
        DriveData d = drives.get(c.g(1));
        String parent = c.g(2).equals("root") ? d.root.id : c.g(2);
        String name = c.g(3);
        Item existing = d.items.values().stream().filter(i -> !i.deleted && parent.equals(i.parentId) && i.name.equals(name))
                .findFirst().orElse(null);
        if (existing != null) {
            if ("fail".equals(c.query().get("@microsoft.graph.conflictBehavior"))) {
                return Answer.error(409, "nameAlreadyExists", "An item with the same name already exists.");
            }
            updateFile(d.id, existing.id, c.body());
            return Answer.json(200, existing.json());
        }
        return Answer.json(201, d.items.get(addDriveItem(d.id, parent, name, c.body())).json());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(byte[] body) {
        try {
            return JSON.readValue(body, Map.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad JSON: " + e.getMessage());
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            Map<String, String> query = parseQuery(ex.getRequestURI().getRawQuery());
            Answer a;
            if (ex.getRequestMethod().equals("POST") && path.equals("/" + tenantId + "/oauth2/v2.0/token")) {
                a = token(parseQuery(new String(body, StandardCharsets.UTF_8)));
            } else if (!path.startsWith("/v1.0/")) {
                a = notFound();
            } else if (!authorized(ex)) {
                a = Answer.error(401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
            } else if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throttled.incrementAndGet();
                ex.getResponseHeaders().add("Retry-After", "1");
                a = Answer.error(429, "TooManyRequests", "Too many requests; retry after 1 second.");
            } else {
                a = dispatch(ex, path, query, body);
            }
            ex.getResponseHeaders().add("Content-Type", a.contentType());
            ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
            if (a.body().length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(a.body());
                }
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private Answer dispatch(HttpExchange ex, String path, Map<String, String> query, byte[] body) {
        for (Route r : routes) {
            Matcher m = r.path().matcher(path);
            if (r.method().equals(ex.getRequestMethod()) && m.matches()) {
                synchronized (this) {
                    return r.handler().apply(new Call(ex, m, query, body));
                }
            }
        }
        return Answer.error(400, "BadRequest", "unsupported: " + ex.getRequestMethod() + " " + path);
    }

    private boolean authorized(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        return h != null && h.startsWith("Bearer ") && tokens.contains(h.substring(7));
    }

    private Answer token(Map<String, String> form) {
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return Answer.json(400, Map.of("error", "unsupported_grant_type", "error_description", "AADSTS70003: grant type not supported"));
        }
        if (!clientId.equals(form.get("client_id")) || !secret.equals(form.get("client_secret"))) {
            return Answer.json(401, Map.of("error", "invalid_client", "error_description",
                    "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value."));
        }
        String t = "token-" + UUID.randomUUID();
        tokens.add(t);
        return Answer.json(200, Map.of("token_type", "Bearer", "expires_in", 3599, "access_token", t));
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
