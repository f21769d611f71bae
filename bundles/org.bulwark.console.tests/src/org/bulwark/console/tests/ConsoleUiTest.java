package org.bulwark.console.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.bulwark.api.HypervisorRequest;
import org.bulwark.api.NewUser;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.Role;
import org.bulwark.api.User;
import org.bulwark.api.rest.HypervisorResource;
import org.bulwark.api.rest.PolicyResource;
import org.bulwark.api.rest.RestorePointResource;
import org.bulwark.api.rest.VmResource;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.parts.DashboardPart;
import org.bulwark.console.parts.LiveParts;
import org.bulwark.console.model.InventoryRow;
import org.bulwark.api.Hypervisor;
import org.bulwark.console.parts.PolicyEditorPart;
import org.bulwark.console.dialogs.ErrorMessages;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.workbench.IModelResourceHandler;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.e4.ui.services.EContextService;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.bulwark.console.tests.fixture.NodeProcess;
import org.bulwark.console.tests.pages.EnrollWizardBot;
import org.bulwark.api.Node;
import org.bulwark.api.NodeState;
import org.bulwark.console.parts.Format;
import org.bulwark.console.tests.pages.PolicyEditorBot;
import org.bulwark.api.ApiException;
import org.bulwark.api.Schedule;
import org.bulwark.console.tests.bot.ChartBot;
import org.bulwark.console.tests.fixture.TestHypervisor;
import org.bulwark.api.BackupCommands;
import org.bulwark.api.Policy;
import org.bulwark.api.PolicyRequest;
import org.bulwark.api.Retention;
import org.bulwark.api.TaskType;
import org.bulwark.api.Vm;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bulwark.console.model.internal.ReloginSession;
import org.bulwark.console.parts.RestorePointsPart;
import org.bulwark.console.parts.UsersPart;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
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
import org.bulwark.console.tests.pages.DashboardPartBot;
import org.bulwark.console.tests.pages.InventoryPartBot;
import org.bulwark.console.tests.pages.RestorePointsPartBot;
import org.bulwark.console.tests.pages.UsersPartBot;
import org.bulwark.console.tests.pages.LoginDialogBot;
import org.bulwark.console.tests.pages.MainWindowBot;
import org.bulwark.console.tests.pages.NodesPartBot;
import org.bulwark.console.tests.pages.TasksPartBot;
import org.bulwark.console.dialogs.LoginDialog;
import org.bulwark.console.handlers.DeletePolicyHandler;
import org.bulwark.console.parts.ServerStatusTrim;
import org.bulwark.console.tests.pages.DestinationsPartBot;
import org.bulwark.console.tests.pages.MessageDialogBot;
import org.bulwark.console.tests.pages.PoliciesPartBot;
import org.eclipse.e4.ui.internal.workbench.E4XMIResourceFactory;
import org.eclipse.e4.ui.internal.workbench.ModelAssembler;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
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
@Order(1) // the first UI class: it starts at the shared workbench's login dialog
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
    static void removeTheLabVm() {
        TestHypervisor.undefine(); // the workbench stays for the next UI class
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
    void theDashboardChartsShowWhatTheServerReports(Bulwark bulwark) throws IOException {
        List<Vm> labVms = List.of(TestHypervisor.vm(bulwark));
        try (BulwarkClient admin = bulwark.admin()) {
            Path folder = Files.createTempDirectory("bulwark-ui-dashboard-");
            Path passphrase = Files.writeString(folder.resolve("passphrase"), "dashboard-passphrase");
            Policy policy = admin.resource(PolicyResource.class).create(new PolicyRequest("dashboard-lab",
                    labVms.stream().map(Vm::id).toList(), List.of(), List.of(), folder.resolve("repo").toString(),
                    passphrase.toString(), List.of(), new Retention(3, 0), 0, true));
            for (Task backup : admin.resource(PolicyResource.class).run(policy.id())) {
                TestHypervisor.awaitEnd(admin, backup, Duration.ofSeconds(120));
            }
        }
        MainWindowBot main = MainWindowBot.waitFor(bot);
        jobs.waitUntilIdle(bot, Bot.TIMEOUT);
        List<Task> tasks;
        List<Vm> vms;
        List<Policy> policies;
        try (BulwarkClient admin = bulwark.admin()) {
            tasks = admin.tasks().list();
            vms = admin.resource(VmResource.class).list();
            policies = admin.resource(PolicyResource.class).list();
        }
        Instant now = Instant.now();
        List<Task> backupsWeek = tasks.stream().filter(task -> task.type() == TaskType.BACKUP && task.finishedAt() != null
                && task.finishedAt().isAfter(now.minus(Duration.ofDays(7)))).toList();
        long failedWeek = backupsWeek.stream().filter(task -> task.state() == TaskState.FAILED).count();
        long succeededWeek = backupsWeek.stream().filter(task -> task.state() == TaskState.SUCCEEDED).count();
        Map<String, long[]> storage = new java.util.TreeMap<>();
        List<RestorePoint> points;
        try (BulwarkClient admin = bulwark.admin()) {
            points = admin.resource(RestorePointResource.class).list();
        }
        points.forEach(point -> {
            long[] sum = storage.computeIfAbsent(point.nodeName() + ":" + point.destination(), key -> new long[2]);
            sum[0] += point.logicalBytes();
            sum[1] += point.bytesWritten();
        });
        Set<UUID> covered = policies.stream().filter(Policy::enabled).flatMap(policy -> policy.selectedVmIds().stream())
                .collect(Collectors.toSet());
        long present = vms.stream().filter(Vm::present).count();
        long protectedVms = vms.stream().filter(vm -> vm.present() && covered.contains(vm.id())).count();
        assertEquals(labVms.size(), failedWeek + succeededWeek, "the policy's run backed up the lab VM, well or not");
        assertTrue(protectedVms >= labVms.size(), "the policy protects the lab VMs");

        DashboardPartBot dashboard = main.dashboard();

        ChartBot backups = dashboard.backups();
        bot.waitUntil("the backup chart to show the lab VM's backup", () -> backups.categories().size() == 2
                && backups.value(DashboardPart.FAILED, DashboardPart.LAST_WEEK) == failedWeek
                && backups.value(DashboardPart.SUCCEEDED, DashboardPart.LAST_WEEK)
                        + backups.value(DashboardPart.WARNING, DashboardPart.LAST_WEEK) == succeededWeek);
        assertEquals(List.of(DashboardPart.LAST_DAY, DashboardPart.LAST_WEEK), backups.categories());
        assertEquals(List.of((double) failedWeek, (double) failedWeek), backups.values(DashboardPart.FAILED),
                "they ended minutes ago, so within 24 h and 7 days");
        assertEquals(backups.value(DashboardPart.SUCCEEDED, DashboardPart.LAST_WEEK),
                backups.value(DashboardPart.SUCCEEDED, DashboardPart.LAST_DAY));
        ChartBot protection = dashboard.protection();
        bot.waitUntil("the protection chart to count the lab VMs",
                () -> protection.value(DashboardPart.VMS, DashboardPart.PROTECTED) == protectedVms);
        assertEquals(present - protectedVms, protection.value(DashboardPart.VMS, DashboardPart.UNPROTECTED));
        assertEquals(Long.toString(protectedVms), dashboard.figure(ConsoleIds.DASHBOARD_VMS_PROTECTED));
        assertEquals(Long.toString(present - protectedVms), dashboard.figure(ConsoleIds.DASHBOARD_VMS_UNPROTECTED));
        assertEquals("1 / 1", dashboard.figure(ConsoleIds.DASHBOARD_NODES));
        assertEquals("0", dashboard.figure(ConsoleIds.DASHBOARD_TASKS_RUNNING));
        ChartBot stored = dashboard.storage();
        // until the refresh after the backups, the chart has one placeholder bar: wait for every destination's own bar
        bot.waitUntil("the storage chart to list each destination", () -> storage.isEmpty() ? stored.categories().size() == 1
                : stored.categories().size() == storage.size() && storage.keySet().stream()
                        .allMatch(d -> stored.categories().stream().anyMatch(label -> label.startsWith(d + " ("))));
        storage.forEach((destination, sum) -> {
            String category = stored.categories().stream().filter(label -> label.startsWith(destination + " (")).findFirst()
                    .orElseThrow(() -> new AssertionError("no bar for " + destination + ": " + stored.categories()));
            assertEquals(sum[0] / (double) (1 << 20), stored.value(DashboardPart.LOGICAL, category), 1e-9);
            assertEquals(sum[1] / (double) (1 << 20), stored.value(DashboardPart.STORED, category), 1e-9);
        });
        main.screenshot(SCREENSHOTS.resolve("dashboard.png"));
    }

    @Test
    @Order(9)
    void theInventoryListsTheHypervisorsAndRestorePointsWaitForAVm(Bulwark bulwark) {
        Vm lab = TestHypervisor.vm(bulwark);
        int vms;
        Hypervisor synced;
        try (BulwarkClient admin = bulwark.admin()) {
            vms = admin.resource(VmResource.class).list().size();
            synced = admin.resource(HypervisorResource.class).list().stream().filter(h -> h.id().equals(lab.hypervisorId()))
                    .findFirst().orElseThrow();
        }
        MainWindowBot main = MainWindowBot.waitFor(bot);
        InventoryPartBot inventory = main.inventory();

        Map<String, String> hypervisor = inventory.hypervisors().waitForRow("hypervisor " + TestHypervisor.NAME,
                row -> TestHypervisor.NAME.equals(row.get("Hypervisor")));
        assertEquals(TestHypervisor.URI, hypervisor.get("URI"));
        assertEquals(synced.lastSyncMessage(), hypervisor.get("Sync message"));
        assertEquals(Format.time(synced.lastSyncAt()), hypervisor.get("Last sync"));
        inventory.table().waitForRow("the test run's VM", row -> lab.name().equals(row.get("Name"))
                && TestHypervisor.NAME.equals(row.get("Hypervisor")));
        String expected = vms + " VM" + (vms == 1 ? "" : "s");
        bot.waitUntil("the inventory to count " + expected, () -> inventory.status().startsWith(expected));
        assertEquals(vms, inventory.table().rows().size());
        main.waitForNoPopup();
        inventory.filter().typeText("zzz-no-such-vm");
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
    @Order(13)
    void aPolicyMadeInTheEditorIsOnTheServerAndABadScheduleLosesNothing(Bulwark bulwark) {
        Vm vm = TestHypervisor.vm(bulwark);
        String badCron = "99 * * * *";
        String nightly = "30 2 * * *";
        String windowed = nightly + " window 01:00-05:00";
        String serverSays;
        List<Instant> runs;
        try (BulwarkClient admin = bulwark.admin()) {
            serverSays = assertThrows(ApiException.class,
                    () -> admin.resource(PolicyResource.class).schedulePreview(badCron, 5)).getMessage();
            runs = admin.resource(PolicyResource.class).schedulePreview(windowed, 5);
        }
        MainWindowBot main = MainWindowBot.waitFor(bot);
        PolicyEditorBot editor = main.policies().newPolicy();
        editor.text(ConsoleIds.POLICY_NAME).typeText("ui-nightly");
        editor.choose(vm.name());
        editor.text(ConsoleIds.POLICY_PATTERNS).typeText("no-such-vm-*");
        bot.waitUntil("the preview to count the chosen VM", () -> editor.matched().equals("Covers 1 VM now: " + vm.name()));
        editor.text(ConsoleIds.POLICY_DESTINATION).typeText("/var/backups/ui");
        editor.text(ConsoleIds.POLICY_PASSPHRASE_FILE).typeText("/etc/bulwark/ui.passphrase");
        editor.text(ConsoleIds.POLICY_KEEP_LAST).typeText("7");
        editor.text(ConsoleIds.POLICY_KEEP_DAYS).typeText("30");
        editor.text(PolicyEditorPart.KEEP_WEEKLY).typeText("4");
        editor.text(PolicyEditorPart.PRE_COMMAND).typeText("/bin/true");

        editor.addSchedule(badCron);

        editor.waitForMessage(serverSays);
        assertEquals(badCron, editor.text(ConsoleIds.POLICY_SCHEDULE).text(), "the refused expression stays to be corrected");
        assertEquals(List.of(), editor.schedules());
        assertEquals("ui-nightly", editor.text(ConsoleIds.POLICY_NAME).text());
        assertEquals(List.of(vm.name()), editor.chosen());
        assertEquals("/var/backups/ui", editor.text(ConsoleIds.POLICY_DESTINATION).text());
        assertEquals("7", editor.text(ConsoleIds.POLICY_KEEP_LAST).text());
        main.screenshot(SCREENSHOTS.resolve("policy-editor-bad-schedule.png"));

        editor.text(PolicyEditorPart.WINDOW).typeText("25:00-06:00");
        editor.addSchedule(nightly);
        editor.waitForMessage("The window '25:00-06:00' is not HH:MM-HH:MM");
        assertEquals(List.of(), editor.schedules(), "a malformed window adds nothing");
        editor.text(PolicyEditorPart.WINDOW).typeText("01:00-05:00");
        editor.addSchedule(nightly);
        bot.waitUntil("the schedule to be added", () -> editor.schedules().equals(List.of(windowed)));
        assertTrue(editor.nextRuns().startsWith("Next runs of " + windowed + ": " + Format.time(runs.get(0)) + ", "
                + Format.time(runs.get(1))), editor.nextRuns());
        editor.save();

        editor.waitForMessage("Saved ui-nightly");
        try (BulwarkClient admin = bulwark.admin()) {
            Policy saved = admin.resource(PolicyResource.class).list().stream().filter(p -> p.name().equals("ui-nightly"))
                    .findFirst().orElseThrow(() -> new AssertionError("the server has no policy ui-nightly"));
            assertEquals(List.of(vm.id()), saved.vmIds());
            assertEquals(List.of("no-such-vm-*"), saved.namePatterns());
            assertEquals(List.of(vm.id()), saved.selectedVmIds());
            assertEquals("/var/backups/ui", saved.destination());
            assertEquals("/etc/bulwark/ui.passphrase", saved.passphraseFile());
            assertEquals(List.of(windowed), saved.schedules().stream().map(Schedule::expression).toList());
            assertEquals(runs.get(0), saved.schedules().get(0).nextRun());
            assertEquals(new Retention(7, 30, 0, 4, 0, 0), saved.retention());
            assertEquals(new BackupCommands(List.of("/bin/true"), List.of(), 0), saved.commands());
            assertTrue(saved.enabled());
        }
        main.policies().waitForPolicy("ui-nightly");
        main.screenshot(SCREENSHOTS.resolve("policies.png"));
    }

    @Test
    @Order(14)
    void aSecondNodeIsEnrolledThroughTheWizardAfterAWrongTokenIsRefused(Bulwark bulwark) throws InterruptedException {
        try (NodeProcess second = NodeProcess.start("node-ui-2")) {
            MainWindowBot main = MainWindowBot.waitFor(bot);
            NodesPartBot nodes = main.nodes();
            EnrollWizardBot wizard = nodes.enroll();
            wizard.fill(second.name(), "127.0.0.1", second.sshPort(), "not-the-token");

            wizard.finish();

            String error = wizard.waitForError("The node refused the enrollment: ");
            assertTrue(error.endsWith("Check the one-time token the node printed at its first start."), error);
            assertTrue(wizard.isOpen(), "the wizard stays open to correct the token");
            assertEquals(Integer.toString(second.sshPort()), wizard.text(ConsoleIds.ENROLL_PORT).text());
            assertEquals("not-the-token", wizard.text(ConsoleIds.ENROLL_TOKEN).text());
            wizard.shell().screenshot(SCREENSHOTS.resolve("enroll-wrong-token.png"));
            try (BulwarkClient admin = bulwark.admin()) {
                assertTrue(admin.nodes().list().stream().noneMatch(node -> node.name().equals(second.name())));
            }

            wizard.text(ConsoleIds.ENROLL_TOKEN).typeText(second.token());
            wizard.finish();
            wizard.waitUntilClosed();

            Map<String, String> row = nodes.waitForNode(second.name(), "ONLINE");
            assertEquals("127.0.0.1:" + second.sshPort(), row.get("Host"));
            main.screenshot(SCREENSHOTS.resolve("nodes-enrolled.png"));
            try (BulwarkClient admin = bulwark.admin()) {
                Node enrolled = admin.nodes().list().stream().filter(node -> node.name().equals(second.name())).findFirst()
                        .orElseThrow(() -> new AssertionError("the server does not know " + second.name()));
                assertEquals(NodeState.ONLINE, enrolled.state());
                assertEquals(row.get("Host key"), enrolled.hostKeyFingerprint());
                admin.nodes().remove(enrolled.id()); // its process ends with this test
            }
        }
    }

    @Test
    @Order(15)
    void endedTasksAreNotifiedInAPopupAndTheStatusLine(Bulwark bulwark) {
        MainWindowBot main = MainWindowBot.waitFor(bot);
        String node = bulwark.node().name();
        main.nodes().ping(node);

        bot.waitUntil("the status line to tell the ping succeeded",
                () -> main.notification().equals("PING on " + node + " succeeded"), Duration.ofSeconds(20));
        assertTrue(main.popup().contains("PING on " + node + " succeeded"), main.popup());
        main.screenshot(SCREENSHOTS.resolve("notification-succeeded.png"));

        try (BulwarkClient admin = bulwark.admin()) {
            // its passphrase file does not exist on the node, so the backup fails; started elsewhere, the console still tells
            Policy noPassphrase = admin.resource(PolicyResource.class).list().stream().filter(p -> p.name().equals("ui-nightly"))
                    .findFirst().orElseThrow();
            admin.resource(PolicyResource.class).run(noPassphrase.id());
        }
        bot.waitUntil("the status line to tell the backup failed",
                () -> main.notification().startsWith("BACKUP") && main.notification().contains(" failed"), Duration.ofSeconds(60));
        assertTrue(main.popup().contains(main.notification()), main.popup());
        main.screenshot(SCREENSHOTS.resolve("notification-failed.png"));
    }

    @Test
    @Order(16)
    void controlNOpensANewPolicyEditor() {
        MainWindowBot main = MainWindowBot.waitFor(bot);
        main.waitForNoPopup();
        main.nodes(); // the keyboard is in the main window
        int before = policyEditors().size();
        IEclipseContext context = Workbench.context();
        assertTrue(bot.sync(() -> context.getActiveLeaf().get(EContextService.class).getActiveContextIds())
                .contains("org.eclipse.ui.contexts.window"), "the window's binding context is active");

        bot.shortcut(SWT.CTRL, 'n');

        bot.waitUntil("a new policy editor", () -> policyEditors().size() == before + 1);
        MPart opened = policyEditors().get(before);
        assertEquals("New policy", bot.sync(opened::getLabel));
        assertTrue(bot.sync(() -> opened.getWidget() != null && opened.isVisible()), "it is shown");
        bot.sync(() -> {
            Workbench.context().get(EPartService.class).hidePart(opened, true);
            return null;
        });
    }

    @Test
    @Order(17)
    void theWindowLayoutIsSavedAndTheProductKeepsIt() throws Exception {
        Map<String, String> branding = Workbench.branding();
        assertFalse("true".equalsIgnoreCase(branding.get("clearPersistedState")), "the product keeps the saved layout");
        assertFalse("false".equalsIgnoreCase(branding.get("persistState")), "the product saves the layout");
        IEclipseContext context = Workbench.context();
        String width = bot.sync(() -> {
            MUIElement navigator = context.get(EModelService.class).find("org.bulwark.console.stack.navigator",
                    context.get(MApplication.class));
            navigator.setContainerData("27");
            try {
                context.get(IModelResourceHandler.class).save();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return navigator.getContainerData();
        });
        Path saved = Path.of(Platform.getInstanceLocation().getURL().toURI())
                .resolve(".metadata/.plugins/org.eclipse.e4.workbench/workbench.xmi");

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document model = factory.newDocumentBuilder().parse(saved.toFile());
        NodeList elements = model.getElementsByTagName("children");
        String persisted = null;
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if ("org.bulwark.console.stack.navigator".equals(element.getAttribute("elementId"))) {
                persisted = element.getAttribute("containerData");
            }
        }
        assertEquals(width, persisted, "the navigator's width is in the saved layout");
    }

    @Test
    @Order(18)
    void aViewerSavingAPolicyIsToldPermissionDeniedAndKeepsTheForm(Bulwark bulwark) {
        IEclipseContext context = Workbench.context();
        ConsoleSession adminSession = context.get(ConsoleSession.class);
        BulwarkClient viewer = BulwarkClient.login(bulwark.serverUrl(), "viewer-ui", "Viewer-UI-passw0rd!");
        try {
            bot.sync(() -> {
                context.set(ConsoleSession.class, new ReloginSession(viewer, UnaryOperator.identity()));
                return null;
            });
            MainWindowBot main = MainWindowBot.waitFor(bot);
            PolicyEditorBot editor = main.policies().newPolicy();
            editor.text(ConsoleIds.POLICY_NAME).typeText("made-by-viewer");
            editor.text(ConsoleIds.POLICY_DESTINATION).typeText("/var/backups/viewer");
            editor.text(ConsoleIds.POLICY_PASSPHRASE_FILE).typeText("/etc/bulwark/viewer.passphrase");

            editor.save();

            String said = editor.waitForMessage(ErrorMessages.PERMISSION_DENIED);
            assertTrue(said.contains("VIEWER"), "the server's reason names the role: " + said);
            assertEquals("made-by-viewer", editor.text(ConsoleIds.POLICY_NAME).text());
            assertEquals("/var/backups/viewer", editor.text(ConsoleIds.POLICY_DESTINATION).text());
            main.screenshot(SCREENSHOTS.resolve("policy-permission-denied.png"));
            try (BulwarkClient admin = bulwark.admin()) {
                assertTrue(admin.resource(PolicyResource.class).list().stream().noneMatch(p -> p.name().equals("made-by-viewer")));
            }
        } finally {
            bot.sync(() -> {
                context.set(ConsoleSession.class, adminSession);
                policyEditors().forEach(part -> context.get(EPartService.class).hidePart(part, true));
                return null;
            });
            viewer.close();
        }
    }

    @Test
    @Order(19)
    void hypervisorManagersAreAddedAndRemovedInTheInventory(Bulwark bulwark) {
        String conflict;
        try (BulwarkClient admin = bulwark.admin()) {
            conflict = assertThrows(ApiException.class, () -> admin.resource(HypervisorResource.class)
                    .add(new HypervisorRequest("kvm-ui", bulwark.node().id(), "qemu:///session"))).getMessage();
        }
        MainWindowBot main = MainWindowBot.waitFor(bot);
        InventoryPartBot inventory = main.inventory();

        inventory.addHypervisor("kvm-ui", "qemu:///session");

        bot.waitUntil("the name in use to be refused", () -> inventory.hypervisorMessage().startsWith(conflict));
        assertEquals("kvm-ui", inventory.hypervisorField(ConsoleIds.HYPERVISOR_NAME).text(), "the typed name stays");
        assertEquals("qemu:///session", inventory.hypervisorField(ConsoleIds.HYPERVISOR_URI).text());

        inventory.addHypervisor("kvm-added", "qemu:///session");

        Map<String, String> row = inventory.hypervisors().waitForRow("hypervisor kvm-added",
                candidate -> "kvm-added".equals(candidate.get("Hypervisor")));
        assertEquals("qemu:///session", row.get("URI"));
        main.screenshot(SCREENSHOTS.resolve("inventory-hypervisors.png"));
        try (BulwarkClient admin = bulwark.admin()) {
            Hypervisor added = admin.resource(HypervisorResource.class).list().stream()
                    .filter(hypervisor -> hypervisor.name().equals("kvm-added")).findFirst().orElseThrow();
            assertEquals(bulwark.node().id(), added.nodeId(), "reached through the node chosen in the form");
            assertEquals("qemu:///session", added.uri());
        }

        inventory.removeHypervisor("kvm-added");

        bot.waitUntil("kvm-added to leave the table", () -> inventory.hypervisors().rows().stream()
                .noneMatch(candidate -> "kvm-added".equals(candidate.get("Hypervisor"))));
        assertEquals("Removed kvm-added.", inventory.hypervisorMessage());
        try (BulwarkClient admin = bulwark.admin()) {
            assertTrue(admin.resource(HypervisorResource.class).list().stream().noneMatch(h -> h.name().equals("kvm-added")));
        }
    }

    @Test
    @Order(20)
    void theInventoryFilterNarrowsTenThousandVmsInAVirtualTable() {
        MainWindowBot main = MainWindowBot.waitFor(bot);
        InventoryPartBot inventory = main.inventory();
        IEclipseContext context = Workbench.context();
        MPart part = bot.sync(() -> (MPart) context.get(EModelService.class).find(ConsoleIds.PART_INVENTORY,
                context.get(MApplication.class)));
        UUID hypervisor = UUID.randomUUID();
        List<InventoryRow> rows = java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> new InventoryRow(
                new Vm(UUID.randomUUID(), hypervisor, String.format("vm-%05d", i), UUID.randomUUID().toString(),
                        i % 3 == 0 ? "shutoff" : "running", 2, 1L << 30, List.of(), List.of(), true, Instant.now()),
                "bulk", null, null)).toList();
        try {
            bot.sync(() -> {
                LiveParts.showOnly(part.getObject(), rows);
                return null;
            });
            inventory.filter().typeText("vm-");
            bot.waitUntil("10,000 rows", () -> inventory.table().itemCount() == 10_000);
            assertTrue(inventory.status().startsWith("10000 VMs"), inventory.status());

            inventory.filter().typeText("vm-0042");

            bot.waitUntil("the filter to leave ten rows", () -> inventory.table().itemCount() == 10);
            assertEquals(java.util.stream.IntStream.range(420, 430).mapToObj(i -> String.format("vm-%05d", i)).toList(),
                    inventory.table().rows().stream().map(row -> row.get("Name")).toList());
            main.screenshot(SCREENSHOTS.resolve("inventory-10000-filtered.png"));

            inventory.filter().typeText("shutoff");
            bot.waitUntil("the filter to match the state", () -> inventory.table().itemCount() == 3334);
        } finally {
            bot.sync(() -> { // a new part refreshes from the server again
                part.setToBeRendered(false);
                part.setToBeRendered(true);
                return null;
            });
        }
    }

    @Test
    @Order(31)
    void theRestorePointsPartShowsAVmChosenBeforeItWasFirstShown(Bulwark bulwark) {
        Vm lab = TestHypervisor.vm(bulwark);
        List<RestorePoint> points;
        try (BulwarkClient admin = bulwark.admin()) {
            points = admin.resource(VmResource.class).restorePoints(lab.id());
        }
        MainWindowBot main = MainWindowBot.waitFor(bot);
        IEclipseContext context = Workbench.context();
        MPart part = bot.sync(() -> (MPart) context.get(EModelService.class).find(ConsoleIds.PART_RESTORE_POINTS,
                context.get(MApplication.class)));
        bot.sync(() -> { // as in a new session: the part is made only when first shown
            part.setToBeRendered(false);
            return null;
        });
        InventoryPartBot inventory = main.inventory();
        inventory.filter().typeText(lab.name());
        inventory.table().clickRow("the lab VM", row -> lab.name().equals(row.get("Name")));
        bot.sync(() -> {
            part.setToBeRendered(true);
            return null;
        });

        RestorePointsPartBot restorePoints = main.restorePoints();

        String expected = points.size() + " restore point" + (points.size() == 1 ? "" : "s") + " of " + lab.name();
        bot.waitUntil("the part to show the lab VM's restore points", () -> expected.equals(restorePoints.status()));
        assertEquals(points.stream().map(RestorePoint::id).toList(),
                restorePoints.table().rows().stream().map(row -> row.get("Id")).toList());
    }

    @Test
    @Order(32)
    void aPolicyIsDeletedAfterConfirmationAndARefusalIsShown(Bulwark bulwark) {
        try (BulwarkClient admin = bulwark.admin()) {
            admin.resource(PolicyResource.class).create(new PolicyRequest("ui-delete-me", List.of(), List.of(), List.of(),
                    "/var/backups/delete-me", "/etc/bulwark/delete-me.passphrase", List.of(), new Retention(1, 0), 0, false));
        }
        IEclipseContext context = Workbench.context();
        ConsoleSession adminSession = context.get(ConsoleSession.class);
        BulwarkClient viewer = BulwarkClient.login(bulwark.serverUrl(), "viewer-ui", "Viewer-UI-passw0rd!");
        MainWindowBot main = MainWindowBot.waitFor(bot);
        PoliciesPartBot policies = main.policies();
        policies.waitForPolicy("ui-delete-me");
        try {
            bot.sync(() -> {
                context.set(ConsoleSession.class, new ReloginSession(viewer, UnaryOperator.identity()));
                return null;
            });
            MessageDialogBot confirm = policies.delete("ui-delete-me");
            assertTrue(confirm.message().contains("Delete policy ui-delete-me?"), confirm.message());
            confirm.press("OK");

            MessageDialogBot refused = MessageDialogBot.waitFor(bot, DeletePolicyHandler.TITLE + " ui-delete-me failed");
            assertTrue(refused.message().startsWith(ErrorMessages.PERMISSION_DENIED), refused.message());
            main.screenshot(SCREENSHOTS.resolve("policy-delete-refused.png"));
            refused.press("OK");
        } finally {
            bot.sync(() -> {
                context.set(ConsoleSession.class, adminSession);
                return null;
            });
            viewer.close();
        }
        policies.waitForPolicy("ui-delete-me");

        MessageDialogBot cancelled = policies.delete("ui-delete-me");
        cancelled.press("Cancel");
        policies.waitForPolicy("ui-delete-me");
        jobs.waitUntilIdle(bot, Bot.TIMEOUT);
        try (BulwarkClient admin = bulwark.admin()) {
            assertTrue(admin.resource(PolicyResource.class).list().stream().anyMatch(p -> p.name().equals("ui-delete-me")),
                    "neither the refused nor the cancelled delete removed it");
        }

        policies.delete("ui-delete-me").press("OK");

        bot.waitUntil("the policy to leave the table", () -> policies.table().rows().stream()
                .noneMatch(row -> "ui-delete-me".equals(row.get("Name"))));
        try (BulwarkClient admin = bulwark.admin()) {
            assertTrue(admin.resource(PolicyResource.class).list().stream().noneMatch(p -> p.name().equals("ui-delete-me")));
        }
    }

    @Test
    @Order(33)
    void aCancelledTaskIsRetriedFromTheTasksPartWhichFiltersAndShowsTheLog(Bulwark bulwark) throws InterruptedException {
        Task cancelled;
        try (BulwarkClient admin = bulwark.admin()) {
            Task ping = admin.tasks().submit(new org.bulwark.api.TaskRequest(TaskType.PING, bulwark.node().id(),
                    Map.of("steps", "40", "stepMillis", "100")));
            for (Task now = ping; now.state() != TaskState.RUNNING || now.progress() == 0; now = admin.tasks().get(ping.id())) {
                Thread.sleep(100); // running on the node, which reported a first step: it knows the task to cancel
            }
            admin.tasks().cancel(ping.id());
            cancelled = TestHypervisor.awaitEnd(admin, ping, Duration.ofSeconds(30));
        }
        assertEquals(TaskState.CANCELLED, cancelled.state());
        String created = Format.time(cancelled.createdAt());
        MainWindowBot main = MainWindowBot.waitFor(bot);
        main.waitForNoPopup();
        TasksPartBot tasks = main.tasks();

        tasks.filter().typeText("cancelled");

        bot.waitUntil("only cancelled tasks to be listed", () -> {
            List<Map<String, String>> rows = tasks.table().rows();
            return !rows.isEmpty() && rows.stream().allMatch(row -> "CANCELLED".equals(row.get("State")))
                    && rows.stream().anyMatch(row -> created.equals(row.get("Created")));
        });
        tasks.retry("the cancelled ping", row -> "PING".equals(row.get("Type")) && created.equals(row.get("Created")));

        Task retry;
        try (BulwarkClient admin = bulwark.admin()) {
            bot.waitUntil("the server to queue the retry", () -> admin.tasks().log(cancelled.id()).stream()
                    .anyMatch(entry -> entry.message().startsWith("Retried as task ")));
            String line = admin.tasks().log(cancelled.id()).stream().map(org.bulwark.api.TaskLogEntry::message)
                    .filter(message -> message.startsWith("Retried as task ")).findFirst().orElseThrow();
            UUID retryId = UUID.fromString(line.substring("Retried as task ".length(), line.indexOf(" by ")));
            retry = TestHypervisor.awaitEnd(admin, admin.tasks().get(retryId), Duration.ofSeconds(60));
            assertEquals(TaskType.PING, retry.type());
            assertEquals(TaskState.SUCCEEDED, retry.state(), "the same request ran again, to its end this time");
            assertEquals(bulwark.node().id(), retry.nodeId());
            assertEquals(bulwark.adminUser(), retry.owner());
        }
        String retriedAs = "Retried as task " + retry.id() + " by " + bulwark.adminUser();
        bot.waitUntil("the log of the cancelled task to name its retry", () -> tasks.log().contains(retriedAs));

        String retried = Format.time(retry.createdAt());
        tasks.filter().typeText("succeeded");
        bot.waitUntil("the filter to show the retry", () -> tasks.table().rows().stream()
                .anyMatch(row -> retried.equals(row.get("Created"))));
        tasks.select("the retry", row -> retried.equals(row.get("Created")) && "PING".equals(row.get("Type")));
        bot.waitUntil("the log of the retry", () -> tasks.log().contains("Retry of task " + cancelled.id()));
        main.screenshot(SCREENSHOTS.resolve("tasks-log.png"));
        tasks.filter().typeText("PING");
    }

    @Test
    @Order(34)
    void destinationsShowTheirUsageAndOneInUseIsNotRemoved(Bulwark bulwark) {
        Policy lab;
        List<RestorePoint> kept;
        try (BulwarkClient admin = bulwark.admin()) {
            lab = admin.resource(PolicyResource.class).list().stream().filter(p -> p.name().equals("dashboard-lab"))
                    .findFirst().orElseThrow(() -> new AssertionError("the dashboard test made no policy dashboard-lab"));
            kept = admin.resource(RestorePointResource.class).list().stream()
                    .filter(point -> lab.destination().equals(point.destination())).toList();
        }
        long logical = kept.stream().mapToLong(RestorePoint::logicalBytes).sum();
        long stored = kept.stream().mapToLong(RestorePoint::bytesWritten).sum();
        MainWindowBot main = MainWindowBot.waitFor(bot);
        DestinationsPartBot destinations = main.destinations();
        bot.waitUntil("the destinations to be read", () -> destinations.status().startsWith("0 destinations"));

        destinations.add("lab-repo", lab.destination());

        Map<String, String> row = destinations.waitForDestination("lab-repo");
        assertEquals(bulwark.node().name(), row.get("Node"));
        assertEquals(lab.destination(), row.get("Folder"));
        assertEquals(Integer.toString(kept.size()), row.get("Restore points"));
        assertTrue(row.get("Stored of backed-up data").startsWith(org.bulwark.client.Sizes.bytes(stored) + " of "
                + org.bulwark.client.Sizes.bytes(logical)), row.toString());
        assertEquals("dashboard-lab", row.get("Used by"));
        assertEquals("", destinations.field(ConsoleIds.DESTINATION_NAME).text(), "the form is cleared after success");

        destinations.add("lab-repo", "/var/backups/other");

        bot.waitUntil("the name in use to be refused", () -> destinations.message().startsWith("A destination named lab-repo"));
        assertEquals("lab-repo", destinations.field(ConsoleIds.DESTINATION_NAME).text(), "the typed name stays");
        assertEquals("/var/backups/other", destinations.field(ConsoleIds.DESTINATION_FOLDER).text());

        destinations.remove("lab-repo");

        bot.waitUntil("the removal to be refused", () -> destinations.message().startsWith(
                "Destination lab-repo is in use by policy dashboard-lab"));
        main.screenshot(SCREENSHOTS.resolve("destinations.png"));
        destinations.add("ui-spare", "/var/backups/other/");
        destinations.waitForDestination("ui-spare");
        try (BulwarkClient admin = bulwark.admin()) {
            List<org.bulwark.api.Destination> listed = admin.resource(org.bulwark.api.rest.DestinationResource.class).list();
            assertEquals(List.of("lab-repo", "ui-spare"), listed.stream().map(org.bulwark.api.Destination::name).toList());
            assertEquals("/var/backups/other", listed.get(1).folder(), "kept normalized");
        }

        destinations.remove("ui-spare");

        bot.waitUntil("ui-spare to leave the table", () -> destinations.table().rows().stream()
                .noneMatch(candidate -> "ui-spare".equals(candidate.get("Name"))));
        assertEquals("Removed ui-spare.", destinations.message());
        try (BulwarkClient admin = bulwark.admin()) {
            assertEquals(List.of("lab-repo"), admin.resource(org.bulwark.api.rest.DestinationResource.class).list().stream()
                    .map(org.bulwark.api.Destination::name).toList());
        }
    }

    @Test
    @Order(35)
    void aLayoutSavedByAnOlderConsoleGainsTheNewPartsAndCommands() throws IOException {
        IEclipseContext context = Workbench.context();
        Path saved = Files.createTempDirectory("bulwark-ui-layout-").resolve("workbench.xmi");
        // an older console saved its application model, without what fragment.e4xmi adds, as the operator arranged it
        ResourceSet older = new ResourceSetImpl();
        older.getResourceFactoryRegistry().getExtensionToFactoryMap().put(Resource.Factory.Registry.DEFAULT_EXTENSION,
                new E4XMIResourceFactory());
        Resource model = older.getResource(URI.createPlatformPluginURI(Workbench.branding().get("applicationXMI"), true), true);
        MApplication application = (MApplication) model.getContents().get(0);
        EModelService models = context.get(EModelService.class);
        models.find("org.bulwark.console.stack.navigator", application).setContainerData("27");
        assertNull(models.find(ConsoleIds.PART_DESTINATIONS, application), "the old layout has no Destinations part");
        model.setURI(URI.createFileURI(saved.toString()));
        model.save(null);

        ResourceSet next = new ResourceSetImpl();
        next.getResourceFactoryRegistry().getExtensionToFactoryMap().put(Resource.Factory.Registry.DEFAULT_EXTENSION,
                new E4XMIResourceFactory());
        Resource reloaded = next.getResource(URI.createFileURI(saved.toString()), true);
        MApplication restored = (MApplication) reloaded.getContents().get(0);
        assemble(context, restored); // what the workbench does at start with a saved layout: merge the fragments into it

        MUIElement destinations = models.find(ConsoleIds.PART_DESTINATIONS, restored);
        assertTrue(destinations instanceof MPart, "the Destinations part is in the saved layout now");
        assertEquals(ConsoleIds.STACK_MAIN, destinations.getParent().getElementId(), "beside the other main parts");
        for (String tool : List.of("org.bulwark.console.toolitem.deletePolicy", "org.bulwark.console.toolitem.retryTask",
                "org.bulwark.console.toolcontrol.server")) {
            assertEquals(1, models.findElements(restored, tool, MUIElement.class, null,
                    EModelService.ANYWHERE | EModelService.IN_PART | EModelService.IN_TRIM).size(), tool + " is in the saved layout now");
        }
        assertTrue(restored.getCommands().stream().anyMatch(c -> c.getElementId().equals("org.bulwark.console.command.retryTask")));
        assertTrue(restored.getHandlers().stream().anyMatch(h -> "org.bulwark.console.handler.retryTask".equals(h.getElementId())
                && h.getCommand() != null && "org.bulwark.console.command.retryTask".equals(h.getCommand().getElementId())));
        assertEquals("27", models.find("org.bulwark.console.stack.navigator", restored).getContainerData(),
                "what the operator arranged stays");
        int parts = models.findElements(restored, ConsoleIds.PART_DESTINATIONS, MPart.class).size();
        assemble(context, restored); // the next start merges again: nothing is added twice
        assertEquals(1, parts);
        assertEquals(1, models.findElements(restored, ConsoleIds.PART_DESTINATIONS, MPart.class).size());
    }

    @Test
    @Order(36)
    void aServerRestartMidSessionIsShownAndTheTypedPolicyIsSavedAfterwards(Bulwark bulwark) throws Exception {
        MainWindowBot main = MainWindowBot.waitFor(bot);
        main.waitForNoPopup();
        bot.waitUntil("the status bar to show the connection",
                () -> main.serverStatus().equals(ServerStatusTrim.CONNECTED + bulwark.serverUrl()));
        PolicyEditorBot editor = main.policies().newPolicy();
        editor.text(ConsoleIds.POLICY_NAME).typeText("ui-after-restart");
        editor.text(ConsoleIds.POLICY_DESTINATION).typeText("/var/backups/restart");
        editor.text(ConsoleIds.POLICY_PASSPHRASE_FILE).typeText("/etc/bulwark/restart.passphrase");
        String token = Workbench.context().get(ConsoleSession.class).session().token();

        bulwark.server().stop();
        try {
            bot.waitUntil("the status bar to say the server is unreachable",
                    () -> main.serverStatus().startsWith(ServerStatusTrim.UNREACHABLE), Duration.ofSeconds(20));
            editor.save();
            String said = editor.waitForMessage("Cannot reach the server at " + bulwark.serverUrl());
            assertTrue(said.contains("connection refused"), said);
            assertEquals("ui-after-restart", editor.text(ConsoleIds.POLICY_NAME).text(), "what was typed stays");
            assertEquals("/var/backups/restart", editor.text(ConsoleIds.POLICY_DESTINATION).text());
            assertEquals("/etc/bulwark/restart.passphrase", editor.text(ConsoleIds.POLICY_PASSPHRASE_FILE).text());
            main.screenshot(SCREENSHOTS.resolve("server-unreachable.png"));
        } finally {
            bulwark.server().start();
        }

        bot.waitUntil("the status bar to say the console is connected again",
                () -> main.serverStatus().equals(ServerStatusTrim.CONNECTED + bulwark.serverUrl()), Duration.ofSeconds(30));
        assertNull(bot.showing(LoginDialog.TITLE_AGAIN), "the session survived the restart (its token is kept in MariaDB)");
        assertEquals(token, Workbench.context().get(ConsoleSession.class).session().token());
        editor.save();
        editor.waitForMessage("Saved ui-after-restart");
        try (BulwarkClient admin = bulwark.admin()) {
            Policy saved = admin.resource(PolicyResource.class).list().stream().filter(p -> p.name().equals("ui-after-restart"))
                    .findFirst().orElseThrow(() -> new AssertionError("the server has no policy ui-after-restart"));
            assertEquals("/var/backups/restart", saved.destination());
            BulwarkFixture.awaitOnline(admin, bulwark.node().id()); // the next tests find the node as before
        }
        bot.sync(() -> {
            policyEditors().forEach(part -> Workbench.context().get(EPartService.class).hidePart(part, true));
            return null;
        });
    }

    /**
     * Runs the workbench's own model assembler (the OSGi component E4Workbench uses at start, with its
     * processors and the fragments of every installed bundle) on {@code saved}, as on a start that found a
     * saved layout; then hands the assembler back to the running application.
     */
    private static void assemble(IEclipseContext context, MApplication saved) {
        BundleContext bundles = FrameworkUtil.getBundle(ModelAssembler.class).getBundleContext();
        ServiceReference<ModelAssembler> reference = bundles.getServiceReference(ModelAssembler.class);
        ModelAssembler assembler = bundles.getService(reference);
        org.eclipse.e4.ui.di.UISynchronize ui = context.get(org.eclipse.e4.ui.di.UISynchronize.class);
        bot.sync(() -> {
            IEclipseContext scratch = context.createChild("saved layout");
            scratch.set(MApplication.class, saved);
            try {
                assembler.init(saved, scratch, ui);
                assembler.processModel(false);
            } finally {
                assembler.init(context.get(MApplication.class), context, ui);
                scratch.dispose();
                bundles.ungetService(reference);
            }
            return null;
        });
    }

    private static List<MPart> policyEditors() {
        IEclipseContext context = Workbench.context();
        return bot.sync(() -> context.get(EModelService.class).findElements(context.get(MApplication.class),
                PolicyEditorPart.DESCRIPTOR, MPart.class));
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
