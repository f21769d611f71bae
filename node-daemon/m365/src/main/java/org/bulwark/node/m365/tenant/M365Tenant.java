package org.bulwark.node.m365.tenant;

import java.util.Objects;

/**
 * A Microsoft 365 tenant as the cloud agent connects to it: an Entra ID app registration with a
 * client secret (client-credentials flow). {@link #toString()} masks the secret.
 *
 * @param tenantId     the directory (tenant) id
 * @param clientId     the application (client) id
 * @param clientSecret the client secret; never logged
 * @param graphBaseUrl Graph endpoint, e.g. {@code https://graph.microsoft.com/v1.0}
 * @param authorityUrl token authority, e.g. {@code https://login.microsoftonline.com}; the token
 *                     endpoint is {@code <authority>/<tenantId>/oauth2/v2.0/token}
 */
public record M365Tenant(String tenantId, String clientId, String clientSecret, String graphBaseUrl, String authorityUrl) {

    public static final String GRAPH = "https://graph.microsoft.com/v1.0";
    public static final String AUTHORITY = "https://login.microsoftonline.com";

    public M365Tenant {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (!tenantId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("tenant id must be a GUID or domain name: " + tenantId);
        }
        graphBaseUrl = stripSlash(graphBaseUrl == null ? GRAPH : graphBaseUrl);
        authorityUrl = stripSlash(authorityUrl == null ? AUTHORITY : authorityUrl);
    }

    /** A tenant in Microsoft's public cloud. */
    public static M365Tenant azure(String tenantId, String clientId, String clientSecret) {
        return new M365Tenant(tenantId, clientId, clientSecret, GRAPH, AUTHORITY);
    }

    /** The OAuth 2.0 token endpoint of the tenant. */
    public String tokenEndpoint() {
        return authorityUrl + "/" + tenantId + "/oauth2/v2.0/token";
    }

    /** The scope asked for: every application permission granted to the app on Graph. */
    public String scope() {
        return "https://graph.microsoft.com/.default";
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return "M365Tenant[tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret=****, graphBaseUrl="
                + graphBaseUrl + ", authorityUrl=" + authorityUrl + "]";
    }
}
