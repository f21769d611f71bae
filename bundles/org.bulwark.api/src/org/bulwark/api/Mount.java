package org.bulwark.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An open mount: one disk of a restore point served by a node straight from the repository, as an NBD
 * export and as browsable file systems.
 *
 * @param id the mount's id (given by the node)
 * @param restorePointId the restore point mounted
 * @param disk the disk's catalog name such as {@code vda}
 * @param size the disk's size in bytes
 * @param nbdUri where the node serves the disk read-only ({@code nbd://127.0.0.1:PORT/NAME} on the node)
 * @param opened when the mount was opened
 * @param partitions the partitions found on the disk (number 0: a file system on the whole disk)
 */
public record Mount(UUID id, String restorePointId, UUID vmId, String vmName, String disk, long size, String nbdUri,
                    UUID nodeId, String nodeName, Instant opened, List<MountPartition> partitions) {
}
