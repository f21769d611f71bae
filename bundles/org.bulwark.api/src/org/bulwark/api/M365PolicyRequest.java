package org.bulwark.api;

import java.util.List;

/**
 * Creates or replaces the protection policy of a tenant's users.
 *
 * @param userIds users chosen by hand (Graph user ids)
 * @param namePatterns glob patterns ({@code *}, {@code ?}, case-insensitive) on a user's principal name, mail or
 *                     display name; a user matching one is in the policy
 * @param destination repository folder on the tenant's node
 * @param passphraseFile file on the node holding the repository passphrase (the secret itself never reaches the server)
 * @param schedules schedule expressions, see {@link Schedule}
 * @param retention how long restore points are kept, as for VM policies
 * @param groups groups (by id or display name, case-insensitive) whose members, direct or through nested groups,
 *               are in the policy
 * @param licenses licenses (by SKU id or part number such as {@code ENTERPRISEPACK}, case-insensitive) whose
 *                 holders are in the policy
 */
public record M365PolicyRequest(String name, List<String> userIds, List<String> namePatterns, String destination,
                                String passphraseFile, List<String> schedules, Retention retention, boolean enabled,
                                List<String> groups, List<String> licenses) {
    public M365PolicyRequest {
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        namePatterns = namePatterns == null ? List.of() : List.copyOf(namePatterns);
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
        groups = groups == null ? List.of() : List.copyOf(groups);
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
    }

    /** A policy that chooses users by hand and by name patterns only. */
    public M365PolicyRequest(String name, List<String> userIds, List<String> namePatterns, String destination,
                             String passphraseFile, List<String> schedules, Retention retention, boolean enabled) {
        this(name, userIds, namePatterns, destination, passphraseFile, schedules, retention, enabled, null, null);
    }
}
