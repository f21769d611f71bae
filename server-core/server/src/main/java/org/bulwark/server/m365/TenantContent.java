package org.bulwark.server.m365;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bulwark.api.M365Item;
import org.bulwark.server.errors.Errors;
import org.bulwark.server.fleet.NodeFailures;
import org.bulwark.server.node.NodeException;
import org.bulwark.server.node.NodeGateway;

/**
 * Browsing and downloads of a tenant's restore points, read on the node that made them through
 * its {@code /m365} API (tunnelled by the {@link NodeGateway}) and streamed to the caller. The
 * repository is named by its destination and passphrase file on that node: no secret goes into the
 * node's URL. 404 for an item or restore point that does not exist, 400 for a request the node
 * refuses (a folder downloaded as a file...), 502 when the node cannot be asked.
 */
public final class TenantContent {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final TenantProtection protection;
    private final TenantService tenants;
    private final NodeGateway gateway;

    public TenantContent(TenantProtection protection, TenantService tenants, NodeGateway gateway) {
        this.protection = protection;
        this.tenants = tenants;
        this.gateway = gateway;
    }

    /**
     * A listing: {@code mailboxes}, {@code drives}, {@code mailFolders}, {@code messages}, {@code children}, {@code calendars},
     * {@code events}, {@code contactFolders}, {@code contacts}, {@code search}.
     */
    public List<M365Item> list(UUID tenantId, long point, String list, Map<String, String> more) {
        Map<String, String> query = new LinkedHashMap<>(more);
        query.put("list", list);
        try (InputStream in = open(tenantId, point, "list", query)) {
            JsonNode entries = JSON.readTree(in).path("entries");
            List<M365Item> items = new ArrayList<>();
            for (JsonNode entry : entries) {
                items.add(JSON.treeToValue(entry, M365Item.class));
            }
            return items;
        } catch (IOException e) {
            throw Errors.nodeUnreachable("The listing of restore point " + point + " broke off: " + e.getMessage());
        }
    }

    /** A message's MIME. */
    public InputStream eml(UUID tenantId, long point, String user, String message) {
        return open(tenantId, point, "eml", Map.of("owner", required(user, "user"), "item", required(message, "message")));
    }

    /** A file's bytes. */
    public InputStream file(UUID tenantId, long point, String drive, String item) {
        return open(tenantId, point, "file", Map.of("owner", required(drive, "drive"), "item", required(item, "item")));
    }

    /** A drive folder ({@code null}: the root) as a zip. */
    public InputStream zip(UUID tenantId, long point, String drive, String folder) {
        return open(tenantId, point, "zip", Map.of("owner", required(drive, "drive"), "folder", folder == null ? "" : folder));
    }

    /** One event or a whole calendar as iCalendar: exactly one of {@code calendar} and {@code event}. */
    public InputStream ics(UUID tenantId, long point, String user, String calendar, String event) {
        return open(tenantId, point, "ics", itemOrFolder(user, calendar, event, "calendar", "event"));
    }

    /** One contact or a whole contact folder as vCards: exactly one of {@code folder} and {@code contact}. */
    public InputStream vcf(UUID tenantId, long point, String user, String folder, String contact) {
        return open(tenantId, point, "vcf", itemOrFolder(user, folder, contact, "folder", "contact"));
    }

    private static Map<String, String> itemOrFolder(String user, String folder, String item, String folderName, String itemName) {
        boolean noFolder = folder == null || folder.isBlank();
        if (noFolder == (item == null || item.isBlank())) {
            throw Errors.badRequest("give " + itemName + " or " + folderName + ", not both");
        }
        return noFolder ? Map.of("owner", required(user, "user"), "item", item) : Map.of("owner", required(user, "user"), "folder", folder);
    }

    private InputStream open(UUID tenantId, long pointId, String call, Map<String, String> more) {
        StoredM365Point point = protection.point(tenantId, pointId);
        StoredTenant tenant = tenants.tenant(tenantId);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("destination", point.destination());
        query.put("passphraseFile", point.passphraseFile());
        query.put("restorePoint", Long.toString(point.id()));
        query.putAll(more);
        StringBuilder path = new StringBuilder("/m365/").append(tenant.tenantId()).append('/').append(call);
        char separator = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            path.append(separator).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        try {
            return gateway.get(point.nodeId(), path.toString());
        } catch (NodeException e) {
            throw switch (e.reason()) {
                case NOT_FOUND -> Errors.notFound(e.getMessage());
                case REJECTED -> Errors.badRequest(e.getMessage());
                default -> NodeFailures.toApi(point.nodeId().toString(), e);
            };
        }
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw Errors.badRequest(name + " is required");
        }
        return value;
    }
}
