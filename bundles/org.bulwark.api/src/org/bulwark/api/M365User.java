package org.bulwark.api;

import java.util.List;

/**
 * A user of a Microsoft 365 tenant (mailbox and OneDrive owner), as discovered.
 *
 * @param groupIds the groups the user is a member of, directly or through nested groups
 * @param skuIds   the SKU ids of the licenses assigned to the user
 */
public record M365User(String id, String displayName, String userPrincipalName, String mail, List<String> groupIds,
                       List<String> skuIds) {
    public M365User {
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        skuIds = skuIds == null ? List.of() : List.copyOf(skuIds);
    }

    /** A user without group or license information. */
    public M365User(String id, String displayName, String userPrincipalName, String mail) {
        this(id, displayName, userPrincipalName, mail, null, null);
    }
}
