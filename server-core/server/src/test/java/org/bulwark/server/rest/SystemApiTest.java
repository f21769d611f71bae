package org.bulwark.server.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.bulwark.api.Health;
import org.bulwark.api.ServerInfo;
import org.bulwark.server.BulwarkServer;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health, versions, the OpenAPI description and the ready marker. */
class SystemApiTest {
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external();

    private static Http http() {
        return SERVER.server().http();
    }

    @Test
    void healthNeedsNoSessionAndReportsDatabaseAndNodes() {
        Http.Answer answer = http().get("/system/health", null);
        assertEquals(200, answer.status(), answer.body());
        assertEquals(new Health("UP", true, 0, 0), answer.as(Health.class));
    }

    @Test
    void infoNamesVersionsIncludingTheDatabase() {
        assertEquals(401, http().get("/system/info", null).status());
        ServerInfo info = http().get("/system/info", SERVER.server().adminToken()).as(ServerInfo.class);
        assertEquals("Bulwark Backup & Recovery", info.product());
        assertEquals("0.1.0-SNAPSHOT", info.version());
        assertTrue(info.databaseVersion().contains("MariaDB"), info.databaseVersion());
        assertEquals(Runtime.version().toString(), info.javaVersion());
    }

    @Test
    void openApiDescribesTheResources() {
        Http.Answer answer = http().raw("/api/v1/openapi.json");
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"/auth/login\""), answer.body());
        assertTrue(answer.body().contains("\"/tasks/{id}/cancel\""));
        assertTrue(answer.body().contains("\"/nodes\""));
    }

    @Test
    void serverUrlFileNamesTheReadyServer() throws Exception {
        String url = Files.readString(SERVER.server().dataDir().resolve(BulwarkServer.URL_FILE)).trim();
        assertEquals(SERVER.server().url().toString(), url);
        assertTrue(url.startsWith("http://127.0.0.1:"), url);
    }
}
