package org.bulwark.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.bulwark.api.NewUser;
import org.bulwark.api.Role;
import org.bulwark.api.Task;
import org.bulwark.api.TaskRequest;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.server.fixture.MariaDb;
import org.bulwark.server.fixture.ServerExtension;
import org.bulwark.server.fixture.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A restart keeps the data and runs the migrations again without harm. */
class RestartTest {
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external();

    @Test
    void dataSurvivesARestartAndMigrationsRunTwice() throws Exception {
        TestServer server = SERVER.server();
        String admin = server.adminToken();
        assertEquals(200, server.http().call("POST", "/users", admin,
                new NewUser("rita", "rita-password-123", Role.OPERATOR)).status());
        Task queued = server.http().call("POST", "/tasks", admin, new TaskRequest(TaskType.PING, null, Map.of())).as(Task.class);

        server.restart();

        assertEquals("rita", server.http().login("rita", "rita-password-123").username());
        Task after = server.http().get("/tasks/" + queued.id(), server.adminToken()).as(Task.class);
        assertEquals(TaskState.QUEUED, after.state(), "a queued task waits on across restarts");
        assertEquals(queued.createdAt(), after.createdAt(), "instants round-trip exactly");
        assertFalse(Files.exists(server.dataDir().resolve(BulwarkServer.INITIAL_PASSWORD_FILE)),
                "no one-time password file when admin.initial-password is set");
        try (Connection db = MariaDb.connect(server.database()); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select version, success from flyway_schema_history"
                     + " where version is not null order by installed_rank")) {
            List<String> versions = new ArrayList<>();
            while (rows.next()) {
                assertTrue(rows.getBoolean(2), "migration " + rows.getString(1) + " succeeded");
                versions.add(rows.getString(1));
            }
            assertEquals("1", versions.getFirst());
            assertEquals(versions.size(), new HashSet<>(versions).size(), "each migration was applied once: " + versions);
        }
    }
}
