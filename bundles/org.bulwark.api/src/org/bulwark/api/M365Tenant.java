package org.bulwark.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A registered Microsoft 365 tenant. Its client secret is stored encrypted by the server and
 * never returned: {@code hasSecret} only says whether one is stored.
 *
 * @param nodeId        the node whose cloud agent reaches the tenant
 * @param graphUrl      Graph endpoint ({@code null}: Microsoft's public cloud)
 * @param authorityUrl  token authority ({@code null}: {@code https://login.microsoftonline.com})
 * @param lastDiscovery the DISCOVER task whose result {@code /tenants/{id}/users} reads, if any
 */
public record M365Tenant(UUID id, String tenantId, String clientId, UUID nodeId, String graphUrl, String authorityUrl,
                         boolean hasSecret, Instant createdAt, UUID lastDiscovery) {
}
