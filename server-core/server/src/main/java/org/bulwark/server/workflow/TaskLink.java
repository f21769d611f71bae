package org.bulwark.server.workflow;

import java.util.Map;
import java.util.UUID;
import org.bulwark.api.TaskType;

/**
 * What a queued task is for, so its outcome can be applied when it ends.
 *
 * @param subjectId the hypervisor (for a sync), the mount (for an unmount) or the VM (for the others)
 * @param policyId the policy of a backup, {@code null} on demand
 * @param destination the repository of a backup (or of the restore point restored, forgotten or mounted)
 * @param next a task to queue once this one succeeded (an IMPORT after a RESTORE), on the same node; {@code null} for none
 * @param nextParameters the parameters of {@code next}
 */
public record TaskLink(UUID taskId, Purpose purpose, UUID subjectId, UUID policyId, String destination, TaskType next,
                       Map<String, String> nextParameters) {

    /** Why a task was queued. */
    public enum Purpose { SYNC, BACKUP, RESTORE, IMPORT, SNAPSHOT, FORGET, MOUNT, UNMOUNT }

    public TaskLink {
        nextParameters = nextParameters == null ? Map.of() : Map.copyOf(nextParameters);
    }

    @Override
    public String toString() {
        return "TaskLink[taskId=" + taskId + ", purpose=" + purpose + ", subjectId=" + subjectId + ", policyId=" + policyId
                + ", next=" + next + ", nextParameters=" + org.bulwark.api.Secrets.masked(nextParameters) + "]";
    }
}
