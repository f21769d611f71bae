package org.bulwark.server.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.BackupCommands;
import org.bulwark.api.Retention;
import org.bulwark.server.policy.StoredPolicy;

/** Row of {@code policies}; VM ids, name patterns and tags are JSON lists, the pre/post commands a JSON object. */
@Entity
@Table(name = "policies")
class PolicyEntity {
    @Id
    String id;
    String name;
    @Column(name = "vm_ids")
    String vmIds;
    @Column(name = "name_patterns")
    String namePatterns;
    String tags;
    String destination;
    @Column(name = "passphrase_file")
    String passphraseFile;
    @Column(name = "keep_last")
    int keepLast;
    @Column(name = "keep_days")
    int keepDays;
    @Column(name = "keep_daily")
    int keepDaily;
    @Column(name = "keep_weekly")
    int keepWeekly;
    @Column(name = "keep_monthly")
    int keepMonthly;
    @Column(name = "keep_yearly")
    int keepYearly;
    @Column(name = "full_every")
    int fullEvery;
    boolean enabled;
    /** JSON of the {@link BackupCommands}; {@code null} for none. */
    String commands;

    PolicyEntity() {
    }

    PolicyEntity(StoredPolicy p) {
        id = p.id().toString();
        name = p.name();
        vmIds = JsonColumn.write(p.vmIds());
        namePatterns = JsonColumn.write(p.namePatterns());
        tags = JsonColumn.write(p.tags());
        destination = p.destination();
        passphraseFile = p.passphraseFile();
        keepLast = p.retention().keepLast();
        keepDays = p.retention().keepDays();
        keepDaily = p.retention().keepDaily();
        keepWeekly = p.retention().keepWeekly();
        keepMonthly = p.retention().keepMonthly();
        keepYearly = p.retention().keepYearly();
        fullEvery = p.fullEvery();
        enabled = p.enabled();
        commands = p.commands().runsNothing() ? null : JsonColumn.write(p.commands());
    }

    StoredPolicy toPolicy() {
        return new StoredPolicy(UUID.fromString(id), name, JsonColumn.read(vmIds, new TypeReference<List<UUID>>() { }),
                JsonColumn.read(namePatterns, new TypeReference<List<String>>() { }),
                JsonColumn.read(tags, new TypeReference<List<String>>() { }), destination, passphraseFile,
                new Retention(keepLast, keepDays, keepDaily, keepWeekly, keepMonthly, keepYearly), fullEvery, enabled,
                commands == null ? BackupCommands.none() : JsonColumn.read(commands, new TypeReference<BackupCommands>() { }));
    }
}
