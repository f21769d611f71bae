package org.bulwark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bulwark.api.M365Item;
import org.bulwark.api.M365Policy;
import org.bulwark.api.M365RestorePoint;
import org.bulwark.api.M365Tenant;
import org.bulwark.api.Node;
import org.bulwark.api.NodeEnrollment;
import org.bulwark.api.NodeState;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.node.BulwarkNode;
import org.bulwark.node.NodeConfig;
import org.bulwark.node.m365.graphlocal.LocalGraphService;
import org.bulwark.node.m365.graphlocal.Mime;
import org.bulwark.repository.InitOptions;
import org.bulwark.repository.Repository;
import org.bulwark.repository.crypto.KdfParams;
import org.bulwark.repository.destination.LocalDestination;
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
 * {@code bulwark tenant …} run in-process against a real server with a real node whose Graph SDK
 * talks to a local Graph service: register (secret from the environment only), discover, a policy,
 * a backup by the policy, restore points, browse, a download equal to the original that replaces
 * an existing file only with {@code --overwrite}, an event as {@code .ics} and a contact as
 * {@code .vcf}, and a restore.
 */
class M365CommandsTest {
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String TENANT = "contoso-cli";
    private static final String CLIENT = "app-cli-0001";
    private static final String SECRET = "Cc7~cli-client-secret-kept-out-of-argv";
    private static final String PASSPHRASE = "m365 cli passphrase";
    private static Path dir;
    private static BulwarkNode node;
    private static LocalGraphService graph;
    private static String alice;
    private static String bob;
    private static byte[] mime;
    private static String message;
    private static String event;
    private static String contact;

    @TempDir
    Path config;

    /** One run of the command line: exit status and what it printed. */
    record Run(int exit, String out, String err) {
        <T> T json(TypeReference<T> type) throws IOException {
            return JSON.readValue(out, type);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("bulwark-cli-m365");
        graph = new LocalGraphService(TENANT, CLIENT, SECRET);
        alice = graph.addUser("alice@contoso.test");
        bob = graph.addUser("bob@contoso.test");
        mime = Mime.message("erin@example.test", "alice@contoso.test", "Contract", "Signed copy attached.", "contract.pdf",
                "%PDF-1.7 contract".repeat(2000).getBytes(StandardCharsets.US_ASCII));
        message = graph.addMessage(alice, graph.inbox(alice), "Contract", "erin@example.test", mime);
        event = graph.addEvent(alice, graph.calendar(alice), Map.of("subject", "Contract signing",
                "start", Map.of("dateTime", "2026-12-03T10:00:00.0000000", "timeZone", "UTC"),
                "end", Map.of("dateTime", "2026-12-03T11:00:00.0000000", "timeZone", "UTC")));
        contact = graph.addContact(alice, graph.contactsRoot(alice), Map.of("displayName", "Erin Example",
                "emailAddresses", List.of(Map.of("name", "Erin", "address", "erin@example.test"))));
        try (Repository repo = Repository.init(new LocalDestination(dir.resolve("destination")),
                InitOptions.defaults().withKdf(new KdfParams(64, 1, 1)), PASSPHRASE.toCharArray())) {
            // a cheap key derivation keeps the test fast
        }
        Files.writeString(dir.resolve("passphrase"), PASSPHRASE);
        node = BulwarkNode.start(new NodeConfig(dir.resolve("node"), "node-cli-m365", "127.0.0.1", 0, 2, "cli-m365-token-0123"));
        String admin = SERVER.server().adminToken();
        Http.Answer enrolled = SERVER.server().http().call("POST", "/nodes", admin,
                new NodeEnrollment("node-cli-m365", "127.0.0.1", node.ssh().port(), "cli-m365-token-0123"));
        assertEquals(200, enrolled.status(), enrolled.body());
        UUID id = enrolled.as(Node.class).id();
        Await.until(() -> SERVER.server().http().get("/nodes/" + id, admin).as(Node.class), n -> n.state() == NodeState.ONLINE,
                "node online");
    }

