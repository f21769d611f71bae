package org.bulwark.server.node.ssh;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.bulwark.api.node.NodeError;
import org.bulwark.api.node.NodeProtocol;
import org.bulwark.api.node.NodeStatus;
import org.bulwark.api.node.TaskEventPage;
import org.bulwark.api.node.TaskStatus;
import org.bulwark.api.node.TaskSubmission;

/** Calls of a node's task API, sent to the local end of an SSH tunnel. */
final class NodeApiClient {
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final Duration timeout;

    /** @param base {@code http://127.0.0.1:PORT} of the tunnel's local end */
    NodeApiClient(HttpClient http, URI base, String token, Duration timeout) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.timeout = timeout;
    }

    NodeStatus node() throws IOException, NodeRefusal {
        return send(request(NodeProtocol.NODE_PATH, timeout).GET(), NodeStatus.class);
    }

    TaskStatus submit(TaskSubmission submission) throws IOException, NodeRefusal {
        return send(request(NodeProtocol.TASKS_PATH, timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(submission)))
                .header("Content-Type", "application/json"), TaskStatus.class);
    }

    TaskEventPage events(UUID taskId, long after, Duration wait) throws IOException, NodeRefusal {
        String path = NodeProtocol.TASKS_PATH + "/" + taskId + "/events?after=" + after + "&waitMillis=" + wait.toMillis();
        return send(request(path, timeout.plus(wait)).GET(), TaskEventPage.class);
    }

    TaskStatus cancel(UUID taskId) throws IOException, NodeRefusal {
        return send(request(NodeProtocol.TASKS_PATH + "/" + taskId + "/cancel", timeout)
                .POST(HttpRequest.BodyPublishers.noBody()), TaskStatus.class);
    }

    /**
     * A {@code GET} whose answer body is handed over as a stream (the caller closes it). The
     * request timeout covers the wait for the answer's head only, so long downloads are fine.
     */
    InputStream stream(String pathAndQuery) throws IOException, NodeRefusal {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request(pathAndQuery, timeout).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readAllBytes();
            }
            throw refusal(response.statusCode(), body);
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path, Duration requestTimeout) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(requestTimeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private <T> T send(HttpRequest.Builder request, Class<T> type) throws IOException, NodeRefusal {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw refusal(response.statusCode(), response.body());
        }
        return JSON.readValue(response.body(), type);
    }

    private static NodeRefusal refusal(int status, byte[] body) throws IOException {
        try {
            return new NodeRefusal(JSON.readValue(body, NodeError.class), status);
        } catch (IOException e) {
            throw new IOException("node answered HTTP " + status + " without an error body", e);
        }
    }
}
