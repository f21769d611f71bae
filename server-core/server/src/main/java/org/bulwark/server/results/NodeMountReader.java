package org.bulwark.server.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bulwark.api.MountEntry;
import org.bulwark.server.mount.MountReader;
import org.bulwark.server.node.NodeException;
import org.bulwark.server.node.NodeGateway;

/**
 * {@link MountReader} over the node's mount API ({@code /mounts/...}, formats in
 * {@code node-daemon/mount/README.md}) through the {@link NodeGateway}.
 */
public final class NodeMountReader implements MountReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeGateway gateway;

    public NodeMountReader(NodeGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Set<UUID> open(UUID nodeId) throws NodeException {
        Set<UUID> ids = new HashSet<>();
        for (JsonNode mount : json(nodeId, "/mounts")) {
            ids.add(UUID.fromString(mount.path("id").asText()));
        }
        return ids;
    }

    @Override
    public List<MountEntry> list(UUID nodeId, UUID mountId, int partition, String path) throws NodeException {
        List<MountEntry> entries = new ArrayList<>();
        for (JsonNode file : json(nodeId, base(mountId, partition, "list") + q(path))) {
            entries.add(entry(file.path("name").asText(), child(path, file.path("name").asText()), file));
        }
        return entries;
    }

    @Override
    public List<MountEntry> search(UUID nodeId, UUID mountId, int partition, String under, String namePart, int limit)
            throws NodeException {
        List<MountEntry> entries = new ArrayList<>();
        String query = base(mountId, partition, "search") + q(under) + "&name=" + encode(namePart) + "&limit=" + limit;
        for (JsonNode found : json(nodeId, query)) {
            entries.add(entry(found.path("file").path("name").asText(), found.path("path").asText(), found.path("file")));
        }
        return entries;
    }

    @Override
    public MountEntry stat(UUID nodeId, UUID mountId, int partition, String path) throws NodeException {
        JsonNode file = json(nodeId, base(mountId, partition, "stat") + q(path));
        return entry(path.equals("/") ? "/" : path.substring(path.lastIndexOf('/') + 1), path, file);
    }

    @Override
    public InputStream file(UUID nodeId, UUID mountId, int partition, String path) throws NodeException {
        return gateway.get(nodeId, base(mountId, partition, "file") + q(path));
    }

    @Override
    public InputStream zip(UUID nodeId, UUID mountId, int partition, String path) throws NodeException {
        return gateway.get(nodeId, base(mountId, partition, "zip") + q(path));
    }

    private JsonNode json(UUID nodeId, String pathAndQuery) throws NodeException {
        try (InputStream in = gateway.get(nodeId, pathAndQuery)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new NodeException(NodeException.Reason.FAILED, "the node's answer to " + pathAndQuery.split("\\?", 2)[0]
                    + " could not be read: " + e.getMessage(), e);
        }
    }

    private static MountEntry entry(String name, String path, JsonNode file) {
        String mtime = file.path("mtime").asText(null);
        return new MountEntry(name, path, file.path("type").asText(), file.path("size").asLong(),
                mtime == null ? null : Instant.parse(mtime), file.path("mode").asInt(), file.path("linkTarget").asText(""));
    }

    private static String child(String folder, String name) {
        return folder.endsWith("/") ? folder + name : folder + "/" + name;
    }

    private static String base(UUID mountId, int partition, String action) {
        return "/mounts/" + mountId + "/partitions/" + partition + "/" + action;
    }

    private static String q(String path) {
        return "?path=" + encode(path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
