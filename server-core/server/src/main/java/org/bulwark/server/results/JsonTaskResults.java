package org.bulwark.server.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.MountPartition;
import org.bulwark.api.VmDisk;
import org.bulwark.server.inventory.ReportedVm;
import org.bulwark.server.workflow.TaskResults;

/** Reads the JSON results of the node's KVM tasks (formats in {@code node-daemon/node/README.md}). */
public final class JsonTaskResults implements TaskResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public List<ReportedVm> inventory(String json) {
        JsonNode root = parse(json, "INVENTORY");
        if (!root.isArray()) {
            throw new IllegalArgumentException("An INVENTORY result is a list of VMs");
        }
        List<ReportedVm> vms = new ArrayList<>();
        for (JsonNode vm : root) {
            List<VmDisk> disks = new ArrayList<>();
            for (JsonNode disk : vm.path("disks")) {
                disks.add(new VmDisk(text(disk, "target"), text(disk, "path"), text(disk, "format"),
                        disk.path("virtualSize").asLong()));
            }
            List<String> tags = new ArrayList<>();
            vm.path("tags").forEach(tag -> tags.add(tag.asText()));
            vms.add(new ReportedVm(required(vm, "name"), required(vm, "uuid"), text(vm, "state"), vm.path("vcpus").asInt(),
                    vm.path("memoryBytes").asLong(), disks, tags));
        }
        return vms;
    }

    @Override
    public Backup backup(String json) {
        JsonNode root = parse(json, "BACKUP");
        return new Backup(required(root, "restorePoint"), text(root, "kind"), root.path("bytesRead").asLong(),
                root.path("bytesWritten").asLong(), root.path("logicalBytes").asLong());
    }

    @Override
    public List<String> forgotten(String json) {
        JsonNode removed = parse(json, "FORGET").path("removed");
        if (!removed.isArray()) {
            throw new IllegalArgumentException("The FORGET result lists no removed restore points");
        }
        List<String> ids = new ArrayList<>();
        removed.forEach(id -> ids.add(id.asText()));
        return ids;
    }

    @Override
    public Mounted mounted(String json) {
        JsonNode root = parse(json, "MOUNT");
        JsonNode mount = root.path("mount");
        List<MountPartition> partitions = new ArrayList<>();
        for (JsonNode p : root.path("partitions")) {
            partitions.add(new MountPartition(p.path("number").asInt(), text(p, "scheme"), text(p, "type"), text(p, "name"),
                    p.path("offset").asLong(), p.path("length").asLong(), text(p, "fileSystem")));
        }
        try {
            return new Mounted(UUID.fromString(required(mount, "id")), required(mount, "restorePoint"), text(mount, "disk"),
                    mount.path("size").asLong(), text(mount, "nbdUri"), Instant.parse(required(mount, "opened")), partitions);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The MOUNT result's opened is not an instant: " + e.getParsedString(), e);
        }
    }

    private static JsonNode parse(String json, String type) {
        if (json == null) {
            throw new IllegalArgumentException("The " + type + " task has no result");
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The " + type + " result is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The result has no " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
