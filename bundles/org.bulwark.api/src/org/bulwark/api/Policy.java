package org.bulwark.api;

import java.util.List;
import java.util.UUID;

/**
 * What is protected, where, when and for how long.
 *
 * @param selectedVmIds the present VMs the policy covers now: chosen by hand or matched by its rules
 * @see PolicyRequest
 */
public record Policy(UUID id, String name, List<UUID> vmIds, List<String> namePatterns, List<String> tags,
                     List<UUID> selectedVmIds, String destination, String passphraseFile, List<Schedule> schedules,
                     Retention retention, int fullEvery, boolean enabled) {
    public Policy {
        vmIds = List.copyOf(vmIds);
        namePatterns = List.copyOf(namePatterns);
        tags = List.copyOf(tags);
        selectedVmIds = List.copyOf(selectedVmIds);
        schedules = List.copyOf(schedules);
    }
}