    @AfterAll
    static void stop() throws IOException {
        if (node != null) {
            node.close();
        }
        if (graph != null) {
            graph.close();
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Run cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> environment = new HashMap<>(env);
        environment.put(SessionStore.CONFIG_DIR, config.toString());
        int exit = BulwarkCli.run(List.of(args), new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment, null, config));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run cli(String... args) {
        return cli(Map.of(), args);
    }

    private List<M365RestorePoint> restorePoints() {
        try {
            return cli("tenant", "restore-points", TENANT, "--json").json(new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void registerProtectBrowseDownloadAndRestoreATenant() throws IOException {
        Path password = Files.writeString(config.resolve("password"), TestServer.ADMIN_PASSWORD + "\n");
        assertEquals(0, cli("login", "--server", SERVER.server().url().toString(), "--user", "admin", "--password-file",
                password.toString()).exit());

        Run noSecret = cli("tenant", "add", TENANT, "--client-id", CLIENT, "--node", "node-cli-m365");
        assertEquals(ExitCode.USAGE.code(), noSecret.exit(), noSecret.err());
        assertTrue(noSecret.err().contains(M365Commands.CLIENT_SECRET), noSecret.err());
        Run add = cli(Map.of(M365Commands.CLIENT_SECRET, SECRET), "tenant", "add", TENANT, "--client-id", CLIENT, "--node",
                "node-cli-m365", "--graph-url", graph.graphUrl(), "--authority-url", graph.authorityUrl(), "--json");
        assertEquals(0, add.exit(), add.err());
        assertTrue(add.json(new TypeReference<M365Tenant>() { }).hasSecret());
        assertFalse(cli("tenants", "--json").out().contains(SECRET), "the secret is never shown");
        assertEquals(0, cli("tenant", "discover", TENANT, "--wait").exit());

        Run policy = cli("tenant", "policy", TENANT, "alice only", "--destination", dir.resolve("destination").toString(),
                "--passphrase-file", dir.resolve("passphrase").toString(), "--patterns", "ALICE@*",
                "--schedules", "daily 02:00;weekly SUN 03:00", "--keep-last", "3", "--json");
        assertEquals(0, policy.exit(), policy.err());
        M365Policy saved = policy.json(new TypeReference<>() { });
        assertEquals(List.of(alice), saved.selectedUserIds());
        assertEquals(2, saved.schedules().size());
        Run backup = cli("tenant", "backup", TENANT, "--policy", "alice only", "--wait", "--json");
        assertEquals(0, backup.exit(), backup.err());
        Task ended = backup.json(new TypeReference<>() { });
        assertEquals(TaskState.SUCCEEDED, ended.state());

        List<M365RestorePoint> points = Await.until(this::restorePoints, l -> !l.isEmpty(), "the restore point");
        String point = Long.toString(points.getFirst().id());
        List<M365Item> messages = cli("tenant", "browse", TENANT, point, "--mailbox", alice, "--folder", graph.inbox(alice),
                "--json").json(new TypeReference<>() { });
        assertEquals(List.of("Contract"), messages.stream().map(M365Item::name).toList());
        Run both = cli("tenant", "browse", TENANT, point, "--mailbox", alice, "--search", "x");
        assertEquals(ExitCode.USAGE.code(), both.exit(), "one listing at a time");

        Path eml = config.resolve("contract.eml");
        Run download = cli("tenant", "download", TENANT, point, "--mailbox", alice, "--message", message, "--out", eml.toString());
        assertEquals(0, download.exit(), download.err());
        assertArrayEquals(mime, Files.readAllBytes(eml), "the .eml is the message byte for byte");
        Run again = cli("tenant", "download", TENANT, point, "--mailbox", alice, "--message", message, "--out", eml.toString());
        assertEquals(ExitCode.CONFLICT.code(), again.exit(), again.err());
        assertTrue(again.err().contains("--overwrite"), again.err());
        assertArrayEquals(mime, Files.readAllBytes(eml), "the file is untouched");
        Files.writeString(eml, "stale");
        Run replaced = cli("tenant", "download", TENANT, point, "--mailbox", alice, "--message", message, "--out", eml.toString(),
                "--overwrite");
        assertEquals(0, replaced.exit(), replaced.err());
        assertArrayEquals(mime, Files.readAllBytes(eml), "replaced when asked to");

        List<M365Item> calendars = cli("tenant", "browse", TENANT, point, "--calendars", alice, "--json").json(new TypeReference<>() { });
        assertEquals(List.of("Calendar"), calendars.stream().map(M365Item::name).toList());
        List<M365Item> events = cli("tenant", "browse", TENANT, point, "--calendars", alice, "--folder", calendars.getFirst().id(),
                "--json").json(new TypeReference<>() { });
        assertEquals(List.of(event), events.stream().map(M365Item::id).toList());
        Path ics = config.resolve("signing.ics");
        Run eventDownload = cli("tenant", "download", TENANT, point, "--mailbox", alice, "--event", event, "--out", ics.toString());
        assertEquals(0, eventDownload.exit(), eventDownload.err());
        String calendar = Files.readString(ics);
        assertTrue(calendar.contains("\r\nSUMMARY:Contract signing\r\n") && calendar.contains("\r\nDTSTART:20261203T100000Z\r\n"), calendar);
        Path vcf = config.resolve("erin.vcf");
        Run contactDownload = cli("tenant", "download", TENANT, point, "--mailbox", alice, "--contact", contact, "--out", vcf.toString());
        assertEquals(0, contactDownload.exit(), contactDownload.err());
        String card = Files.readString(vcf);
        assertTrue(card.contains("\r\nFN:Erin Example\r\n") && card.contains("\r\nEMAIL;TYPE=INTERNET:erin@example.test\r\n"), card);

        Run restore = cli("tenant", "restore", TENANT, point, "--mailbox", alice, "--messages", message, "--target", bob,
                "--wait");
        assertEquals(0, restore.exit(), restore.err());
        String folder = graph.foldersOf(bob).entrySet().stream().filter(e -> e.getValue().startsWith("Restored "))
                .findFirst().orElseThrow().getKey();
        assertArrayEquals(mime, graph.mime(bob, graph.messagesIn(bob, folder).keySet().iterator().next()));
    }
}
