package org.bulwark.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    @TempDir
    Path dir;

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void emptyFileGivesTheDocumentedDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("bulwark.properties"), "# nothing\n");
        ServerConfig config = ServerConfig.load(file, Map.of());
        assertEquals(dir.resolve("data"), config.dataDir());
        assertEquals("127.0.0.1", config.httpHost());
        assertEquals(8080, config.httpPort());
        assertEquals(ServerConfig.DbMode.EMBEDDED, config.dbMode());
        assertEquals(0, config.dbPort());
        assertEquals(Duration.ofHours(8), config.sessionTtl());
        assertEquals(Duration.ofSeconds(10), config.nodeHeartbeat());
        assertEquals(Duration.ofMinutes(5), config.nodeGrace());
        assertEquals(Optional.empty(), config.adminInitialPassword());
        assertEquals(false, config.tls());
    }

    @Test
    void adminPasswordComesFromTheEnvironmentUnlessTheFileSetsIt() {
        assertEquals(Optional.of("from-env-password"), ServerConfig.from(properties(), dir,
                Map.of(ServerConfig.ADMIN_PASSWORD_ENV, "from-env-password")).adminInitialPassword());
        assertEquals(Optional.of("from-file-password"), ServerConfig.from(properties("admin.initial-password",
                "from-file-password"), dir, Map.of(ServerConfig.ADMIN_PASSWORD_ENV, "from-env-password")).adminInitialPassword());
    }

    @Test
    void secretsAreNotInToString() {
        ServerConfig config = ServerConfig.from(properties("db.mode", "external", "db.url", "jdbc:mariadb://db/bulwark",
                "db.password", "db-secret", "admin.initial-password", "admin-secret"), dir, Map.of());
        assertTrue(!config.toString().contains("db-secret") && !config.toString().contains("admin-secret"), config.toString());
    }

    @Test
    void invalidValuesAreRefusedWithTheKeyNamed() {
        assertEquals("Unknown configuration keys: [http.prot]",
                assertThrows(ConfigException.class, () -> ServerConfig.from(properties("http.prot", "1"), dir, Map.of())).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> ServerConfig.from(properties("http.port", "70000"), dir, Map.of()))
                .getMessage().startsWith("http.port"));
        assertTrue(assertThrows(ConfigException.class, () -> ServerConfig.from(properties("session.ttl", "8h"), dir, Map.of()))
                .getMessage().startsWith("session.ttl"));
        assertTrue(assertThrows(ConfigException.class, () -> ServerConfig.from(properties("db.mode", "external"), dir, Map.of()))
                .getMessage().contains("db.url"));
        assertTrue(assertThrows(ConfigException.class, () -> ServerConfig.from(properties("tls.keystore", "k.p12"), dir, Map.of()))
                .getMessage().contains("tls.password"));
    }
}
