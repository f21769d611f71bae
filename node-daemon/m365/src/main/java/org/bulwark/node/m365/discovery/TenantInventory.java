package org.bulwark.node.m365.discovery;

import java.util.List;

/**
 * What a tenant holds, as discovered for the server's inventory.
 */
public record TenantInventory(List<User> users, List<Group> groups, List<Site> sites, List<Team> teams) {

    public TenantInventory {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        sites = List.copyOf(sites);
        teams = List.copyOf(teams);
    }

    /** A user (mailbox and OneDrive owner). */
    public record User(String id, String displayName, String userPrincipalName, String mail) {
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
