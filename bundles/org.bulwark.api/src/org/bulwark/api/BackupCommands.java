package org.bulwark.api;

import java.util.List;

/**
 * Commands a policy runs on the node around the export of each VM it backs up. Each command is an
 * argument list (program, then its arguments), started directly without a shell, so no word of it is
 * ever interpreted; an empty list runs nothing. Both run as the node daemon's operating-system user,
 * with its rights: that is why only administrators may set them.
 *
 * <p>Environment: {@code BULWARK_VM_NAME}, {@code BULWARK_VM_UUID}, {@code BULWARK_PHASE} ({@code pre}
 * or {@code post}); the post command also gets {@code BULWARK_OUTCOME} ({@code success} or
 * {@code failure}), then {@code BULWARK_RESTORE_POINT} or {@code BULWARK_ERROR}.
 *
 * @param pre runs before the export; a non-zero exit (or the timeout) fails the backup, whose log shows
 *            the exit code and the end of its standard error
 * @param post runs after the backup, whether it succeeded or failed; a failure is a warning in the task log
 * @param timeoutSeconds how long each command may run before it is killed (1–86400; 0 means the default, 600)
 */
public record BackupCommands(List<String> pre, List<String> post, int timeoutSeconds) {
    /** The timeout when none is given. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 600;
    /** The longest timeout accepted. */
    public static final int MAX_TIMEOUT_SECONDS = 86_400;

    public BackupCommands {
        pre = pre == null ? List.of() : List.copyOf(pre);
        post = post == null ? List.of() : List.copyOf(post);
    }

    /** No commands. */
    public static BackupCommands none() {
        return new BackupCommands(List.of(), List.of(), 0);
    }

    /** Whether neither command is set. */
    public boolean runsNothing() {
        return pre.isEmpty() && post.isEmpty();
    }

    /** The timeout in effect: {@code timeoutSeconds}, or the default when 0. */
    public int effectiveTimeoutSeconds() {
        return timeoutSeconds == 0 ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    }
}
