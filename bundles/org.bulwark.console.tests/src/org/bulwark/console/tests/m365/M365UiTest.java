package org.bulwark.console.tests.m365;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bulwark.api.M365Item;
import org.bulwark.api.M365Policy;
import org.bulwark.api.M365RestorePoint;
import org.bulwark.api.M365Tenant;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.api.rest.TenantResource;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.m365.M365Ids;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.JobWatcher;
import org.bulwark.console.tests.bot.ScreenshotOnFailure;
import org.bulwark.console.tests.fixture.Bulwark;
import org.bulwark.console.tests.fixture.BulwarkFixture;
import org.bulwark.console.tests.fixture.Workbench;
import org.bulwark.node.m365.graphlocal.LocalGraphService;
import org.bulwark.node.m365.graphlocal.Mime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Microsoft 365 in the console as an operator uses it, against the fixture's real server and
 * node, whose cloud agent talks through the real Graph SDK to the local Graph service of the
 * agent's own tests: register a tenant and discover its users, protect them with a policy and
 * run it, browse the restore point to a known message and file, download both (same bytes as the
 * Graph service served) and restore the message into another user's mailbox (the Graph service
 * receives it, byte for byte).
 */
@ExtendWith({BulwarkFixture.class, ScreenshotOnFailure.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2) // after ConsoleUiTest, which starts at the shared workbench's login dialog; before RestoreUiTest and its XTest drag
class M365UiTest {
    private static final Path SCREENSHOTS = Path.of(System.getProperty("bulwark.screenshots", "target/screenshots"));
    private static final String TENANT = "contoso-console";
    private static final String CLIENT = "app-console-0001";
    private static final String SECRET = "Cc7~console-client-secret-never-shown";
    private static final String POLICY = "mail and files of alice";
    private static final Duration BACKUP = Duration.ofMinutes(3);
    private static final byte[] NOTES = "alice's notes\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] Q1 = "first quarter\n".repeat(500).getBytes(StandardCharsets.UTF_8);
    private static Bot bot;
    private static JobWatcher jobs;
    private static LocalGraphService graph;
    private static Path dir;
    private static String alice;
    private static String bob;
    private static String aliceMessage;
    private static String notes;

    @BeforeAll
    static void startTheTenantAndLogIn(Bulwark bulwark) throws Exception {
        graph = new LocalGraphService(TENANT, CLIENT, SECRET);
        alice = graph.addUser("alice@contoso.test");
        bob = graph.addUser("bob@contoso.test");
        aliceMessage = graph.addMessage(alice, graph.inbox(alice), "Board figures", "erin@example.test",
                Mime.message("erin@example.test", "alice@contoso.test", "Board figures", "See the attachment.", "figures.bin",
                        "0123456789".repeat(3000).getBytes(StandardCharsets.US_ASCII)));
        String drive = graph.driveOf(alice);
        notes = graph.addDriveItem(drive, null, "notes.txt", NOTES);
        String reports = graph.addDriveItem(drive, null, "Reports", null);
        graph.addDriveItem(drive, reports, "q1.txt", Q1);
        dir = Files.createTempDirectory("bulwark-ui-m365-");
        Path passphrase = Files.writeString(dir.resolve("passphrase"), "console m365 passphrase");
        Files.setPosixFilePermissions(passphrase, PosixFilePermissions.fromString("rw-------"));
        Files.createDirectories(dir.resolve("downloads"));
        bot = new Bot(Workbench.display());
        jobs = new JobWatcher(ConsoleJob.FAMILY);
        Workbench.loggedIn(bot, bulwark);
    }

    @AfterAll
    static void stopTheTenant() throws IOException {
        if (graph != null) {
            graph.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void aTenantIsRegisteredWithItsSecretHiddenAndItsUsersDiscovered(Bulwark bulwark) {
        TenantsPartBot tenants = TenantsPartBot.open(bot);

        tenants.register("contoso console!", CLIENT, SECRET, bulwark.node().name(), graph.graphUrl(), graph.authorityUrl());
        String refused = tenants.waitForAnswer();
        assertTrue(refused.startsWith("tenantId must be a GUID or domain name"), refused);
        assertEquals("contoso console!", tenants.text(M365Ids.TENANT_ID), "the form keeps what was typed");
        assertEquals(SECRET, tenants.text(M365Ids.TENANT_SECRET), "the secret stays for the corrected attempt");

        tenants.register(TENANT, CLIENT, SECRET, bulwark.node().name(), graph.graphUrl(), graph.authorityUrl());
        assertEquals("Registered tenant " + TENANT + ". Discover its users next.", tenants.waitForAnswer());
        assertEquals("", tenants.text(M365Ids.TENANT_SECRET), "the secret is not shown again");
        Map<String, String> row = tenants.waitForTenant(TENANT);
        assertEquals("stored", row.get("Secret"));
        assertEquals(bulwark.node().name(), row.get("Node"));
        assertEquals("not yet", row.get("Discovered"));
        assertFalse(row.values().stream().anyMatch(value -> value.contains(SECRET)), row.toString());

        tenants.discover(TENANT);
        bot.waitUntil("the users of the discovery", () -> tenants.users().rows().size() == 2, BACKUP);
        assertEquals(List.of("alice@contoso.test", "bob@contoso.test"), tenants.users().rows().stream()
                .map(user -> user.get("User principal name")).sorted().toList());
        tenants.shell().screenshot(SCREENSHOTS.resolve("m365-tenants.png"));
    }

    @Test
    @Order(2)
    void aPolicyIsCheckedBySavedAndRunFromTheConsole(Bulwark bulwark) {
        TenantPoliciesPartBot policies = TenantPoliciesPartBot.open(bot);
        policies.waitForTenant(TENANT);
        bot.waitUntil("the discovered users in the form", () -> policies.users().rows().size() == 2);

        policies.text(M365Ids.POLICY_NAME).typeText(POLICY);
        policies.text(M365Ids.POLICY_PATTERNS).typeText("ALICE@*");
        policies.text(M365Ids.POLICY_DESTINATION).typeText(dir.resolve("destination").toString());
        policies.text(M365Ids.POLICY_PASSPHRASE_FILE).typeText(dir.resolve("passphrase").toString());
        policies.text(M365Ids.POLICY_SCHEDULES).typeText("daily 25:00");
        policies.text(M365Ids.POLICY_KEEP_LAST).typeText("3");
        String refused = policies.save();
        assertTrue(refused.contains("schedules[0]"), "the server's message: " + refused);
        assertEquals(POLICY, policies.text(M365Ids.POLICY_NAME).text(), "the form keeps what was typed");
        assertEquals("ALICE@*", policies.text(M365Ids.POLICY_PATTERNS).text());

        policies.text(M365Ids.POLICY_SCHEDULES).typeText("daily 03:00");
        assertEquals("Saved. It covers 1 user now.", policies.save(), "alice by her name pattern, not bob");
        Map<String, String> row = policies.waitForPolicy(POLICY);
        assertEquals("daily 03:00", row.get("Schedules"));
        assertEquals("last 3, 0 days", row.get("Retention"));
        assertFalse(row.get("Next run").isEmpty(), "the server computed the next run");

        policies.runNow(POLICY);
        try (BulwarkClient admin = bulwark.admin()) {
            M365Tenant tenant = tenant(admin);
            M365Policy policy = admin.resource(TenantResource.class).policies(tenant.id()).getFirst();
            bot.waitUntil("a restore point made by the policy", () -> admin.resource(TenantResource.class)
                    .restorePoints(tenant.id()).stream().anyMatch(point -> policy.id().equals(point.policyId())), BACKUP);
            Task backup = admin.tasks().list().stream().filter(task -> task.type() == TaskType.M365_BACKUP).findFirst()
                    .orElseThrow();
            assertEquals(TaskState.SUCCEEDED, backup.state(), backup.toString());
            assertEquals(bulwark.adminUser(), backup.owner(), "run from the console by the operator");
        }
        jobs.waitUntilIdle(bot, Bot.TIMEOUT);
        policies.shell().screenshot(SCREENSHOTS.resolve("m365-policies.png"));
    }

    @Test
    @Order(3)
    void aMessageAndAFileAreFoundDownloadedAndTheMessageRestoredToAnotherUser(Bulwark bulwark) throws IOException {
        M365RestorePoint point;
        String mailbox;
        String inbox;
        String drive;
        try (BulwarkClient admin = bulwark.admin()) {
            TenantResource tenants = admin.resource(TenantResource.class);
            M365Tenant tenant = tenant(admin);
            point = tenants.restorePoints(tenant.id()).getFirst();
            mailbox = name(tenants.mailboxes(tenant.id(), point.id()), alice);
            inbox = name(tenants.mailFolders(tenant.id(), point.id(), alice), graph.inbox(alice));
            drive = name(tenants.drives(tenant.id(), point.id()), graph.driveOf(alice));
        }
        M365BrowserPartBot browser = M365BrowserPartBot.open(bot);
        bot.waitUntil("the restore point to be offered", () -> !browser.restorePoints().items().isEmpty());
        assertEquals(1, browser.restorePoints().items().size(), browser.restorePoints().items().toString());
        browser.tree().waitForItem("Mail");

        browser.open("Mail");
        browser.open("Mail > " + mailbox);
        browser.open("Mail > " + mailbox + " > " + inbox);
        String message = "Mail > " + mailbox + " > " + inbox + " > Board figures";
        browser.tree().waitForItem(message);
        browser.open("Files");
        browser.open("Files > " + drive);
        browser.tree().waitForItem("Files > " + drive + " > notes.txt");
        browser.shell().screenshot(SCREENSHOTS.resolve("m365-restore-browser.png"));

        Path downloads = dir.resolve("downloads");
        browser.downloadInto(downloads);
        assertEquals("Download of 'Board figures': 1 written (Board figures.eml)", browser.download(message));
        assertArrayEquals(graph.mime(alice, aliceMessage), Files.readAllBytes(downloads.resolve("Board figures.eml")),
                "the .eml is the message as the Graph service served it");
        assertEquals("Download of 'notes.txt': 1 written (notes.txt)", browser.download("Files > " + drive + " > notes.txt"));
        assertArrayEquals(graph.fileContent(graph.driveOf(alice), notes), Files.readAllBytes(downloads.resolve("notes.txt")));
        assertEquals("Download of 'Reports': 1 written (Reports)", browser.download("Files > " + drive + " > Reports"));
        assertArrayEquals(Q1, Files.readAllBytes(downloads.resolve("Reports/q1.txt")), "a folder comes as its files");

        Files.writeString(downloads.resolve("Board figures.eml"), "the operator's own file");
        assertEquals("Download of 'Board figures': 1 written (Board figures (1).eml)", browser.download(message),
                "an existing file is kept: the download gets a new name");
        assertEquals("the operator's own file", Files.readString(downloads.resolve("Board figures.eml")));
        assertArrayEquals(graph.mime(alice, aliceMessage), Files.readAllBytes(downloads.resolve("Board figures (1).eml")));

        browser.search("FIGURES");
        String found = "Found for 'FIGURES' > Board figures";
        browser.tree().waitForItem(found);
        browser.shell().screenshot(SCREENSHOTS.resolve("m365-search.png"));
        String restored = browser.restore(found, "Mailbox of bob@contoso.test");
        assertTrue(restored.startsWith("Restore succeeded: 1 item restored into \"Restored "), restored);
        String folder = graph.foldersOf(bob).entrySet().stream().filter(entry -> entry.getValue().startsWith("Restored "))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no Restored folder: " + graph.foldersOf(bob)));
        List<String> messages = List.copyOf(graph.messagesIn(bob, folder).keySet());
        assertEquals(1, messages.size(), messages.toString());
        assertArrayEquals(graph.mime(alice, aliceMessage), graph.mime(bob, messages.getFirst()),
                "bob's mailbox received alice's message byte for byte");
        jobs.waitUntilIdle(bot, Bot.TIMEOUT);
        browser.shell().screenshot(SCREENSHOTS.resolve("m365-restored.png"));
    }

    private static M365Tenant tenant(BulwarkClient admin) {
        return admin.resource(TenantResource.class).list().stream().filter(t -> t.tenantId().equals(TENANT)).findFirst()
                .orElseThrow();
    }

    /** The name the server lists for the item {@code id}. */
    private static String name(List<M365Item> items, String id) {
        return items.stream().filter(item -> item.id().equals(id)).map(M365Item::name).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + items));
    }
}
