package org.bulwark.node.api;

import com.sun.net.httpserver.HttpExchange;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.bulwark.api.node.NodeError;
import org.bulwark.node.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the read-only routes of the task API ({@code /mounts}, {@code /m365}) share: refusals as
 * {@link NodeError} JSON and JSON answers. A failure after an answer has begun aborts it, so a
 * client never mistakes a cut-off download for a whole one.
 */
public final class ReadOnlyRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ReadOnlyRoutes.class);

    private ReadOnlyRoutes() {
    }

    /** Answers one request. */
    @FunctionalInterface
    public interface Route {
        void answer(HttpExchange exchange) throws IOException;
    }

    /**
     * Serves a request: {@link IllegalArgumentException} answers 400, {@link FileNotFoundException} 404, any other
     * {@link IOException} 500 — or, once the answer has begun, aborts it.
     *
     * @param what what is served, for the log line of an aborted answer (e.g. {@code download from a mount})
     */
    public static void serve(HttpExchange exchange, String what, Route route) throws IOException {
        try (exchange) {
            try {
                route.answer(exchange);
            } catch (IllegalArgumentException e) {
                json(exchange, 400, new NodeError(NodeError.Code.BAD_REQUEST, e.getMessage()));
            } catch (FileNotFoundException e) {
                json(exchange, 404, new NodeError(NodeError.Code.BAD_REQUEST, e.getMessage()));
            } catch (IOException e) {
                if (exchange.getResponseCode() != -1) {
                    LOG.warn("{} broke off: {}", what, e.toString());
                    throw e;
                }
                json(exchange, 500, new NodeError(NodeError.Code.UNSUPPORTED, e.getMessage()));
            }
        }
    }

    /** Answers {@code body} as JSON with {@code status}. */
    public static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = Json.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }
}
