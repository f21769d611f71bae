package org.bulwark.server.workflow;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.bulwark.api.TaskType;

/**
 * What a queued task is for, so its outcome can be applied when it ends.
 *
 * @param subjectId the hypervisor (for a sync), the mount (for an unmount), the tenant (for Microsoft 365 purposes)
 *                  or the VM (for the others)
 * @param policyId the policy of a backup, {@code null} on demand
 * @param destination the repository of a backup (or of the restore point restored, forgotten or mounted)
 * @param next a task to queue once this one succeeded (an IMPORT after a RESTORE), on the same node; {@code null} for none
 * @param nextParameters the parameters of {@code next}; for an M365 backup, what its restore point keeps of the
 *                       repository access ({@code passphraseFile})
 * @param notAfter for a scheduled backup with a time window: when the window closes (the task must not
 *                 start later); {@code null} for none
 * @param window that window as written ({@code 22:00-06:00}), for the reason given when it closed
 */
public record TaskLink(UUID taskId, Purpose purpose, UUID subjectId, UUID policyId, String destination, TaskType next,
                       Map<String, String> nextParameters, Instant notAfter, String window) {

    /** Why a task was queued. */
    public enum Purpose { SYNC, BACKUP, RESTORE, IMPORT, SNAPSHOT, FORGET, MOUNT, UNMOUNT, M365_BACKUP, M365_PRUNE }

    public TaskLink {
        nextParameters = nextParameters == null ? Map.of() : Map.copyOf(nextParameters);
    }

    /** A link without a window. */
    public TaskLink(UUID taskId, Purpose purpose, UUID subjectId, UUID policyId, String destination, TaskType next,
                    Map<String, String> nextParameters) {
        this(taskId, purpose, subjectId, policyId, destination, next, nextParameters, null, null);
    }

    @Override
    public String toString() {
        return "TaskLink[taskId=" + taskId + ", purpose=" + purpose + ", subjectId=" + subjectId + ", policyId=" + policyId
                + ", next=" + next + ", nextParameters=" + org.bulwark.api.Secrets.masked(nextParameters) + ", notAfter=" + notAfter
                + ", window=" + window + "]";
    }
}
