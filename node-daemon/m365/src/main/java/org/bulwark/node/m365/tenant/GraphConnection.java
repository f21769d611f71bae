package org.bulwark.node.m365.tenant;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An authenticated Graph SDK client for one tenant. Throttling ({@code 429}, {@code 503},
 * {@code 504}) is retried by the SDK's retry middleware, which waits as long as the service's
 * {@code Retry-After} asks; {@link #throttled()} counts those answers.
 */
public final class GraphConnection {

    /** Retries of one throttled request before the error reaches the caller. */
    public static final int MAX_RETRIES = 8;

    private final M365Tenant tenant;
    private final GraphServiceClient graph;
    private final AtomicLong throttled;

    private GraphConnection(M365Tenant tenant, GraphServiceClient graph, AtomicLong throttled) {
        this.tenant = tenant;
        this.graph = graph;
        this.throttled = throttled;
    }

    /**
     * Connects: fetches a token first, so that a wrong secret fails here with a clear
     * {@link M365AuthenticationException} rather than on the first data call.
     */
    public static GraphConnection open(M365Tenant tenant) {
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(tenant);
        tokens.token();
        AtomicLong throttled = new AtomicLong();
        RetryHandlerOption retry = new RetryHandlerOption(RetryHandlerOption.DEFAULT_SHOULD_RETRY, MAX_RETRIES, 1);
        OkHttpClient http = GraphClientFactory.create(new RequestOption[]{retry})
                .addInterceptor(chain -> {
                    okhttp3.Response r = chain.proceed(chain.request());
                    if (r.code() == 429 || r.code() == 503) {
                        throttled.incrementAndGet();
                    }
                    return r;
                })
                .readTimeout(Duration.ofMinutes(5)).connectTimeout(Duration.ofSeconds(30)).build();
        GraphServiceClient graph = new GraphServiceClient(tokens, http);
        graph.getRequestAdapter().setBaseUrl(tenant.graphBaseUrl());
        return new GraphConnection(tenant, graph, throttled);
    }

    public M365Tenant tenant() {
        return tenant;
    }

    public GraphServiceClient graph() {
        return graph;
    }

    /** How many throttling answers the service gave so far (each was waited out and retried). */
    public long throttled() {
        return throttled.get();
    }
}
