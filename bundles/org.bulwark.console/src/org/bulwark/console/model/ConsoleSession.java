package org.bulwark.console.model;

import java.net.URI;
import java.util.function.Function;
import org.bulwark.api.ApiException;
import org.bulwark.api.Session;
import org.bulwark.client.BulwarkClient;

/**
 * The operator's session with the server, as parts and handlers receive it by injection.
 * Calls go through {@link #call}: when the server no longer accepts the session, the operator
 * is asked for the password again and the call is repeated once.
 */
public interface ConsoleSession {

    /** The open session: user, role, expiry. */
    Session session();

    /** The server the console is connected to. */
    URI server();

    /**
     * Runs {@code call} with the logged-in client. Never call this on the UI thread: it
     * waits for the network (and, after an expired session, for the operator).
     *
     * @throws ApiException what the server or the connection answered
     */
    <T> T call(Function<BulwarkClient, T> call);
}
