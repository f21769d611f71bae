package org.bulwark.server.m365;

import java.util.List;
import java.util.Map;
import org.bulwark.api.M365User;

/**
 * A tenant's last discovery as the policies' rules see it: the users (with their groups and
 * licenses), the names of the groups by id, and the part numbers of the licenses by SKU id.
 */
public record TenantDirectory(List<M365User> users, Map<String, String> groupNames, Map<String, String> licenseNames) {
    public TenantDirectory {
        users = List.copyOf(users);
        groupNames = Map.copyOf(groupNames);
        licenseNames = Map.copyOf(licenseNames);
    }

    /** Nothing discovered yet. */
    public static final TenantDirectory EMPTY = new TenantDirectory(List.of(), Map.of(), Map.of());
}
