package org.bulwark.server.workflow;

import java.util.List;
import org.bulwark.server.inventory.ReportedVm;

/** Reads the JSON results of node tasks (a port; the adapter holds the JSON parser). */
public interface TaskResults {

    /** What a BACKUP task made. */
    record Backup(String restorePoint, String kind, long bytesRead, long bytesWritten, long logicalBytes) {
    }

    /** The VMs of an INVENTORY result; {@link IllegalArgumentException} when it is not one. */
    List<ReportedVm> inventory(String json);

    /** The restore point of a BACKUP result; {@link IllegalArgumentException} when it is not one. */
    Backup backup(String json);

    /** The ids of the backups a FORGET removed; {@link IllegalArgumentException} when it is not a FORGET result. */
    List<String> forgotten(String json);
}
