package org.bulwark.server.m365;

import java.util.List;
import java.util.UUID;
import org.bulwark.api.Retention;

/**
 * A tenant's protection policy as stored; its schedules live in the schedule store.
 *
 * @param groups   group rules: group ids or display names
 * @param licenses license rules: SKU ids or part numbers
 */
public record StoredM365Policy(UUID id, UUID tenant, String name, List<String> userIds, List<String> namePatterns,
                               List<String> groups, List<String> licenses, String destination, String passphraseFile,
                               Retention retention, boolean enabled) {
    public StoredM365Policy {
        userIds = List.copyOf(userIds);
        namePatterns = List.copyOf(namePatterns);
        groups = List.copyOf(groups);
        licenses = List.copyOf(licenses);
    }
}
