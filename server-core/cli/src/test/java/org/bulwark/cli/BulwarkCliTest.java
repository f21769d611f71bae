package org.bulwark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.bulwark.api.ApiError;
import org.bulwark.api.NewUser;
import org.bulwark.api.Node;
import org.bulwark.api.NodeEnrollment;
import org.bulwark.api.NodeState;
import org.bulwark.api.Role;
import org.bulwark.api.Task;
import org.bulwark.api.TaskRequest;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.node.BulwarkNode;
import org.bulwark.node.NodeConfig;
import org.bulwark.server.fixture.Await;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.ServerExtension;
import org.bulwark.server.fixture.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark} run in-process against a real server (private MariaDB) with a real node
 * daemon enrolled over SSH on loopback: sessions, tables, JSON, task watching and the exit
 * code of each kind of failure.
 */
class BulwarkCliTest {
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String NODE = "node-cli";
    private static final String VIEWER_PASSWORD = "viewer-password-for-tests";
    private static Path nodeDir;
    private static BulwarkNode node;
    private static String admin;

    @TempDir
    Path config;

    /** One run of the command line: exit status and what it printed. */
    record Run(int exit, String out, String err) {
        <T> T json(TypeReference<T> type) throws IOException {
            return JSON.readValue(out, type);
        }
    }

    @BeforeAll
    static void enrollNodeAndCreateViewer() throws IOException {
        nodeDir = Files.createTempDirectory("bulwark-cli-node");
        node = BulwarkNode.start(new NodeConfig(nodeDir, NODE, "127.0.0.1", 0, 2, "cli-token-0123456789"));
        admin = SERVER.server().adminToken();
        Http.Answer enrolled = http().call("POST", "/nodes", admin,
                new NodeEnrollment(NODE, "127.0.0.1", node.ssh().port(), "cli-token-0123456789"));
        assertEquals(200, enrolled.status(), enrolled.body());
        UUID id = enrolled.as(Node.class).id();
        Await.until(() -> http().get("/nodes/" + id, admin).as(Node.class), n -> n.state() == NodeState.ONLINE, "node online");
        Http.Answer viewer = http().call("POST", "/users", admin, new NewUser("viewer", VIEWER_PASSWORD, Role.VIEWER));
        assertEquals(200, viewer.status(), viewer.body());
    }

