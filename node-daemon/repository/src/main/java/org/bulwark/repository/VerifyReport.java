package org.bulwark.repository;

import java.util.List;

/**
 * What verify found: every damaged backup and file, and the totals checked.
 *
 * @param backups       backups checked
 * @param chunks        distinct chunks re-read, decrypted and re-hashed
 * @param bytes         bytes of those chunks as stored
 * @param damage        one line per damaged backup/file and the cause
 */
public record VerifyReport(int backups, long chunks, long bytes, List<Damage> damage) {

    public VerifyReport {
        damage = List.copyOf(damage);
    }

    public boolean ok() {
        return damage.isEmpty();
    }

    /**
     * A damaged backup or file.
     *
     * @param backupId the backup
     * @param path     the file inside it, or null when the backup record or manifest is damaged
     * @param problem  what is wrong (missing chunk, failed authentication, …)
     */
    public record Damage(String backupId, String path, String problem) {
    }
}
