package org.bulwark.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A complete backup run of a tenant, recorded from the M365_BACKUP task that made it.
 *
 * @param id the run id (epoch milliseconds of its start), as the node's browse and download calls name it
 * @param tenant the tenant's registration ({@link M365Tenant#id()})
 * @param items items stored by the run (new or changed; unchanged ones are not stored again)
 * @param bytes content bytes stored by the run
 * @param policyId the policy that made it, {@code null} for a backup on demand
 */
public record M365RestorePoint(long id, UUID tenant, Instant createdAt, long items, long bytes, UUID nodeId,
                               String destination, UUID policyId, UUID taskId) {
}
