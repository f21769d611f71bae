package org.bulwark.console.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.bulwark.api.ServerInfo;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.model.ConsoleSession;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.JobWatcher;
import org.bulwark.console.tests.bot.ScreenshotOnFailure;
import org.bulwark.console.tests.fixture.Bulwark;
import org.bulwark.console.tests.fixture.BulwarkFixture;
import org.bulwark.console.tests.fixture.Workbench;
import org.bulwark.console.tests.pages.AboutDialogBot;
import org.bulwark.console.tests.pages.LoginDialogBot;
import org.bulwark.console.tests.pages.MainWindowBot;
import org.bulwark.console.tests.pages.NodesPartBot;
import org.bulwark.console.tests.pages.TasksPartBot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console as an operator uses it, against a real server and node: the real e4 workbench
 * under Xvfb, driven by mouse clicks and key strokes. The tests follow one session in order:
 * failed logins, a successful one, a ping, the About dialog, a session that ends.
 */
@ExtendWith({BulwarkFixture.class, ScreenshotOnFailure.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleUiTest {
    private static final Path SCREENSHOTS = Path.of(System.getProperty("bulwark.screenshots", "target/screenshots"));
    private static Bot bot;
    private static JobWatcher jobs;

    @BeforeAll
    static void startWorkbench() throws InterruptedException {
        bot = new Bot(Workbench.display());
        jobs = new JobWatcher(ConsoleJob.FAMILY);
    }

    @AfterAll
    static void closeWorkbench() {
        Workbench.close();
    }

    @Test
    @Order(1)
    void anUnreachableServerIsReportedAndTheInputStays() throws IOException {
        String url = "http://127.0.0.1:" + closedPort();
        LoginDialogBot login = LoginDialogBot.atStartup(bot).logIn(url, "admin", "some-password");

        String error = login.waitForError();

        assertTrue(error.startsWith("Cannot reach the server at " + url + ": connection refused"), error);
        assertTrue(login.isOpen(), "the dialog stays open to correct the URL");
        assertEquals(url, login.serverUrl());
        assertEquals("admin", login.user());
        assertEquals("some-password", login.password());
    }

    @Test
    @Order(2)
    void aWrongPasswordIsReportedAndTheUserStays(Bulwark bulwark) {
        LoginDialogBot login = LoginDialogBot.atStartup(bot).logIn(bulwark.serverUrl(), bulwark.adminUser(), "not-the-password");

        assertEquals("Wrong user name or password.", login.waitForError());
        assertTrue(login.isOpen());
        assertEquals(bulwark.serverUrl(), login.serverUrl());
        assertEquals(bulwark.adminUser(), login.user());
    }

    @Test
    @Order(3)
    void afterLoginTheNodesPartShowsTheNodeOnline(Bulwark bulwark) {
        LoginDialogBot login = LoginDialogBot.atStartup(bot);
        login.logIn(bulwark.adminPassword());
        login.waitUntilClosed();

        MainWindowBot main = MainWindowBot.waitFor(bot);
        NodesPartBot nodes = main.nodes();
        Map<String, String> row = nodes.waitForNode(bulwark.node().name(), "ONLINE");

        assertEquals("127.0.0.1:" + bulwark.node().sshPort(), row.get("Host"));
        assertEquals(bulwark.node().version(), row.get("Version"));
        assertEquals(Integer.toString(bulwark.node().capacity()), row.get("Capacity"));
        assertFalse(row.get("Last seen").isEmpty(), "the node's last heartbeat is shown");
        bot.waitUntil("the status line to count the node", () -> nodes.status().equals("1 node, 1 online"));
        main.screenshot(SCREENSHOTS.resolve("main-window-nodes.png"));
    }

    @Test
    @Order(4)
    void pingingTheNodeShowsTheTaskRunAndSucceed(Bulwark bulwark) throws IOException {
        MainWindowBot main = MainWindowBot.waitFor(bot);
        String node = bulwark.node().name();

        TasksPartBot tasks = main.nodes().ping(node);

        bot.waitUntil("the Tasks part to come to the front", tasks::isShowing);
        tasks.waitForTask("the ping to appear", row -> "PING".equals(row.get("Type")) && node.equals(row.get("Node")));
        bot.waitUntil("the status bar to show the ping's progress", () -> main.jobStatus().startsWith("Ping " + node));
        Map<String, String> done = tasks.waitForTask("the ping to succeed",
                row -> "PING".equals(row.get("Type")) && "SUCCEEDED".equals(row.get("State")));
        assertEquals("100 %", done.get("Progress"));
        assertEquals(node, done.get("Node"));
        assertEquals(bulwark.adminUser(), done.get("Owner"));
        jobs.waitUntilIdle(bot, Bot.TIMEOUT);
        bot.waitUntil("the status bar to clear", () -> main.jobStatus().isEmpty());
        try (BulwarkClient admin = bulwark.admin()) {
            Task task = admin.tasks().list().get(0);
            assertEquals(TaskState.SUCCEEDED, task.state(), "the server agrees");
            assertEquals(100, task.progress());
        }
        Path shot = main.screenshot(SCREENSHOTS.resolve("main-window-tasks.png"));
        assertTrue(Files.size(shot) > 1000, "a real screenshot was written");
    }

    @Test
    @Order(5)
    void aRunningTaskIsCancelledFromTheTasksPart(Bulwark bulwark) {
        MainWindowBot main = MainWindowBot.waitFor(bot);
        String node = bulwark.node().name();

        TasksPartBot tasks = main.nodes().ping(node);
        bot.waitUntil("the Tasks part to come to the front", tasks::isShowing);
        tasks.waitForTask("the new ping to run", row -> "RUNNING".equals(row.get("State")));
        tasks.cancel("the running ping", row -> "RUNNING".equals(row.get("State")));

        Map<String, String> cancelled = tasks.waitForTask("the ping to be cancelled",
                row -> "PING".equals(row.get("Type")) && "CANCELLED".equals(row.get("State")));
        assertNotEquals("100 %", cancelled.get("Progress"), "it stopped before the end");
        jobs.waitUntilIdle(bot, Bot.TIMEOUT);
        assertTrue(tasks.table().rows().stream().noneMatch(row -> "RUNNING".equals(row.get("State"))));
    }

    @Test
    @Order(6)
    void aboutShowsTheServerVersion(Bulwark bulwark) {
        ServerInfo info;
        try (BulwarkClient admin = bulwark.admin()) {
            info = admin.system().info();
        }
        AboutDialogBot about = MainWindowBot.waitFor(bot).about();

        assertEquals(info.product() + " " + info.version(), about.serverVersion());
        assertEquals(java.util.Objects.toString(info.databaseVersion(), ""), about.database());
        assertFalse(about.consoleVersion().isEmpty());
        about.close();
    }

    @Test
    @Order(7)
    void anEndedSessionAsksForThePasswordAgainAndCarriesOn(Bulwark bulwark) {
        ConsoleSession session = Workbench.context().get(ConsoleSession.class);
        String ended = session.session().token();
        session.call(client -> {
            client.auth().logout();
            return null;
        });

        LoginDialogBot again = LoginDialogBot.again(bot);
        assertEquals(bulwark.adminUser(), again.user(), "the same user logs in again");
        again.logIn(bulwark.adminPassword());
        again.waitUntilClosed();

        assertNotEquals(ended, session.session().token(), "a new session replaced the ended one");
        NodesPartBot nodes = MainWindowBot.waitFor(bot).nodes();
        nodes.waitForNode(bulwark.node().name(), "ONLINE");
        bot.waitUntil("the nodes to refresh without errors", () -> nodes.status().equals("1 node, 1 online"),
                Duration.ofSeconds(10));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
