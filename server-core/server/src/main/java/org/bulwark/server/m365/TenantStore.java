package org.bulwark.server.m365;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where registered tenants are kept. */
public interface TenantStore {
    List<StoredTenant> list();

    Optional<StoredTenant> find(UUID id);

    /** @return false when the tenant id is registered already */
    boolean insert(StoredTenant tenant);

    /** @return false when there was no such tenant */
    boolean delete(UUID id);

    /** Remembers the DISCOVER task whose result lists the tenant's users. */
    void setLastDiscovery(UUID id, UUID task);
}
