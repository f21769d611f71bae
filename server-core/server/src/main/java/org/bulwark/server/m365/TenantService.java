package org.bulwark.server.m365;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bulwark.api.M365BackupRequest;
import org.bulwark.api.M365BrowseRequest;
import org.bulwark.api.M365RestoreRequest;
import org.bulwark.api.M365Tenant;
import org.bulwark.api.M365TenantRequest;
import org.bulwark.api.M365User;
import org.bulwark.api.Task;
import org.bulwark.api.TaskRequest;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.server.errors.Errors;
import org.bulwark.server.fleet.NodeRegistry;
import org.bulwark.server.secret.SecretBox;
import org.bulwark.server.task.TaskService;
import org.bulwark.server.user.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Microsoft 365 tenants: registration with the client secret sealed by {@link SecretBox}, and the
 * node tasks that discover, back up and restore them. The secret is decrypted only to put it into
 * a task's {@code clientSecret} parameter (masked in every log); it is never returned or logged.
 */
public final class TenantService {
    private static final Logger LOG = LoggerFactory.getLogger(TenantService.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final TenantStore store;
    private final SecretBox secrets;
    private final NodeRegistry nodes;
    private final TaskService tasks;
    private final Clock clock;

    public TenantService(TenantStore store, SecretBox secrets, NodeRegistry nodes, TaskService tasks, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.nodes = nodes;
        this.tasks = tasks;
        this.clock = clock;
    }

    public List<M365Tenant> list() {
        return store.list().stream().map(StoredTenant::toTenant).toList();
    }

    /** Registers a tenant: 400 for a missing or malformed field, 404 for an unknown node, 409 for a tenant id in use. */
    public M365Tenant register(Caller caller, M365TenantRequest request) {
        Errors.required(request, "tenant");
        String tenantId = Errors.required(request.tenantId(), "tenantId").strip();
        String clientId = Errors.required(request.clientId(), "clientId").strip();
        String secret = Errors.required(request.clientSecret(), "clientSecret");
        UUID nodeId = Errors.required(request.nodeId(), "nodeId");
        if (!tenantId.matches("[A-Za-z0-9._-]{1,128}")) {
            throw Errors.badRequest("tenantId must be a GUID or domain name (letters, digits, '.', '_', '-')");
        }
        if (clientId.length() > 128) {
            throw Errors.badRequest("clientId must have at most 128 characters");
        }
        String graphUrl = url(request.graphUrl(), "graphUrl");
        String authorityUrl = url(request.authorityUrl(), "authorityUrl");
        nodes.get(nodeId);
        UUID id = UUID.randomUUID();
        StoredTenant tenant = new StoredTenant(id, tenantId, clientId, secrets.encrypt(id.toString(), secret), nodeId,
                graphUrl, authorityUrl, clock.instant(), null);
        if (!store.insert(tenant)) {
            throw Errors.conflict("Tenant " + tenantId + " is registered already");
        }
        LOG.info("m365 tenant registered id={} tenant={} by={}", id, tenantId, caller.username());
        return tenant.toTenant();
    }

    public void remove(Caller caller, UUID id) {
        if (!store.delete(id)) {
            throw Errors.notFound("No tenant " + id);
        }
        LOG.info("m365 tenant removed id={} by={}", id, caller.username());
    }

    /** Queues M365_DISCOVER; its result feeds {@link #users(UUID)}. */
    public Task discover(Caller caller, UUID id) {
        StoredTenant tenant = tenant(id);
        Task task = submit(caller, tenant, TaskType.M365_DISCOVER, Map.of());
        store.setLastDiscovery(id, task.id());
        return task;
    }

    /** The users of the last discovery: 409 until one has succeeded. */
    public List<M365User> users(UUID id) {
        return directory(id).users();
    }

    /** The tenant's last discovery: users with their groups and licenses, group and license names; 409 before one. */
    public TenantDirectory directory(UUID id) {
        StoredTenant tenant = tenant(id);
        if (tenant.lastDiscovery() == null) {
            throw Errors.conflict("Tenant " + tenant.tenantId() + " has not been discovered yet");
        }
        Task task = tasks.get(tenant.lastDiscovery());
        if (task.state() != TaskState.SUCCEEDED) {
            throw Errors.conflict("The discovery of tenant " + tenant.tenantId() + " is " + task.state()
                    + (task.message() == null ? "" : ": " + task.message()));
        }
        try {
            JsonNode inventory = JSON.readTree(task.result());
            List<M365User> users = new ArrayList<>();
            for (JsonNode user : inventory.path("users")) {
                users.add(JSON.treeToValue(user, M365User.class));
            }
            Map<String, String> groups = new HashMap<>();
            inventory.path("groups").forEach(g -> groups.put(g.path("id").asText(), g.path("displayName").asText(null)));
            Map<String, String> licenses = new HashMap<>();
            inventory.path("licenses").forEach(l -> licenses.put(l.path("skuId").asText(), l.path("skuPartNumber").asText(null)));
            groups.values().removeIf(java.util.Objects::isNull);
            licenses.values().removeIf(java.util.Objects::isNull);
            return new TenantDirectory(users, groups, licenses);
        } catch (IOException e) {
            throw new IllegalStateException("the result of discovery task " + task.id() + " is not a tenant inventory", e);
        }
    }

    /** Queues M365_BACKUP into the repository of the request. */
    public Task backup(Caller caller, UUID id, M365BackupRequest request) {
        Errors.required(request, "backup request");
        StoredTenant tenant = tenant(id);
        return submit(caller, tenant, TaskType.M365_BACKUP, repository(request.destination(), request.passphraseFile(),
                request.passphrase()));
    }

    /**
     * Queues M365_BACKUP of some users' mailboxes and OneDrives into a repository opened with a passphrase file on
     * the tenant's node (the way policies back up).
     */
    Task backupUsers(Caller caller, StoredTenant tenant, String destination, String passphraseFile, List<String> userIds) {
        Map<String, String> p = repository(destination, passphraseFile, null);
        p.put("users", String.join(",", userIds));
        return submit(caller, tenant, TaskType.M365_BACKUP, p);
    }

    /**
     * Queues M365_PRUNE on a node: it forgets the tenant's restore points in a repository opened with a passphrase
     * file there and frees the item versions only they saw (no client secret goes with it).
     */
    Task prune(Caller caller, StoredTenant tenant, UUID nodeId, String destination, String passphraseFile,
               List<Long> restorePoints) {
        Map<String, String> p = repository(destination, passphraseFile, null);
        p.put("tenantId", tenant.tenantId());
        p.put("restorePoints", restorePoints.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
        return tasks.submit(caller, new TaskRequest(TaskType.M365_PRUNE, nodeId, p));
    }

    /** Queues M365_BROWSE (the node reads the repository only: no client secret goes with it). */
    public Task browse(Caller caller, UUID id, M365BrowseRequest request) {
        Errors.required(request, "browse request");
        StoredTenant tenant = tenant(id);
        Map<String, String> p = new HashMap<>(repository(request.destination(), request.passphraseFile(), request.passphrase()));
        p.put("tenantId", tenant.tenantId());
        p.put("list", Errors.required(request.list(), "list"));
        putIfGiven(p, "owner", request.owner());
        putIfGiven(p, "folder", request.folder());
        putIfGiven(p, "text", request.text());
        if (request.restorePoint() != null) {
            p.put("restorePoint", request.restorePoint().toString());
        }
        return tasks.submit(caller, new TaskRequest(TaskType.M365_BROWSE, tenant.nodeId(), p));
    }

    /** Queues M365_RESTORE of the request's items. */
    public Task restore(Caller caller, UUID id, M365RestoreRequest request) {
        Errors.required(request, "restore request");
        StoredTenant tenant = tenant(id);
        String service = Errors.required(request.service(), "service");
        if (!Set.of("mail", "files", "calendars", "contacts").contains(service)) {
            throw Errors.badRequest("service must be mail, files, calendars or contacts, not " + service);
        }
        String source = Errors.required(request.source(), "source");
        if (request.items() == null || request.items().isEmpty() || request.items().stream().anyMatch(i -> i == null
                || i.isBlank() || i.contains(","))) {
            throw Errors.badRequest("items must list at least one message or drive item id (ids without commas)");
        }
        Map<String, String> p = new HashMap<>(repository(request.destination(), request.passphraseFile(), request.passphrase()));
        p.put("service", service);
        p.put("source", source);
        p.put("items", String.join(",", request.items()));
        putIfGiven(p, "target", request.target());
        if (request.restorePoint() != null) {
            p.put("restorePoint", request.restorePoint().toString());
        }
        return submit(caller, tenant, TaskType.M365_RESTORE, p);
    }

    private static Map<String, String> repository(String destination, String passphraseFile, String passphrase) {
        Errors.required(destination, "destination");
        if ((blankToNull(passphraseFile) == null) == (blankToNull(passphrase) == null)) {
            throw Errors.badRequest("give either passphraseFile or passphrase");
        }
        Map<String, String> p = new HashMap<>();
        p.put("destination", destination);
        if (blankToNull(passphraseFile) != null) {
            p.put("passphraseFile", passphraseFile);
        } else {
            p.put("passphrase", passphrase);
        }
        return p;
    }

    private Task submit(Caller caller, StoredTenant tenant, TaskType type, Map<String, String> more) {
        Map<String, String> p = new HashMap<>(more);
        p.put("tenantId", tenant.tenantId());
        p.put("clientId", tenant.clientId());
        p.put("clientSecret", secrets.decrypt(tenant.id().toString(), tenant.sealedSecret()));
        if (tenant.graphUrl() != null) {
            p.put("graphUrl", tenant.graphUrl());
        }
        if (tenant.authorityUrl() != null) {
            p.put("authorityUrl", tenant.authorityUrl());
        }
        return tasks.submit(caller, new TaskRequest(type, tenant.nodeId(), p));
    }

    /** The tenant, 404 when there is none. */
    StoredTenant tenant(UUID id) {
        return store.find(id).orElseThrow(() -> Errors.notFound("No tenant " + id));
    }

    private static String url(String text, String name) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            URI uri = URI.create(text.strip());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw Errors.badRequest(name + " must be an http(s) URL, not " + text);
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw Errors.badRequest(name + " must be an http(s) URL, not " + text);
        }
    }

    private static void putIfGiven(Map<String, String> p, String name, String value) {
        if (blankToNull(value) != null) {
            p.put(name, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
