package org.bulwark.server.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.Retention;
import org.bulwark.server.m365.StoredM365Policy;

/** Row of {@code m365_policies}; user ids, name patterns, group and license rules are JSON lists. */
@Entity
@Table(name = "m365_policies")
class M365PolicyEntity {
    @Id
    String id;
    String tenant;
    String name;
    @Column(name = "user_ids")
    String userIds;
    @Column(name = "name_patterns")
    String namePatterns;
    @Column(name = "group_rules")
    String groups;
    @Column(name = "license_rules")
    String licenses;
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
    boolean enabled;

    M365PolicyEntity() {
    }

    M365PolicyEntity(StoredM365Policy p) {
        id = p.id().toString();
        tenant = p.tenant().toString();
        name = p.name();
        userIds = JsonColumn.write(p.userIds());
        namePatterns = JsonColumn.write(p.namePatterns());
        groups = JsonColumn.write(p.groups());
        licenses = JsonColumn.write(p.licenses());
        destination = p.destination();
        passphraseFile = p.passphraseFile();
        keepLast = p.retention().keepLast();
        keepDays = p.retention().keepDays();
        keepDaily = p.retention().keepDaily();
        keepWeekly = p.retention().keepWeekly();
        keepMonthly = p.retention().keepMonthly();
        keepYearly = p.retention().keepYearly();
        enabled = p.enabled();
    }

    StoredM365Policy toPolicy() {
        return new StoredM365Policy(UUID.fromString(id), UUID.fromString(tenant), name,
                JsonColumn.read(userIds, new TypeReference<List<String>>() { }),
                JsonColumn.read(namePatterns, new TypeReference<List<String>>() { }),
                JsonColumn.read(groups, new TypeReference<List<String>>() { }),
                JsonColumn.read(licenses, new TypeReference<List<String>>() { }), destination, passphraseFile,
                new Retention(keepLast, keepDays, keepDaily, keepWeekly, keepMonthly, keepYearly), enabled);
    }
}
