package org.bulwark.server.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.MountPartition;
import org.bulwark.server.inventory.ReportedVm;

/** Reads the JSON results of node tasks (a port; the adapter holds the JSON parser). */
public interface TaskResults {

    /** What a BACKUP task made. */
    record Backup(String restorePoint, String kind, long bytesRead, long bytesWritten, long logicalBytes) {
    }

    /** What a MOUNT task opened. */
    record Mounted(UUID id, String restorePoint, String disk, long size, String nbdUri, Instant opened,
                   List<MountPartition> partitions) {
    }

    /** The VMs of an INVENTORY result; {@link IllegalArgumentException} when it is not one. */
    List<ReportedVm> inventory(String json);

    /** The restore point of a BACKUP result; {@link IllegalArgumentException} when it is not one. */
    Backup backup(String json);

    /** The ids of the backups a FORGET removed; {@link IllegalArgumentException} when it is not a FORGET result. */
    List<String> forgotten(String json);

    /** The mount a MOUNT opened; {@link IllegalArgumentException} when it is not a MOUNT result. */
    Mounted mounted(String json);
}
