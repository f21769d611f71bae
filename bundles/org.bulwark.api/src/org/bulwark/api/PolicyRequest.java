package org.bulwark.api;

import java.util.List;
import java.util.UUID;

/**
 * Creates or replaces a policy.
 *
 * @param vmIds VMs chosen by hand
 * @param namePatterns glob patterns ({@code *}, {@code ?}) on VM names; a VM matching one is in the policy
 * @param tags a VM carrying one of these tags is in the policy
 * @param destination repository folder on the node
 * @param passphraseFile file on the node holding the repository passphrase (the secret itself never reaches the server)
 * @param schedules schedule expressions, each with an optional time window, see {@link Schedule}
 * @param fullEvery every N-th backup of a VM is a full one (0: incremental whenever possible)
 * @param commands commands run on the node before and after the export of each VM ({@code null}: none);
 *                 they run as the node daemon's user, so only administrators may set or change them
 */
public record PolicyRequest(String name, List<UUID> vmIds, List<String> namePatterns, List<String> tags,
                            String destination, String passphraseFile, List<String> schedules, Retention retention,
                            int fullEvery, boolean enabled, BackupCommands commands) {
    public PolicyRequest {
        vmIds = vmIds == null ? List.of() : List.copyOf(vmIds);
        namePatterns = namePatterns == null ? List.of() : List.copyOf(namePatterns);
        tags = tags == null ? List.of() : List.copyOf(tags);
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
    }

    /** A policy without pre/post commands. */
    public PolicyRequest(String name, List<UUID> vmIds, List<String> namePatterns, List<String> tags, String destination,
                         String passphraseFile, List<String> schedules, Retention retention, int fullEvery, boolean enabled) {
        this(name, vmIds, namePatterns, tags, destination, passphraseFile, schedules, retention, fullEvery, enabled, null);
    }
}
