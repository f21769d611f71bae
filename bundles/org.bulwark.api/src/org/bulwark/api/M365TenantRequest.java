package org.bulwark.api;

import java.util.UUID;

/**
 * Registers a Microsoft 365 tenant (an Entra ID app registration with a client secret).
 * {@link #toString()} masks the secret.
 *
 * @param graphUrl     optional Graph endpoint (tests, national clouds)
 * @param authorityUrl optional token authority
 */
public record M365TenantRequest(String tenantId, String clientId, String clientSecret, UUID nodeId, String graphUrl,
                                String authorityUrl) {
    @Override
    public String toString() {
        return "M365TenantRequest[tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret=***, nodeId=" + nodeId
                + ", graphUrl=" + graphUrl + ", authorityUrl=" + authorityUrl + "]";
    }
}
