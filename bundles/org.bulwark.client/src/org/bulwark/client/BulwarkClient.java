package org.bulwark.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bulwark.api.ApiException;
import org.bulwark.api.LoginRequest;
import org.bulwark.api.Session;
import org.bulwark.api.rest.AuthResource;
import org.bulwark.api.rest.NodeResource;
import org.bulwark.api.rest.SystemResource;
import org.bulwark.api.rest.TaskResource;
import org.bulwark.api.rest.UserResource;
import org.bulwark.client.internal.ResourceProxy;
import org.bulwark.client.internal.RestTransport;

/**
 * A logged-in connection to a Bulwark server: typed access to every REST resource of
 * {@code org.bulwark.api.rest}, each call carrying the session's bearer token. Failures are
 * {@link ApiException}s with the server's error, or one of the client-side codes below.
 * Thread-safe; the password is used once to log in and never kept.
 */
public final class BulwarkClient implements AutoCloseable {
    /** The server could not be reached (refused, unknown host, connection lost); status 503. */
    public static final String SERVER_UNREACHABLE = "SERVER_UNREACHABLE";
    /** The server did not answer within the request timeout; status 504. */
    public static final String SERVER_TIMEOUT = "SERVER_TIMEOUT";
    /** The session's token was refused (expired, logged out, password changed); status 401. Log in again. */
    public static final String SESSION_EXPIRED = "SESSION_EXPIRED";
    /** The server URL typed by the user is not a usable http(s) URL; status 400. */
    public static final String INVALID_SERVER_URL = "INVALID_SERVER_URL";

    /** Connect timeout of every call. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Time a call may take until the server's answer is complete. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final RestTransport transport;
    private final Session session;
    private final Map<Class<?>, Object> resources = new ConcurrentHashMap<>();

    private BulwarkClient(RestTransport transport, Session session) {
        this.transport = transport;
        this.session = session;
    }

    /**
     * Opens a session on the server.
     *
     * @param serverUrl e.g. {@code http://127.0.0.1:8080}; a missing scheme means {@code http://}
     * @throws ApiException {@code INVALID_CREDENTIALS} (401) for a wrong user or password,
     *         {@link #SERVER_UNREACHABLE}, {@link #SERVER_TIMEOUT} or {@link #INVALID_SERVER_URL}
     */
    public static BulwarkClient login(String serverUrl, String username, String password) {
        RestTransport transport = new RestTransport(serverUri(serverUrl), CONNECT_TIMEOUT, REQUEST_TIMEOUT);
        AuthResource auth = ResourceProxy.create(AuthResource.class, transport, () -> null);
        return new BulwarkClient(transport, auth.login(new LoginRequest(username, password)));
    }

    /** Parses what a user typed as server URL into the base URI of the server. */
    public static URI serverUri(String serverUrl) {
        String text = serverUrl == null ? "" : serverUrl.strip();
        if (text.isEmpty()) {
            throw new ApiException(400, INVALID_SERVER_URL, "Enter the server URL, e.g. http://127.0.0.1:8080");
        }
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new URISyntaxException(text, "not an http(s) URL with a host");
            }
            return new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new ApiException(400, INVALID_SERVER_URL, "'" + serverUrl + "' is not a server URL such as http://127.0.0.1:8080");
        }
    }

    /** The open session (user, role, expiry; its toString hides the token). */
    public Session session() {
        return session;
    }

    /** The server's base URL. */
    public URI server() {
        return transport.server();
    }

    /** Typed access to any resource interface of {@code org.bulwark.api.rest}. */
    public <T> T resource(Class<T> resource) {
        return resource.cast(resources.computeIfAbsent(resource,
                type -> ResourceProxy.create(type, transport, session::token)));
    }

    public NodeResource nodes() {
        return resource(NodeResource.class);
    }

    public TaskResource tasks() {
        return resource(TaskResource.class);
    }

    public SystemResource system() {
        return resource(SystemResource.class);
    }

    public UserResource users() {
        return resource(UserResource.class);
    }

    public AuthResource auth() {
        return resource(AuthResource.class);
    }

    /** Whether a failure means the user must log in again. */
    public static boolean isSessionExpired(Throwable failure) {
        return failure instanceof ApiException api && SESSION_EXPIRED.equals(api.code());
    }

    /** Ends the session on the server; a server that is gone or a session already ended is fine. */
    @Override
    public void close() {
        try {
            auth().logout();
        } catch (ApiException alreadyGone) {
            // the session ends either way
        }
    }

    @Override
    public String toString() {
        return "BulwarkClient[" + server() + ", " + session + "]";
    }
}
