package org.bulwark.node.mount;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.bulwark.node.api.ReadOnlyRoutes;
import org.bulwark.node.Numbers;
import org.bulwark.node.mount.fs.FileInfo;
import org.bulwark.node.mount.fs.Partition;

/**
 * Browsing and downloads of mounted restore points on the node's loopback task API (behind its
 * bearer token), for the server to tunnel to. All {@code GET}; {@code path} is a guest path, URL-encoded:
 * <pre>
 * /mounts                                           JSON list of MountSession.Info
 * /mounts/{id}                                      JSON MountTasks.Mounted (the mount and its partitions)
 * /mounts/{id}/partitions/{n}/list?path=/etc        JSON list of FileInfo
 * /mounts/{id}/partitions/{n}/stat?path=/etc/hosts  JSON FileInfo of that path
 * /mounts/{id}/partitions/{n}/search?path=/&amp;name=host&amp;limit=100
 *                                                   JSON list of MountSession.Found: names containing
 *                                                   {@code name} ignoring case, below {@code path}
 * /mounts/{id}/partitions/{n}/file?path=/etc/hosts  the file's bytes (application/octet-stream)
 * /mounts/{id}/partitions/{n}/zip?path=/etc         the folder as a zip (application/zip)
 * </pre>
 * {@code path} is absolute. Errors are {@link org.bulwark.api.node.NodeError} JSON: 400 bad request (a relative path, a
 * file where a folder is wanted or the reverse, a partition without a browsable file system), 404 no
 * such mount, partition or path, 500 when the repository cannot give the bytes (a damaged chunk). A failure after a download has begun
 * aborts the response, so a client never mistakes a cut-off file for a whole one.
 */
public final class MountApi implements HttpHandler {
    /** The context path. */
    public static final String PATH = "/mounts";
    /** Most entries a search answers. */
    public static final int MAX_FOUND = 1000;

    private final MountService service;

    public MountApi(MountService service) {
        this.service = service;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ReadOnlyRoutes.serve(exchange, "download from a mount", this::route);
    }

    private void route(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            throw new IllegalArgumentException("mounts are read with GET only");
        }
        String[] parts = exchange.getRequestURI().getPath().substring(PATH.length()).split("/");
        if (parts.length <= 1) {
            ReadOnlyRoutes.json(exchange, 200, service.list());
            return;
        }
        MountSession mount = mount(parts[1]);
        if (parts.length == 2) {
            ReadOnlyRoutes.json(exchange, 200, new MountTasks.Mounted(mount.info(), mount.partitions()));
            return;
        }
        if (parts.length != 5 || !parts[2].equals("partitions")) {
            throw new FileNotFoundException("no endpoint " + exchange.getRequestURI().getPath());
        }
        int partition;
        try {
            partition = Integer.parseInt(parts[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a partition number: '" + parts[3] + "'", e);
        }
        partition(mount, partition);
        String path = query(exchange, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must be absolute, not '" + path + "'");
        }
        switch (parts[4]) {
            case "list" -> {
                expect(mount.stat(partition, path), FileInfo.FileType.DIRECTORY, path);
                ReadOnlyRoutes.json(exchange, 200, mount.list(partition, path));
            }
            case "stat" -> ReadOnlyRoutes.json(exchange, 200, mount.stat(partition, path));
            case "search" -> {
                expect(mount.stat(partition, path), FileInfo.FileType.DIRECTORY, path);
                String name = query(exchange, "name");
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("query parameter name must not be empty");
                }
                int limit = Numbers.parse("query parameter limit", optionalQuery(exchange, "limit"), MAX_FOUND, 1, MAX_FOUND);
                ReadOnlyRoutes.json(exchange, 200, mount.search(partition, path, name, limit));
            }
            case "file" -> {
                FileInfo info = expect(mount.stat(partition, path), FileInfo.FileType.FILE, path);
                try (InputStream in = mount.open(partition, path)) {
                    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                    exchange.sendResponseHeaders(200, info.size() == 0 ? -1 : info.size());
                    try (OutputStream out = exchange.getResponseBody()) {
                        in.transferTo(out);
                    }
                }
            }
            case "zip" -> {
                expect(mount.stat(partition, path), FileInfo.FileType.DIRECTORY, path);
                exchange.getResponseHeaders().set("Content-Type", "application/zip");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    mount.zip(partition, path, out);
                }
            }
            default -> throw new FileNotFoundException("no endpoint " + exchange.getRequestURI().getPath());
        }
    }

    private static void partition(MountSession mount, int number) throws FileNotFoundException {
        Partition p = mount.partitions().stream().filter(x -> x.number() == number).findFirst()
                .orElseThrow(() -> new FileNotFoundException("no partition " + number + " on " + mount.info().disk()));
        if (!p.browsable()) {
            throw new IllegalArgumentException("partition " + number + " holds no file system this node can browse ("
                    + p.fileSystem() + ")");
        }
    }

    private static FileInfo expect(FileInfo info, FileInfo.FileType type, String path) {
        if (info.type() != type) {
            throw new IllegalArgumentException(path + (type == FileInfo.FileType.DIRECTORY ? " is not a folder" : " is not a regular file"));
        }
        return info;
    }

    private MountSession mount(String id) throws FileNotFoundException {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a mount id: '" + id + "'", e);
        }
        return service.find(uuid).orElseThrow(() -> new FileNotFoundException("no mount " + uuid + " on this node"));
    }

    private static String query(HttpExchange exchange, String name) {
        String value = optionalQuery(exchange, name);
        if (value == null) {
            throw new IllegalArgumentException("query parameter " + name + " is required");
        }
        return value;
    }

    private static String optionalQuery(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }
}
