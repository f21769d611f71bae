package org.bulwark.server.policy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where policies are kept (a port; the JPA adapter implements it). */
public interface PolicyStore {

    List<StoredPolicy> list();

    Optional<StoredPolicy> find(UUID id);

    /** Inserts or replaces (by id); {@code false} when another policy has the name. */
    boolean save(StoredPolicy policy);

    boolean delete(UUID id);
}
