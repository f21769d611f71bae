package org.bulwark.api;

/**
 * Mounts one disk of a restore point for file-level restore.
 *
 * @param restorePointId the restore point (backup id)
 * @param disk the disk's catalog name such as {@code vda}; {@code null} for the first disk
 * @param passphrase the repository passphrase of a restore point backed up on demand with a typed
 *                   passphrase; {@code null} for a policy's restore point (its passphrase file opens
 *                   it). Handed to the node with the MOUNT task only: never logged, never stored
 *                   with the mount, masked in {@link #toString()}.
 */
public record MountRequest(String restorePointId, String disk, String passphrase) {

    /** A mount without a passphrase (a policy's restore point, or an unencrypted repository). */
    public MountRequest(String restorePointId, String disk) {
        this(restorePointId, disk, null);
    }

    @Override
    public String toString() {
        return "MountRequest[restorePointId=" + restorePointId + ", disk=" + disk + ", passphrase="
                + (passphrase == null ? null : "***") + "]";
    }
}
