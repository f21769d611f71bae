package org.bulwark.server.m365;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where the protection of tenants is kept: policies and restore points (a port). */
public interface ProtectionStore {

    /** Every tenant's policies, by name. */
    List<StoredM365Policy> policies();

    Optional<StoredM365Policy> policy(UUID id);

    /** Inserts or replaces (by id); {@code false} when another policy of the tenant has the name. */
    boolean savePolicy(StoredM365Policy policy);

    /** Deletes a policy and its schedules. */
    boolean deletePolicy(UUID id);

    void insert(StoredM365Point point);

    /** A tenant's restore points, newest first. */
    List<StoredM365Point> points(UUID tenant);

    Optional<StoredM365Point> point(UUID tenant, long id);

    void deletePoints(UUID tenant, Collection<Long> ids);
}
