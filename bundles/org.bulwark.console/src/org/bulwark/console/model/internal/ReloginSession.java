package org.bulwark.console.model.internal;

import java.net.URI;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.bulwark.api.ApiException;
import org.bulwark.api.Session;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.model.ConsoleSession;

/**
 * A {@link ConsoleSession} over a {@link BulwarkClient} that replaces the client when the
 * server reports {@link BulwarkClient#SESSION_EXPIRED}: {@code relogin} asks the operator
 * (once, however many calls failed at the same time) and returns the new client, or
 * {@code null} when the operator gave up.
 */
public final class ReloginSession implements ConsoleSession {
    private final UnaryOperator<BulwarkClient> relogin;
    private volatile BulwarkClient client;

    public ReloginSession(BulwarkClient client, UnaryOperator<BulwarkClient> relogin) {
        this.client = Objects.requireNonNull(client);
        this.relogin = relogin;
    }

    @Override
    public Session session() {
        return client.session();
    }

    @Override
    public URI server() {
        return client.server();
    }

    @Override
    public <T> T call(Function<BulwarkClient, T> call) {
        BulwarkClient used = client;
        try {
            return call.apply(used);
        } catch (ApiException e) {
            if (!BulwarkClient.isSessionExpired(e)) {
                throw e;
            }
            return call.apply(renew(used, e));
        }
    }

    private synchronized BulwarkClient renew(BulwarkClient expired, ApiException cause) {
        if (client != expired) {
            return client; // another call already logged in again
        }
        BulwarkClient renewed = relogin.apply(expired);
        if (renewed == null) {
            throw cause;
        }
        client = renewed;
        return renewed;
    }
}
