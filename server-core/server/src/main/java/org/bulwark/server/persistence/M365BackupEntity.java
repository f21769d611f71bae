package org.bulwark.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.bulwark.server.m365.ProtectionStore;

/** Row of {@code m365_backups}: a queued M365_BACKUP until its outcome is applied. */
@Entity
@Table(name = "m365_backups")
class M365BackupEntity {
    @Id
    @Column(name = "task_id")
    String taskId;
    String tenant;
    @Column(name = "policy_id")
    String policyId;
    String destination;
    @Column(name = "passphrase_file")
    String passphraseFile;
    boolean applied;

    M365BackupEntity() {
    }

    M365BackupEntity(ProtectionStore.QueuedBackup b) {
        taskId = b.taskId().toString();
        tenant = b.tenant().toString();
        policyId = b.policyId() == null ? null : b.policyId().toString();
        destination = b.destination();
        passphraseFile = b.passphraseFile();
    }

    ProtectionStore.QueuedBackup toBackup() {
        return new ProtectionStore.QueuedBackup(UUID.fromString(taskId), UUID.fromString(tenant),
                policyId == null ? null : UUID.fromString(policyId), destination, passphraseFile);
    }
}
