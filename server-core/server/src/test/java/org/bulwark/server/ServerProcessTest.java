package org.bulwark.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bulwark.server.db.DatabaseConnection;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.MariaDb;
import org.bulwark.server.fixture.MariaDbExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main class as the distribution runs it: a separate JVM on a plain class path with
 * {@code --config FILE}, JSON log lines without secrets, and a clean stop on SIGTERM.
 */
@ExtendWith(MariaDbExtension.class)
class ServerProcessTest {
    private static final String ADMIN_PASSWORD = "process-admin-password";

    @TempDir
    Path dir;

    @Test
    void mainStartsFromAConfigFileAndStopsCleanlyOnSigterm(MariaDb mariaDb) throws Exception {
        DatabaseConnection db = mariaDb.newDatabase();
        Path data = dir.resolve("data");
        Path config = Files.writeString(dir.resolve("server.properties"), String.join("\n",
                "data.dir=data", "http.port=0", "db.mode=external", "db.url=" + db.url(), "db.user=" + db.user(),
                "db.password=" + db.password(), "admin.initial-password=" + ADMIN_PASSWORD, ""));
        Path log = dir.resolve("server.log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BulwarkServer.class.getName(), "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Path urlFile = data.resolve(BulwarkServer.URL_FILE);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (!Files.exists(urlFile) && server.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(urlFile), "server.url written; log: " + Files.readString(log));
            URI url = URI.create(Files.readString(urlFile).trim());
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(url.resolve("/api/v1/system/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"Guessed-Secret-4711\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, login.statusCode());
        } finally {
            server.destroy();   // SIGTERM
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "stopped after SIGTERM");
        }
        assertEquals(143, server.exitValue(), "terminated by SIGTERM after the shutdown hook ran");

        List<String> lines = Files.readAllLines(log);
        List<JsonNode> records = lines.stream().filter(l -> l.startsWith("{")).map(ServerProcessTest::json).toList();
        assertTrue(records.stream().anyMatch(r -> r.get("message").asText().startsWith("Bulwark server ready at http://127.0.0.1:")));
        assertTrue(records.stream().anyMatch(r -> r.get("message").asText().equals("Bulwark server stopped")));
        assertTrue(records.stream().anyMatch(r -> r.get("level").asText().equals("WARNING")
                && r.get("message").asText().startsWith("login failed user=admin reason=wrong-password")));
        String all = String.join("\n", lines);
        for (String secret : List.of(ADMIN_PASSWORD, "Guessed-Secret-4711", db.password())) {
            assertFalse(all.contains(secret), "the log never shows " + secret);
        }
        assertFalse(Files.exists(data.resolve(BulwarkServer.INITIAL_PASSWORD_FILE)));
    }

    private static JsonNode json(String line) {
        try {
            return Http.JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }
}