    @AfterAll
    static void stopNode() throws IOException {
        node.close();
        try (var paths = Files.walk(nodeDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Http http() {
        return SERVER.server().http();
    }

    private Run cli(String... args) {
        return cli(Map.of(), args);
    }

    private Run cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> environment = new java.util.HashMap<>(env);
        environment.put(SessionStore.CONFIG_DIR, config.toString());
        int exit = BulwarkCli.run(List.of(args), new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment, null, config));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run login(String user, String password) throws IOException {
        Path file = Files.writeString(config.resolve("password-" + user), password + "\n");
        return cli("login", "--server", SERVER.server().url().toString(), "--user", user, "--password-file", file.toString());
    }

    private Path sessionFile() {
        return config.resolve("session");
    }

    @Test
    void wrongPasswordIsRefusedWithItsExitCodeAndSavesNoSession() throws IOException {
        Run run = login("admin", "not-the-password");
        assertEquals(ExitCode.NOT_AUTHENTICATED.code(), run.exit(), run.err());
        assertTrue(run.err().startsWith("bulwark: Login refused: "), run.err());
        assertFalse(Files.exists(sessionFile()), "no session saved");
        Run nodes = cli("nodes");
        assertEquals(ExitCode.NOT_AUTHENTICATED.code(), nodes.exit());
        assertTrue(nodes.err().contains("Not logged in: run bulwark login"), nodes.err());
    }

    @Test
    void loginSavesTheSessionReadableByItsOwnerOnlyAndWhoamiShowsIt() throws IOException {
        Run run = login("admin", TestServer.ADMIN_PASSWORD);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Logged in to " + SERVER.server().url() + " as admin (ADMINISTRATOR)"), run.out());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sessionFile())));
        String saved = Files.readString(sessionFile());
        assertFalse(saved.contains(TestServer.ADMIN_PASSWORD), "the password is never saved");

        Run whoami = cli("whoami", "--json");
        assertEquals(0, whoami.exit(), whoami.err());
        Map<String, Object> identity = whoami.json(new TypeReference<>() { });
        assertEquals("admin", identity.get("username"));
        assertEquals("ADMINISTRATOR", identity.get("role"));
        assertFalse(identity.containsKey("token"), "the token is not printed");

        Run logout = cli("logout");
        assertEquals(0, logout.exit(), logout.err());
        assertFalse(Files.exists(sessionFile()));
        assertEquals(401, http().get("/auth/session", token(saved)).status(), "the session ended on the server");
    }

    @Test
    void aPasswordAsAnArgumentOrAnUnknownOptionIsAUsageError() {
        Run password = cli("login", "--server", "x", "--user", "admin", "--password", "secret");
        assertEquals(ExitCode.USAGE.code(), password.exit());
        assertTrue(password.err().contains("never given on the command line"), password.err());
        Run unknown = cli("nodes", "--colour");
        assertEquals(ExitCode.USAGE.code(), unknown.exit());
        assertTrue(unknown.err().contains("unknown option --colour"), unknown.err());
        Run noServer = cli("login", "--user", "admin");
        assertEquals(ExitCode.USAGE.code(), noServer.exit());
        assertTrue(noServer.err().contains("--server is required"), noServer.err());
        Run command = cli("frobnicate");
        assertEquals(ExitCode.USAGE.code(), command.exit());
    }

    @Test
    void everyCommandHasHelp() {
        Run help = cli("task", "watch", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().startsWith("Usage: bulwark task watch ID"), help.out());
        Run overview = cli("--help");
        assertEquals(0, overview.exit());
        for (String command : List.of("login", "nodes", "task show", "ping", "vms", "backup", "restore-points", "restore", "policies")) {
            assertTrue(overview.out().contains("  " + command + " "), command + " in " + overview.out());
        }
    }

    @Test
    void anUnreachableServerHasItsOwnExitCode() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Path file = Files.writeString(config.resolve("password"), "whatever\n");
        Run run = cli("login", "--server", "http://127.0.0.1:" + closed, "--user", "admin", "--password-file", file.toString());
        assertEquals(ExitCode.UNREACHABLE.code(), run.exit());
        assertTrue(run.err().contains("Cannot reach the server"), run.err());
    }

    @Test
    void nodesListsTheNodeOnlineAsTableAndJson() throws IOException {
        login("admin", TestServer.ADMIN_PASSWORD);
        Run table = cli("nodes");
        assertEquals(0, table.exit(), table.err());
        String row = table.out().lines().filter(line -> line.startsWith(NODE)).findFirst().orElseThrow();
        assertTrue(row.matches(NODE + " +ONLINE +127\\.0\\.0\\.1:" + node.ssh().port() + " .*"), row);
        List<Node> nodes = cli("nodes", "--json").json(new TypeReference<>() { });
        assertEquals(NodeState.ONLINE, nodes.stream().filter(n -> n.name().equals(NODE)).findFirst().orElseThrow().state());
    }

    @Test
    void pingWaitShowsProgressAndEndsSucceededThenTaskShowHasTheLog() throws IOException {
        login("admin", TestServer.ADMIN_PASSWORD);
        Run ping = cli("ping", NODE, "--wait", "--json");
        assertEquals(0, ping.exit(), ping.err());
        assertTrue(ping.err().contains("PING RUNNING") || ping.err().contains("PING QUEUED"), ping.err());
        assertTrue(ping.err().contains("PING SUCCEEDED 100%"), ping.err());
        Task task = ping.json(new TypeReference<>() { });
        assertEquals(TaskState.SUCCEEDED, task.state());
        assertEquals(NODE, task.nodeName());

        Run show = cli("task", "show", task.id().toString());
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains("State    SUCCEEDED 100%"), show.out());
        assertTrue(show.out().contains("Queued by admin") && show.out().contains("SUCCEEDED: Succeeded"), show.out());
        Run tasks = cli("tasks");
        assertTrue(tasks.out().lines().anyMatch(line -> line.startsWith(task.id() + "  PING  SUCCEEDED")), tasks.out());
    }

