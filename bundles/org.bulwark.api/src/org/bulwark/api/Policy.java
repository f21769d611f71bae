package org.bulwark.api;

import java.util.List;
import java.util.UUID;

/**
 * What is protected, where, when and for how long.
 *
 * @param selectedVmIds the present VMs the policy covers now: chosen by hand or matched by its rules
 * @param commands the commands run on the node around each VM's export (never {@code null} from the server)
 * @see PolicyRequest
 */
public record Policy(UUID id, String name, List<UUID> vmIds, List<String> namePatterns, List<String> tags,
                     List<UUID> selectedVmIds, String destination, String passphraseFile, List<Schedule> schedules,
                     Retention retention, int fullEvery, boolean enabled, BackupCommands commands) {
    public Policy {
        vmIds = List.copyOf(vmIds);
        namePatterns = List.copyOf(namePatterns);
        tags = List.copyOf(tags);
        selectedVmIds = List.copyOf(selectedVmIds);
        schedules = List.copyOf(schedules);
    }

    /** A policy without pre/post commands. */
    public Policy(UUID id, String name, List<UUID> vmIds, List<String> namePatterns, List<String> tags,
                  List<UUID> selectedVmIds, String destination, String passphraseFile, List<Schedule> schedules,
                  Retention retention, int fullEvery, boolean enabled) {
        this(id, name, vmIds, namePatterns, tags, selectedVmIds, destination, passphraseFile, schedules, retention,
                fullEvery, enabled, BackupCommands.none());
    }
}
