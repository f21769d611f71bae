package org.bulwark.console.restore.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.UUID;
import org.bulwark.api.ApiException;
import org.bulwark.api.rest.MountResource;
import org.bulwark.client.BulwarkClient;
import org.bulwark.client.internal.Endpoint;

/**
 * Streaming downloads of {@link MountResource#file} and {@link MountResource#zip}: the REST
 * client reads whole answers into memory, which does not suit files of gigabytes, so these two
 * calls stream. The URL comes from the interface's annotations, as the client's own calls do.
 */
final class Streams {
    static final Method FILE = method("file");
    static final Method ZIP = method("zip");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(BulwarkClient.CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Streams() {
    }

    /**
     * Opens the answer of {@code call} for the mount's {@code path}; the caller closes it.
     *
     * @throws ApiException the server's error, {@link BulwarkClient#SESSION_EXPIRED} for a refused session,
     *         or {@link BulwarkClient#SERVER_UNREACHABLE}
     */
    static InputStream get(BulwarkClient client, Method call, UUID mount, int partition, String path) {
        String pathAndQuery = Endpoint.of(call).pathAndQuery(new Object[] {mount, partition, path});
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.server() + pathAndQuery))
                .timeout(BulwarkClient.REQUEST_TIMEOUT) // until the answer starts; the body may take as long as it needs
                .header("Authorization", "Bearer " + client.session().token())
                .GET().build();
        HttpResponse<InputStream> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new ApiException(504, BulwarkClient.SERVER_TIMEOUT, "The server at " + client.server()
                    + " did not start sending " + path + " within " + BulwarkClient.REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw new ApiException(503, BulwarkClient.SERVER_UNREACHABLE, "Cannot reach the server at " + client.server()
                    + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(499, "INTERRUPTED", "Downloading " + path + " was interrupted");
        }
        if (response.statusCode() < 300) {
            return response.body();
        }
        throw failure(response, path);
    }

    private static ApiException failure(HttpResponse<InputStream> response, String path) {
        String message = "The server answered HTTP " + response.statusCode() + " for " + path;
        String code = "HTTP_" + response.statusCode();
        try (InputStream body = response.body()) {
            JsonNode error = JSON.readTree(body.readNBytes(64 * 1024));
            if (error != null && error.hasNonNull("message")) {
                message = error.get("message").asText();
                code = error.path("code").asText(code);
            }
        } catch (IOException notJson) {
            // keep the generic message
        }
        if (response.statusCode() == 401) {
            code = BulwarkClient.SESSION_EXPIRED;
        }
        return new ApiException(response.statusCode(), code, message);
    }

    private static Method method(String name) {
        try {
            return MountResource.class.getMethod(name, UUID.class, int.class, String.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("MountResource has no " + name + "(UUID, int, String)", e);
        }
    }
}
