package org.bulwark.node.m365.graphlocal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The directory side of the local tenant: groups with members (users or nested groups), the
 * licenses the tenant subscribes to and those assigned to users. Besides the groups added here,
 * every user is a member of the built-in group {@value #EVERYONE_ID} ("Everyone").
 * {@link LocalGraphService} serves it as {@code /groups}, {@code /users/{id}/transitiveMemberOf},
 * {@code /subscribedSkus} and the users' {@code assignedLicenses}.
 */
public final class Directory {

    public static final String EVERYONE_ID = "group-all";

    private final String tenantId;
    private final Map<String, String> groupNames = new LinkedHashMap<>();
    private final Map<String, Set<String>> members = new LinkedHashMap<>();
    private final Map<String, String> skus = new LinkedHashMap<>();
    private final Map<String, Set<String>> assigned = new LinkedHashMap<>();
    private int groups;

    Directory(String tenantId) {
        this.tenantId = tenantId;
        groupNames.put(EVERYONE_ID, "Everyone");
    }

    /** Adds a group; returns its id. */
    public synchronized String addGroup(String displayName) {
        String id = "group-" + (++groups);
        groupNames.put(id, displayName);
        members.put(id, new LinkedHashSet<>());
        return id;
    }

    /** Makes a user or a group a direct member of a group. */
    public synchronized void addMember(String groupId, String memberId) {
        requireGroup(groupId).add(memberId);
    }

    public synchronized void removeMember(String groupId, String memberId) {
        requireGroup(groupId).remove(memberId);
    }

    /** Subscribes the tenant to a license; returns its SKU id (a GUID derived from the part number). */
    public synchronized String addSku(String skuPartNumber) {
        String id = UUID.nameUUIDFromBytes(skuPartNumber.getBytes(StandardCharsets.UTF_8)).toString();
        skus.put(id, skuPartNumber);
        return id;
    }

    public synchronized void assignLicense(String userId, String skuId) {
        if (!skus.containsKey(skuId)) {
            throw new IllegalArgumentException("the tenant has no license " + skuId);
        }
        assigned.computeIfAbsent(userId, u -> new LinkedHashSet<>()).add(skuId);
    }

    private Set<String> requireGroup(String groupId) {
        Set<String> m = members.get(groupId);
        if (m == null) {
            throw new IllegalArgumentException("no group " + groupId + " (Everyone's members cannot be changed)");
        }
        return m;
    }

    synchronized List<Map<String, Object>> groupsJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        groupNames.forEach((id, name) -> out.add(group(id, name)));
        return out;
    }

    /** The groups a user is in, directly or through nested groups; Everyone first. */
    synchronized List<Map<String, Object>> memberOfJson(String userId) {
        Set<String> in = new LinkedHashSet<>();
        in.add(EVERYONE_ID);
        Deque<String> todo = new ArrayDeque<>(List.of(userId));
        while (!todo.isEmpty()) {
            String member = todo.pop();
            members.forEach((group, m) -> {
                if (m.contains(member) && in.add(group)) {
                    todo.push(group);
                }
            });
        }
        return in.stream().map(id -> group(id, groupNames.get(id))).toList();
    }

    synchronized List<Map<String, Object>> assignedLicensesJson(String userId) {
        return assigned.getOrDefault(userId, Set.of()).stream()
                .map(id -> (Map<String, Object>) new LinkedHashMap<String, Object>(Map.of("skuId", id, "disabledPlans", List.of())))
                .toList();
    }

    synchronized List<Map<String, Object>> skusJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        skus.forEach((id, part) -> {
            long used = assigned.values().stream().filter(s -> s.contains(id)).count();
            out.add(new LinkedHashMap<>(Map.of("skuId", id, "skuPartNumber", part, "consumedUnits", used,
                    "capabilityStatus", "Enabled")));
        });
        return out;
    }

    private Map<String, Object> group(String id, String name) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("@odata.type", "#microsoft.graph.group");
        g.put("id", id);
        g.put("displayName", name);
        g.put("mail", name.toLowerCase().replace(' ', '-') + "@" + tenantId);
        return g;
    }
}
