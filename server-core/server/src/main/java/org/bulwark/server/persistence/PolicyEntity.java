package org.bulwark.server.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.Retention;
import org.bulwark.server.policy.StoredPolicy;

/** Row of {@code policies}; VM ids, name patterns and tags are JSON lists. */
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
    @Column(name = "full_every")
    int fullEvery;
    boolean enabled;

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
        fullEvery = p.fullEvery();
        enabled = p.enabled();
    }

    StoredPolicy toPolicy() {
        return new StoredPolicy(UUID.fromString(id), name, JsonColumn.read(vmIds, new TypeReference<List<UUID>>() { }),
                JsonColumn.read(namePatterns, new TypeReference<List<String>>() { }),
                JsonColumn.read(tags, new TypeReference<List<String>>() { }), destination, passphraseFile,
                new Retention(keepLast, keepDays), fullEvery, enabled);
    }
}
