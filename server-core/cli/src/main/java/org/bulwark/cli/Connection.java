package org.bulwark.cli;

import java.net.URI;
import org.bulwark.api.Session;
import org.bulwark.client.BulwarkClient;
import org.bulwark.client.internal.ResourceProxy;
import org.bulwark.client.internal.RestTransport;

/**
 * Calls to the server with the saved session's token. {@link BulwarkClient} opens sessions
 * with a password only, so resuming a saved token goes through its transport directly.
 */
public final class Connection {
    private final RestTransport transport;
    private final Session session;

    private Connection(URI server, Session session) {
        this.transport = new RestTransport(server, BulwarkClient.CONNECT_TIMEOUT, BulwarkClient.REQUEST_TIMEOUT);
        this.session = session;
    }

    /** The saved session's connection; not logged in is an error that says how to log in. */
    public static Connection resume(SessionStore store) {
        SessionStore.Saved saved = store.load().orElseThrow(() -> new CliException(ExitCode.NOT_AUTHENTICATED,
                "Not logged in: run bulwark login --server URL --user NAME"));
        return new Connection(saved.server(), saved.session());
    }

    public URI server() {
        return transport.server();
    }

    public Session session() {
        return session;
    }

    /** Typed access to a resource interface of {@code org.bulwark.api.rest}. */
    public <T> T resource(Class<T> resource) {
        return ResourceProxy.create(resource, transport, session::token);
    }
}
