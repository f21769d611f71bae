package org.bulwark.console.model.internal;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.bulwark.api.ApiException;
import org.bulwark.api.Session;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.model.ConsoleSession;
import org.bulwark.console.model.ServerState;

/**
 * A {@link ConsoleSession} over a {@link BulwarkClient} that replaces the client when the
 * server reports {@link BulwarkClient#SESSION_EXPIRED}: {@code relogin} asks the operator
 * (once, however many calls failed at the same time) and returns the new client, or
 * {@code null} when the operator gave up. Whether the server can be reached goes to a listener
 * each time it changes, so the console can say so (and that nothing typed is lost) in one place.
 */
public final class ReloginSession implements ConsoleSession {
    private final UnaryOperator<BulwarkClient> relogin;
    private final Consumer<ServerState> reachability;
    private volatile BulwarkClient client;
    private final Object reachabilityLock = new Object();
    private boolean reachable = true;

    public ReloginSession(BulwarkClient client, UnaryOperator<BulwarkClient> relogin) {
        this(client, relogin, state -> {
        });
    }

    /** @param reachability told (on the calling thread) when the server stops or starts answering again */
    public ReloginSession(BulwarkClient client, UnaryOperator<BulwarkClient> relogin, Consumer<ServerState> reachability) {
        this.client = Objects.requireNonNull(client);
        this.relogin = relogin;
        this.reachability = reachability;
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
            T result = call.apply(used);
            reached(null);
            return result;
        } catch (ApiException e) {
            reached(e);
            if (!BulwarkClient.isSessionExpired(e)) {
                throw e;
            }
            return call.apply(renew(used, e));
        }
    }

    /** Tells the listener when the server stops answering ({@code failure} says it was not reached) or answers again. */
    private void reached(ApiException failure) {
        boolean now = failure == null || !BulwarkClient.SERVER_UNREACHABLE.equals(failure.code())
                && !BulwarkClient.SERVER_TIMEOUT.equals(failure.code());
        synchronized (reachabilityLock) {
            if (now == reachable) {
                return;
            }
            reachable = now;
            reachability.accept(new ServerState(now, now ? null : failure.getMessage(), Instant.now()));
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
