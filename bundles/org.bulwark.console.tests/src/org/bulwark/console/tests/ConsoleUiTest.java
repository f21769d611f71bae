package org.bulwark.console.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.bulwark.api.HypervisorRequest;
import org.bulwark.api.NewUser;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.RestoreRequest;
import org.bulwark.api.Role;
import org.bulwark.api.User;
import org.bulwark.api.rest.HypervisorResource;
import org.bulwark.api.rest.PolicyResource;
import org.bulwark.api.rest.VmResource;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.dialogs.RestoreDialog;
import org.bulwark.console.model.DashboardFigures;
import org.bulwark.console.model.internal.ReloginSession;
import org.bulwark.console.parts.RestorePointsPart;
import org.bulwark.console.parts.UsersPart;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Display;
import org.bulwark.api.ServerInfo;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.model.ConsoleSession;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.ButtonBot;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.JobWatcher;
import org.bulwark.console.tests.bot.ScreenshotOnFailure;
import org.bulwark.console.tests.fixture.Bulwark;
import org.bulwark.console.tests.fixture.BulwarkFixture;
import org.bulwark.console.tests.fixture.Workbench;
import org.bulwark.console.tests.pages.AboutDialogBot;
import org.bulwark.console.tests.pages.DashboardPartBot;
import org.bulwark.console.tests.pages.InventoryPartBot;
import org.bulwark.console.tests.pages.RestorePointsPartBot;
import org.bulwark.console.tests.pages.UsersPartBot;
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
        // a ping of a minute (the Nodes part's ping lasts 5 s): a loaded machine still shows it running at the cancel
        try (BulwarkClient admin = bulwark.admin()) {
            admin.tasks().submit(new org.bulwark.api.TaskRequest(org.bulwark.api.TaskType.PING, bulwark.node().id(),
                    Map.of("steps", "600", "stepMillis", "100")));
        }

        TasksPartBot tasks = main.tasks();
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

        // the dialog closes on the UI thread before the waiting job hands the new client to the session
        bot.waitUntil("a new session to replace the ended one", () -> !ended.equals(session.session().token()));
        NodesPartBot nodes = MainWindowBot.waitFor(bot).nodes();
        nodes.waitForNode(bulwark.node().name(), "ONLINE");
        bot.waitUntil("the nodes to refresh without errors", () -> nodes.status().equals("1 node, 1 online"),
                Duration.ofSeconds(10));
    }

    @Test
    @Order(8)
    void theDashboardShowsTheFiguresTheServerGives(Bulwark bulwark) {
        MainWindowBot main = MainWindowBot.waitFor(bot);
        jobs.waitUntilIdle(bot, Bot.TIMEOUT); // the pings of the earlier tests have ended
        DashboardFigures expected;
        try (BulwarkClient admin = bulwark.admin()) {
            expected = DashboardFigures.count(admin.resource(VmResource.class).list(),
                    admin.resource(PolicyResource.class).list(), admin.tasks().list(), admin.nodes().list(), Instant.now());
        }
        assertEquals(1, expected.nodesOnline(), "the fixture's node is online");
        assertTrue(expected.succeeded24h() >= 1, "the ping of an earlier test succeeded");

        DashboardPartBot dashboard = main.dashboard();

        bot.waitUntil("the dashboard to show the server's figures", () -> "1 / 1".equals(dashboard.figure(ConsoleIds.DASHBOARD_NODES))
                && Long.toString(expected.succeeded24h()).equals(dashboard.figure(ConsoleIds.DASHBOARD_TASKS_SUCCEEDED)));
        assertEquals(Long.toString(expected.failed24h()), dashboard.figure(ConsoleIds.DASHBOARD_TASKS_FAILED));
        assertEquals(Long.toString(expected.tasksRunning()), dashboard.figure(ConsoleIds.DASHBOARD_TASKS_RUNNING));
        assertEquals(Long.toString(expected.vmsProtected()), dashboard.figure(ConsoleIds.DASHBOARD_VMS_PROTECTED));
        assertEquals(Long.toString(expected.vmsUnprotected()), dashboard.figure(ConsoleIds.DASHBOARD_VMS_UNPROTECTED));
        main.screenshot(SCREENSHOTS.resolve("dashboard.png"));
    }

    @Test
    @Order(9)
    void theInventoryListsTheHypervisorsAndRestorePointsWaitForAVm(Bulwark bulwark) {
        int vms;
        try (BulwarkClient admin = bulwark.admin()) {
            admin.resource(HypervisorResource.class).add(new HypervisorRequest("kvm-ui", bulwark.node().id(), "qemu:///system"));
            vms = admin.resource(VmResource.class).list().size();
        }
        MainWindowBot main = MainWindowBot.waitFor(bot);
        InventoryPartBot inventory = main.inventory();

        Map<String, String> hypervisor = inventory.hypervisors().waitForRow("hypervisor kvm-ui", row -> "kvm-ui".equals(row.get("Hypervisor")));
        assertEquals("qemu:///system", hypervisor.get("URI"));
        assertEquals("never synced", hypervisor.get("Sync message"));
        String expected = vms + " VM" + (vms == 1 ? "" : "s");
        bot.waitUntil("the inventory to count " + expected, () -> inventory.status().startsWith(expected));
        assertEquals(vms, inventory.table().rows().size());
        inventory.filter().typeText("no VM is called like this");
        bot.waitUntil("the filter to hide every VM", () -> inventory.table().rows().isEmpty());
        assertTrue(inventory.status().startsWith(expected), "the status line still counts every VM: " + inventory.status());
        main.screenshot(SCREENSHOTS.resolve("inventory.png"));

        RestorePointsPartBot restorePoints = main.restorePoints();
        bot.waitUntil("the restore points to ask for a VM", () -> RestorePointsPart.NO_VM.equals(restorePoints.status()));
        assertTrue(restorePoints.table().rows().isEmpty());
        main.screenshot(SCREENSHOTS.resolve("restore-points.png"));
    }

    @Test
    @Order(10)
    void anAdministratorCreatesAUserThatTheServerKnows(Bulwark bulwark) {
        MainWindowBot main = MainWindowBot.waitFor(bot);
        UsersPartBot users = main.users();
        users.waitForUser(bulwark.adminUser());

        users.create("operator-ui", "Operator-UI-passw0rd!");

        Map<String, String> row = users.waitForUser("operator-ui");
        assertEquals("OPERATOR", row.get("Role"));
        assertEquals("", users.username(), "the form is cleared after success");
        try (BulwarkClient admin = bulwark.admin()) {
            User created = admin.users().list().stream().filter(user -> user.username().equals("operator-ui")).findFirst()
                    .orElseThrow(() -> new AssertionError("the server does not know operator-ui"));
            assertEquals(Role.OPERATOR, created.role());
        }
        main.screenshot(SCREENSHOTS.resolve("users.png"));
    }

    @Test
    @Order(11)
    void aViewerIsToldPermissionDeniedOnUsersAndKeepsTheInput(Bulwark bulwark) {
        String password = "Viewer-UI-passw0rd!";
        try (BulwarkClient admin = bulwark.admin()) {
            admin.users().create(new NewUser("viewer-ui", password, Role.VIEWER));
        }
        IEclipseContext context = Workbench.context();
        ConsoleSession adminSession = context.get(ConsoleSession.class);
        BulwarkClient viewer = BulwarkClient.login(bulwark.serverUrl(), "viewer-ui", password);
        try {
            renderUsersAs(context, new ReloginSession(viewer, UnaryOperator.identity()));
            UsersPartBot users = MainWindowBot.waitFor(bot).users();

            bot.waitUntil("the refused list to say so", () -> UsersPart.PERMISSION_DENIED.equals(users.status()));
            users.create("made-by-viewer", "Some-passw0rd-1234");

            bot.waitUntil("the refused create to say so", () -> UsersPart.PERMISSION_DENIED.equals(users.message()));
            assertEquals("made-by-viewer", users.username(), "the typed name stays");
            assertEquals("Some-passw0rd-1234", users.password(), "the typed password stays");
            try (BulwarkClient admin = bulwark.admin()) {
                assertTrue(admin.users().list().stream().noneMatch(user -> user.username().equals("made-by-viewer")));
            }
            MainWindowBot.waitFor(bot).screenshot(SCREENSHOTS.resolve("users-permission-denied.png"));
        } finally {
            renderUsersAs(context, adminSession);
            viewer.close();
        }
    }

    @Test
    @Order(12)
    void theRestoreDialogAsksForAnAbsoluteFolderAndAFormat() {
        RestorePoint point = new RestorePoint("rp-1", UUID.randomUUID(), "web", Instant.now(), "FULL", 1, 1, 1 << 20,
                UUID.randomUUID(), "node-1", "/backups", null, UUID.randomUUID());
        AtomicReference<RestoreDialog> opened = new AtomicReference<>();
        bot.sync(() -> {
            Display.getCurrent().asyncExec(() -> {
                RestoreDialog dialog = new RestoreDialog(Display.getCurrent().getActiveShell(), point);
                opened.set(dialog);
                dialog.open();
            });
            return null;
        });
        ShellBot dialog = bot.shell(RestoreDialog.TITLE);
        ButtonBot restore = dialog.button("Restore");
        assertFalse(restore.isEnabled(), "no folder yet");

        dialog.textWithId(ConsoleIds.RESTORE_FOLDER).typeText("relative/folder");
        assertFalse(restore.isEnabled(), "a relative folder is refused");
        assertEquals("Enter the absolute path of a folder on the node.", dialog.labelWithId(ConsoleIds.RESTORE_ERROR).text());

        dialog.textWithId(ConsoleIds.RESTORE_FOLDER).typeText("/var/restore/web");
        bot.waitUntil("Restore to be enabled", restore::isEnabled);
        dialog.screenshot(SCREENSHOTS.resolve("restore-dialog.png"));
        restore.click();
        dialog.waitUntilClosed();

        RestoreRequest request = opened.get().request();
        assertEquals("/var/restore/web", request.folder());
        assertEquals("qcow2", request.format());
        assertNull(request.passphrase(), "no passphrase was typed");
        assertFalse(request.importVm());
    }

    /** Puts {@code session} in the application context and has the Users part made again, so it is injected. */
    private static void renderUsersAs(IEclipseContext context, ConsoleSession session) {
        bot.sync(() -> {
            context.set(ConsoleSession.class, session);
            MPart part = (MPart) context.get(EModelService.class).find(ConsoleIds.PART_USERS, context.get(MApplication.class));
            part.setToBeRendered(false);
            return null;
        });
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
