package org.bulwark.node.m365.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.authentication.AuthenticationProvider;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * OAuth 2.0 client-credentials tokens for a tenant (the flow Azure's token endpoint serves for app
 * registrations), cached until a minute before they expire, and handed to the Graph SDK as its
 * {@link AuthenticationProvider}. The secret goes only into the token request body.
 */
public final class ClientCredentialsTokens implements AuthenticationProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final M365Tenant tenant;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private String token;
    private Instant expires = Instant.EPOCH;

    public ClientCredentialsTokens(M365Tenant tenant) {
        this.tenant = tenant;
    }

    /** A valid access token, fetched when the cached one is (nearly) expired. */
    public synchronized String token() {
        if (token == null || Instant.now().isAfter(expires.minusSeconds(60))) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        String form = form(Map.of("grant_type", "client_credentials", "client_id", tenant.clientId(),
                "client_secret", tenant.clientSecret(), "scope", tenant.scope()));
        HttpRequest req = HttpRequest.newBuilder(URI.create(tenant.tokenEndpoint())).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new M365AuthenticationException("cannot reach the token endpoint " + tenant.tokenEndpoint() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new M365AuthenticationException("interrupted while fetching a token for tenant " + tenant.tenantId());
        }
        JsonNode body = parse(resp.body());
        if (resp.statusCode() != 200 || body == null || !body.hasNonNull("access_token")) {
            String error = body == null ? "" : body.path("error").asText("");
            String description = body == null ? resp.body() : body.path("error_description").asText("");
            String hint = "invalid_client".equals(error) || "unauthorized_client".equals(error)
                    ? " (check the application id and client secret; secrets expire)" : "";
            throw new M365AuthenticationException("tenant " + tenant.tenantId() + " refused the credentials of application "
                    + tenant.clientId() + ": HTTP " + resp.statusCode() + " " + error + " " + firstLine(description) + hint);
        }
        token = body.get("access_token").asText();
        expires = Instant.now().plusSeconds(body.path("expires_in").asLong(3600));
    }

    private static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            return null;
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    private static String form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    @Override
    public void authenticateRequest(RequestInformation request, Map<String, Object> context) {
        request.headers.tryAdd("Authorization", "Bearer " + token());
    }

    @Override
    public String toString() {
        return "ClientCredentialsTokens[" + tenant + "]";
    }
}
