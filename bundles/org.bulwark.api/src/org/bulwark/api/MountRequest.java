package org.bulwark.api;

/**
 * Mounts one disk of a restore point for file-level restore.
 *
 * @param restorePointId the restore point (backup id)
 * @param disk the disk's catalog name such as {@code vda}; {@code null} for the first disk
 */
public record MountRequest(String restorePointId, String disk) {
}
