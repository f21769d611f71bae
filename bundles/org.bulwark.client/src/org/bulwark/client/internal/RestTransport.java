package org.bulwark.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;
import org.bulwark.api.ApiError;
import org.bulwark.api.ApiException;
import org.bulwark.client.BulwarkClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link Endpoint} calls with the JDK {@link HttpClient} and JSON through Jackson, and
 * turns every failure into an {@link ApiException}: the server's own {@link ApiError} when it
 * sent one, {@link BulwarkClient#SERVER_UNREACHABLE} when it could not be reached,
 * {@link BulwarkClient#SERVER_TIMEOUT} when it did not answer in time, and
 * {@link BulwarkClient#SESSION_EXPIRED} for a refused bearer token. An operation returning
 * {@link InputStream} (a download) answers the body as it arrives, never held in memory: the
 * timeout covers the start of the answer only, and the caller closes the stream.
 */
public final class RestTransport {
    private static final Logger LOG = LoggerFactory.getLogger(RestTransport.class);
    private static final String JSON = "application/json";

    private final URI server;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Duration requestTimeout;

    public RestTransport(URI server, Duration connectTimeout, Duration requestTimeout) {
        this.server = server;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:8080}. */
    public URI server() {
        return server;
    }

    /**
     * Performs one call.
     *
     * @param token bearer token, or {@code null} for calls that need no session
     * @return the decoded answer, or {@code null} for {@code void} operations
     */
    public Object call(Endpoint endpoint, Object[] args, Supplier<String> token) {
        String pathAndQuery = endpoint.pathAndQuery(args == null ? new Object[0] : args);
        boolean download = endpoint.returnType() == InputStream.class;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + pathAndQuery))
                .timeout(requestTimeout)
                .header("Accept", download ? "*/*" : JSON)
                .method(endpoint.httpMethod(), bodyOf(endpoint, args));
        if (endpoint.hasBody()) {
            request.header("Content-Type", JSON);
        }
        String bearer = token == null ? null : token.get();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        String what = endpoint.httpMethod() + " " + pathAndQuery;
        if (download) {
            return download(request.build(), bearer != null, what);
        }
        long started = System.nanoTime();
        HttpResponse<byte[]> response = send(request.build(), HttpResponse.BodyHandlers.ofByteArray(), what);
        LOG.debug("{} -> {} in {} ms", what, response.statusCode(), (System.nanoTime() - started) / 1_000_000);
        if (response.statusCode() >= 300) {
            throw failure(response.statusCode(), response.body(), bearer != null, what);
        }
        if (endpoint.returnType() == void.class || endpoint.returnType() == Void.class || response.body().length == 0) {
            return null;
        }
        JavaType type = mapper.getTypeFactory().constructType(endpoint.returnType());
        try {
            return mapper.readValue(response.body(), type);
        } catch (IOException e) {
            throw new ApiException(502, "BAD_RESPONSE", "The server at " + server + " sent an answer to "
                    + what + " that is not a " + type.toCanonical() + ": " + e.getMessage());
        }
    }

    /** The body of a successful answer as a stream; a refusal is read (at most 64 KiB) and thrown. */
    private InputStream download(HttpRequest request, boolean withSession, String what) {
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream(), what);
        LOG.debug("{} -> {} (streaming)", what, response.statusCode());
        if (response.statusCode() < 300) {
            return response.body();
        }
        byte[] error;
        try (InputStream body = response.body()) {
            error = body.readNBytes(64 * 1024);
        } catch (IOException e) {
            error = new byte[0];
        }
        throw failure(response.statusCode(), error, withSession, what);
    }

    private HttpRequest.BodyPublisher bodyOf(Endpoint endpoint, Object[] args) {
        if (!endpoint.hasBody()) {
            return HttpRequest.BodyPublishers.noBody();
        }
        try {
            return HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(endpoint.body(args)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the request body of " + endpoint.pathTemplate() + " as JSON", e);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String what) {
        try {
            return http.send(request, handler);
        } catch (HttpTimeoutException e) {
            throw new ApiException(504, BulwarkClient.SERVER_TIMEOUT, "The server at " + server + " did not answer "
                    + what + " within " + requestTimeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new ApiException(503, BulwarkClient.SERVER_UNREACHABLE, "Cannot reach the server at " + server + ": "
                    + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(499, "INTERRUPTED", what + " was interrupted");
        }
    }

    private ApiException failure(int status, byte[] body, boolean withSession, String what) {
        ApiError error = decodeError(status, body, what);
        if (status == 401 && withSession) {
            return new ApiException(401, BulwarkClient.SESSION_EXPIRED, error.message());
        }
        return new ApiException(error);
    }

    private ApiError decodeError(int status, byte[] body, String what) {
        try {
            ApiError error = mapper.readValue(body, ApiError.class);
            if (error != null && error.code() != null) {
                return new ApiError(status, error.code(), error.message() == null ? error.code() : error.message());
            }
        } catch (IOException notJson) {
            // not an ApiError: fall through to a generic one that names the request
        }
        return new ApiError(status, "HTTP_" + status, "The server at " + server + " answered " + what + " with HTTP " + status);
    }

    /** A connection failure in words (the JDK often throws a ConnectException without text). */
    private static String describe(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return "connection refused";
            }
            if (cause instanceof java.nio.channels.UnresolvedAddressException || cause instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
