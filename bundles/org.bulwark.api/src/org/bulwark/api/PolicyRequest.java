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
 * @param schedules schedule expressions, see {@link Schedule}
 * @param fullEvery every N-th backup of a VM is a full one (0: incremental whenever possible)
 */
public record PolicyRequest(String name, List<UUID> vmIds, List<String> namePatterns, List<String> tags,
                            String destination, String passphraseFile, List<String> schedules, Retention retention,
                            int fullEvery, boolean enabled) {
    public PolicyRequest {
        vmIds = vmIds == null ? List.of() : List.copyOf(vmIds);
        namePatterns = namePatterns == null ? List.of() : List.copyOf(namePatterns);
        tags = tags == null ? List.of() : List.copyOf(tags);
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
    }
}
