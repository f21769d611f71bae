package org.bulwark.server.m365;

import java.time.Instant;
import java.util.UUID;
import org.bulwark.api.M365Tenant;

/**
 * A tenant as stored: its client secret sealed by {@link org.bulwark.server.secret.SecretBox} (never in plain text).
 *
 * @param sealedSecret the encrypted client secret; masked by {@link #toString()}
 */
public record StoredTenant(UUID id, String tenantId, String clientId, String sealedSecret, UUID nodeId, String graphUrl,
                           String authorityUrl, Instant createdAt, UUID lastDiscovery) {

    /** What the API shows: no secret, only whether there is one. */
    public M365Tenant toTenant() {
        return new M365Tenant(id, tenantId, clientId, nodeId, graphUrl, authorityUrl, sealedSecret != null, createdAt,
                lastDiscovery);
    }

    @Override
    public String toString() {
        return "StoredTenant[id=" + id + ", tenantId=" + tenantId + ", clientId=" + clientId + ", sealedSecret=***, nodeId="
                + nodeId + "]";
    }
}
