package org.bulwark.node.m365;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.bulwark.node.api.ReadOnlyRoutes;
import org.bulwark.node.m365.metadata.ItemVersion;
import org.bulwark.node.vm.Parameters;
import org.bulwark.node.vm.RepositoryAccess;

/**
 * Browsing and downloads of a tenant's Microsoft 365 backups on the node's loopback task API (behind
 * its bearer token), for the server to tunnel to. All {@code GET}; every call names the repository
 * with {@code destination} and {@code passphraseFile} (absolute paths on the node: the passphrase
 * itself never travels in a URL, which may be logged, and a {@code passphrase} parameter is
 * refused), and {@code restorePoint} (a run id; default the latest):
 * <pre>
 * /m365/{tenantId}/list?list=messages&amp;owner=U&amp;folder=F   JSON {@link M365Tasks.Listing}, as M365_BROWSE
 * /m365/{tenantId}/eml?owner=USER&amp;item=MESSAGE             the message's MIME (message/rfc822)
 * /m365/{tenantId}/file?owner=DRIVE&amp;item=ITEM              the file's bytes (application/octet-stream)
 * /m365/{tenantId}/zip?owner=DRIVE&amp;folder=ITEM             the folder (default the root) as a zip (application/zip)
 * /m365/{tenantId}/ics?owner=USER&amp;item=EVENT | folder=CALENDAR   one event or a calendar (text/calendar)
 * /m365/{tenantId}/vcf?owner=USER&amp;item=CONTACT | folder=FOLDER   one contact or a contact folder (text/vcard)
 * </pre>
 * Errors are {@link org.bulwark.api.node.NodeError} JSON: 400 for a malformed request, 404 for an item or restore point
 * that does not exist, 500 when the repository cannot give the bytes. A failure after a download has
 * begun aborts the response, so a client never mistakes a cut-off file for a whole one.
 */
public final class M365Api implements HttpHandler {
    /** The context path. */
    public static final String PATH = "/m365";

    private final M365Tasks tasks;

    public M365Api(M365Tasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ReadOnlyRoutes.serve(exchange, "M365 download", this::route);
    }

    private void route(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            throw new IllegalArgumentException("M365 backups are read with GET only");
        }
        String[] parts = exchange.getRequestURI().getPath().substring(PATH.length()).split("/");
        if (parts.length != 3) {
            throw new FileNotFoundException("no endpoint " + exchange.getRequestURI().getPath());
        }
        String tenantId = parts[1];
        if (!tenantId.matches("[A-Za-z0-9._-]{1,128}") || tenantId.matches("\\.+")) {
            throw new IllegalArgumentException("not a tenant id: '" + tenantId + "'");
        }
        String what = "GET " + PATH + "/" + parts[2];
        Map<String, String> query = query(exchange);
        if (query.containsKey("passphrase")) {
            throw new IllegalArgumentException(what + ": a passphrase never goes into a URL; give passphraseFile");
        }
        Parameters p = new Parameters(what, query);
        p.required("passphraseFile");
        RepositoryAccess access = RepositoryAccess.of(p);
        switch (parts[2]) {
            case "list" -> {
                M365Tasks.BrowseQuery browse = M365Tasks.BrowseQuery.of(p, what);
                ReadOnlyRoutes.json(exchange, 200, tasks.read(tenantId, access, browse::list));
            }
            case "eml", "file" -> {
                String owner = p.required("owner");
                String item = p.required("item");
                Long point = M365Tasks.restorePoint(p, what);
                tasks.read(tenantId, access, browser -> {
                    long at = point != null ? point : browser.latest().id();
                    ItemVersion version = parts[2].equals("eml") ? browser.message(at, owner, item)
                            : browser.driveItem(at, owner, item);
                    if (!version.kind().equals(ItemVersion.Kinds.MESSAGE) && !version.kind().equals(ItemVersion.Kinds.FILE)) {
                        throw new IllegalArgumentException(item + " is a folder: download it with zip");
                    }
                    try (InputStream in = browser.content(version)) {
                        send(exchange, parts[2].equals("eml") ? "message/rfc822" : "application/octet-stream", in::transferTo);
                    }
                    return null;
                });
            }
            case "ics", "vcf" -> {
                String user = p.required("owner");
                String item = p.optional("item", null);
                String folder = p.optional("folder", null);
                if ((item == null) == (folder == null)) {
                    throw new IllegalArgumentException(what + " needs item (one " + (parts[2].equals("ics") ? "event" : "contact")
                            + ") or folder (a whole " + (parts[2].equals("ics") ? "calendar" : "contact folder") + "), not both");
                }
                Long point = M365Tasks.restorePoint(p, what);
                tasks.read(tenantId, access, browser -> {
                    long at = point != null ? point : browser.latest().id();
                    if (parts[2].equals("ics")) {
                        send(exchange, "text/calendar; charset=utf-8", out -> browser.exportIcs(at, user, folder, item, out));
                    } else {
                        send(exchange, "text/vcard; charset=utf-8", out -> browser.exportVcf(at, user, folder, item, out));
                    }
                    return null;
                });
            }
            case "zip" -> {
                String drive = p.required("owner");
                String folder = p.optional("folder", "");
                Long point = M365Tasks.restorePoint(p, what);
                tasks.read(tenantId, access, browser -> {
                    long at = point != null ? point : browser.latest().id();
                    if (!folder.isEmpty() && !browser.driveItem(at, drive, folder).kind().equals(ItemVersion.Kinds.DRIVE_FOLDER)) {
                        throw new IllegalArgumentException(folder + " is a file: download it with file");
                    }
                    send(exchange, "application/zip", out -> browser.exportZip(at, drive, folder, out));
                    return null;
                });
            }
            default -> throw new FileNotFoundException("no endpoint " + exchange.getRequestURI().getPath());
        }
    }

    /** Writes a body of unknown length. */
    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void send(HttpExchange exchange, String contentType, Body body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            body.write(out);
        }
    }

    /** The query's parameters, decoded; a parameter given twice is refused. */
    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new HashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException("query parameter " + name + " is given twice");
            }
        }
        return values;
    }
}
