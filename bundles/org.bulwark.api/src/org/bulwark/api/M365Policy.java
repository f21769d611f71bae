package org.bulwark.api;

import java.util.List;
import java.util.UUID;

/**
 * What of a tenant is protected, where, when and for how long.
 *
 * @param tenant the tenant's registration ({@link M365Tenant#id()})
 * @param selectedUserIds the users the policy covers now (chosen by hand or matched by its rules), from the
 *                        tenant's last discovery; empty before one succeeded
 * @param groups and {@code licenses}: the group and license rules, see {@link M365PolicyRequest}
 * @see M365PolicyRequest
 */
public record M365Policy(UUID id, UUID tenant, String name, List<String> userIds, List<String> namePatterns,
                         List<String> selectedUserIds, String destination, String passphraseFile, List<Schedule> schedules,
                         Retention retention, boolean enabled, List<String> groups, List<String> licenses) {
    public M365Policy {
        userIds = List.copyOf(userIds);
        namePatterns = List.copyOf(namePatterns);
        selectedUserIds = List.copyOf(selectedUserIds);
        schedules = List.copyOf(schedules);
        groups = groups == null ? List.of() : List.copyOf(groups);
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
    }
}
