package org.bulwark.server.policy;

import java.util.List;
import java.util.UUID;
import org.bulwark.api.BackupCommands;
import org.bulwark.api.Retention;

/** A policy as stored; its schedules live in the schedule store. */
public record StoredPolicy(UUID id, String name, List<UUID> vmIds, List<String> namePatterns, List<String> tags,
                           String destination, String passphraseFile, Retention retention, int fullEvery,
                           boolean enabled, BackupCommands commands) {
    public StoredPolicy {
        commands = commands == null ? BackupCommands.none() : commands;
        vmIds = List.copyOf(vmIds);
        namePatterns = List.copyOf(namePatterns);
        tags = List.copyOf(tags);
    }
}