    @Test
    void aCancelledTaskWatchedEndsNonZeroAndCancellingItAgainConflicts() throws IOException {
        login("admin", TestServer.ADMIN_PASSWORD);
        Http.Answer submitted = http().call("POST", "/tasks", admin,
                new TaskRequest(TaskType.PING, null, Map.of("steps", "1000", "stepMillis", "20")));
        UUID id = submitted.as(Task.class).id();
        Await.until(() -> http().get("/tasks/" + id, admin).as(Task.class), t -> t.progress() > 0 || t.state().isFinal(),
                "ping running");
        Run cancel = cli("cancel", id.toString());
        assertEquals(0, cancel.exit(), cancel.err());
        Run watch = cli("task", "watch", id.toString());
        assertEquals(ExitCode.TASK_NOT_SUCCEEDED.code(), watch.exit(), watch.err());
        assertTrue(watch.out().startsWith("CANCELLED"), watch.out());
        Run again = cli("cancel", id.toString());
        assertEquals(ExitCode.CONFLICT.code(), again.exit(), again.err());
        Run unknown = cli("task", "show", UUID.randomUUID().toString());
        assertEquals(ExitCode.NOT_FOUND.code(), unknown.exit(), unknown.err());
        assertTrue(unknown.err().startsWith("bulwark: Not found: "), unknown.err());
        Run malformed = cli("task", "show", "12");
        assertEquals(ExitCode.USAGE.code(), malformed.exit(), malformed.err());
    }

    @Test
    void aViewerMayListButNotPing() throws IOException {
        assertEquals(0, login("viewer", VIEWER_PASSWORD).exit());
        assertEquals(0, cli("nodes").exit());
        Run ping = cli("ping", NODE);
        assertEquals(ExitCode.FORBIDDEN.code(), ping.exit(), ping.err());
        assertTrue(ping.err().startsWith("bulwark: Forbidden: "), ping.err());
        Run json = cli("ping", NODE, "--json");
        ApiError error = JSON.readValue(json.err(), ApiError.class);
        assertEquals(403, error.status());
        assertEquals("FORBIDDEN", error.code());
    }

    @Test
    void anEndedSessionSaysToLogInAgain() throws IOException {
        login("admin", TestServer.ADMIN_PASSWORD);
        String token = token(Files.readString(sessionFile()));
        assertEquals(204, http().call("POST", "/auth/logout", token, null).status());
        Run run = cli("nodes");
        assertEquals(ExitCode.NOT_AUTHENTICATED.code(), run.exit(), run.err());
        assertTrue(run.err().startsWith("bulwark: The session has expired or was ended") && run.err().contains("run bulwark login"),
                run.err());
    }

    @Test
    void inventoryCommandsAnswerJsonAndNameUnknownVms() throws IOException {
        login("admin", TestServer.ADMIN_PASSWORD);
        Run vms = cli("vms", "--json");
        assertEquals(0, vms.exit(), vms.err());
        assertEquals(List.of(), vms.json(new TypeReference<List<Object>>() { }), "no hypervisor, no VMs");
        Run policies = cli("policies", "--json");
        assertEquals(0, policies.exit(), policies.err());
        assertEquals(List.of(), policies.json(new TypeReference<List<Object>>() { }));
        Run points = cli("restore-points", "no-such-vm");
        assertEquals(ExitCode.NOT_FOUND.code(), points.exit());
        assertTrue(points.err().contains("no VM named or with the id no-such-vm"), points.err());
        Run restore = cli("restore", "no-such-point", "--folder", "/tmp/restored");
        assertEquals(ExitCode.NOT_FOUND.code(), restore.exit(), restore.err());
        Run format = cli("restore", "p", "--folder", "/tmp/restored", "--format", "vmdk");
        assertEquals(ExitCode.USAGE.code(), format.exit());
        assertTrue(format.err().contains("--format is raw or qcow2, not vmdk"), format.err());
        Run unnamed = cli("restore", "p", "--folder", "/tmp/restored", "--to-hypervisor");
        assertEquals(ExitCode.USAGE.code(), unnamed.exit());
        assertTrue(unnamed.err().contains("--to-hypervisor needs --name NEW, or --overwrite"), unnamed.err());
        Run backup = cli("backup", "no-such-vm", "--destination", "/srv/repo");
        assertEquals(ExitCode.NOT_FOUND.code(), backup.exit(), backup.err());
    }

    private static String token(String sessionFile) throws IOException {
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(sessionFile));
        return properties.getProperty("token");
    }
}
