package org.bulwark.node.m365.discovery;

import java.util.List;

/**
 * What a tenant holds, as discovered for the server's inventory.
 */
public record TenantInventory(List<User> users, List<Group> groups, List<Site> sites, List<Team> teams, List<License> licenses) {

    public TenantInventory {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        sites = List.copyOf(sites);
        teams = List.copyOf(teams);
        licenses = List.copyOf(licenses);
    }

    /**
     * A user (mailbox and OneDrive owner).
     *
     * @param groupIds the groups the user is a member of, directly or through nested groups (empty when not asked for)
     * @param skuIds   the SKU ids of the licenses assigned to the user
     */
    public record User(String id, String displayName, String userPrincipalName, String mail, List<String> groupIds,
                       List<String> skuIds) {
        public User {
            groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
            skuIds = skuIds == null ? List.of() : List.copyOf(skuIds);
        }

        /** The same user with its group memberships. */
        public User withGroups(List<String> ids) {
            return new User(id, displayName, userPrincipalName, mail, ids, skuIds);
        }
    }

    /** A license the tenant subscribes to: its SKU id and part number (such as {@code ENTERPRISEPACK}). */
    public record License(String skuId, String skuPartNumber) {
    }

    /** A Microsoft 365 or security group. */
    public record Group(String id, String displayName, String mail) {
    }

    /** A SharePoint site. */
    public record Site(String id, String displayName, String webUrl) {
    }

    /** A team. */
    public record Team(String id, String displayName) {
    }
}
