package org.bulwark.node.api;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.bulwark.api.TaskType;
import org.bulwark.api.node.NodeError;
import org.bulwark.api.node.NodeProtocol;
import org.bulwark.api.node.NodeStatus;
import org.bulwark.api.node.TaskApiEndpoint;
import org.bulwark.api.node.TaskSubmission;
import org.bulwark.node.Json;
import org.bulwark.node.task.TaskRefusedException;
import org.bulwark.node.task.TaskRun;
import org.bulwark.node.task.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's task API: JSON over HTTP on 127.0.0.1 only, at a free port, every request with the
 * bearer token of this start ({@link #endpoint()}). The server reaches it through SSH tunnels.
 * Paths: see {@link NodeProtocol}.
 */
public final class TaskApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskApiServer.class);
    private static final int MAX_BODY = 64 * 1024;

    private final TaskRunner runner;
    private final Supplier<NodeStatus> status;
    private final byte[] token;
    private final HttpServer http;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    /** Binds to a free loopback port and starts serving. */
    public TaskApiServer(TaskRunner runner, Supplier<NodeStatus> status) throws IOException {
        this.runner = runner;
        this.status = status;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.token = Base64.getUrlEncoder().withoutPadding().encode(random);
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(NodeProtocol.API_HOST), 0), 50);
        http.createContext("/", this::handle);
        http.setExecutor(threads);
        http.start();
        LOG.info("Task API on {}", http.getAddress());
    }

    /** The loopback port and the bearer token (a secret: never log it). */
    public TaskApiEndpoint endpoint() {
        return new TaskApiEndpoint(port(), new String(token, StandardCharsets.US_ASCII));
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** Serves requests under {@code path} with {@code handler}, behind the same bearer token. */
    public void route(String path, HttpHandler handler) {
        http.createContext(path, exchange -> {
            if (authorized(exchange)) {
                handler.handle(exchange);
            } else {
                try (exchange) {
                    byte[] json = Json.MAPPER.writeValueAsBytes(new NodeError(NodeError.Code.UNAUTHORIZED, "missing or wrong bearer token"));
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(401, json.length);
                    exchange.getResponseBody().write(json);
                }
            }
        });
    }

    private record Reply(int status, Object body) {
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Reply reply = answer(exchange);
            byte[] json = Json.MAPPER.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), json.length);
            exchange.getResponseBody().write(json);
        } catch (IOException e) {
            LOG.debug("Task API request {} {} broke off: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
        }
    }

    private Reply answer(HttpExchange exchange) throws IOException {
        if (!authorized(exchange)) {
            return new Reply(401, new NodeError(NodeError.Code.UNAUTHORIZED, "missing or wrong bearer token"));
        }
        try {
            return route(exchange);
        } catch (TaskRefusedException e) {
            return new Reply(httpStatus(e.code()), e.toError());
        } catch (IllegalArgumentException e) {
            return new Reply(400, new NodeError(NodeError.Code.BAD_REQUEST, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(503, new NodeError(NodeError.Code.BUSY, "node shutting down"));
        }
    }

    private Reply route(HttpExchange exchange) throws IOException, TaskRefusedException, InterruptedException {
        String method = exchange.getRequestMethod();
        String[] parts = exchange.getRequestURI().getPath().split("/");
        String root = parts.length > 1 ? "/" + parts[1] : "/";
        boolean tasks = root.equals(NodeProtocol.TASKS_PATH);
        if (root.equals(NodeProtocol.NODE_PATH) && parts.length == 2 && method.equals("GET")) {
            return new Reply(200, status.get());
        } else if (tasks && parts.length == 2 && method.equals("POST")) {
            return new Reply(202, runner.submit(submission(exchange)).status());
        } else if (tasks && parts.length == 3 && method.equals("GET")) {
            return new Reply(200, run(parts[2]).status());
        } else if (tasks && parts.length == 4 && parts[3].equals("events") && method.equals("GET")) {
            long after = longParameter(exchange, "after", 0);
            long wait = Math.min(longParameter(exchange, "waitMillis", 0), NodeProtocol.MAX_WAIT_MILLIS);
            return new Reply(200, run(parts[2]).eventsAfter(after, wait));
        } else if (tasks && parts.length == 4 && parts[3].equals("cancel") && method.equals("POST")) {
            return new Reply(202, runner.cancel(taskId(parts[2])).status());
        }
        return new Reply(404, new NodeError(NodeError.Code.BAD_REQUEST,
                "no endpoint " + method + " " + exchange.getRequestURI().getPath()));
    }

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        byte[] presented = header != null && header.startsWith("Bearer ")
                ? header.substring(7).getBytes(StandardCharsets.US_ASCII) : new byte[0];
        return MessageDigest.isEqual(presented, token);
    }

    private static TaskSubmission submission(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw new IllegalArgumentException("request body larger than " + MAX_BODY + " bytes");
        }
        try {
            return Json.MAPPER.readValue(body, TaskSubmission.class);
        } catch (InvalidFormatException e) {
            if (e.getTargetType() == TaskType.class) {
                throw new IllegalArgumentException("unknown task type '" + e.getValue() + "'", e);
            }
            throw new IllegalArgumentException("malformed task submission: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed task submission: " + e.getMessage(), e);
        }
    }

    private TaskRun run(String id) throws TaskRefusedException {
        UUID taskId = taskId(id);
        return runner.find(taskId).orElseThrow(() -> new TaskRefusedException(NodeError.Code.UNKNOWN_TASK, "no task " + taskId));
    }

    private static UUID taskId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a task id: '" + text + "'", e);
        }
    }

    private static long longParameter(HttpExchange exchange, String name, long fallback) {
        String query = exchange.getRequestURI().getQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    try {
                        return Math.max(0, Long.parseLong(pair.substring(name.length() + 1)));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(name + " must be a whole number", e);
                    }
                }
            }
        }
        return fallback;
    }

    private static int httpStatus(NodeError.Code code) {
        return switch (code) {
            case BUSY -> 503;
            case UNSUPPORTED -> 422;
            case UNKNOWN_TASK -> 404;
            case CONFLICT -> 409;
            case BAD_REQUEST -> 400;
            case UNAUTHORIZED -> 401;
        };
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
