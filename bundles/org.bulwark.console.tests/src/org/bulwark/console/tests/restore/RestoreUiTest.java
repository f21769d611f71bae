package org.bulwark.console.tests.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.api.rest.MountResource;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.restore.RestoreIds;
import org.bulwark.console.restore.parts.ConflictDialog;
import org.bulwark.console.restore.wizards.RestoreWizard;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.JobWatcher;
import org.bulwark.console.tests.bot.ScreenshotOnFailure;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.TreeBot;
import org.bulwark.console.tests.fixture.Bulwark;
import org.bulwark.console.tests.fixture.BulwarkFixture;
import org.bulwark.console.tests.fixture.Workbench;
import org.bulwark.console.tests.pages.FileBrowserPartBot;
import org.bulwark.console.tests.pages.InventoryPartBot;
import org.bulwark.console.tests.pages.MainWindowBot;
import org.bulwark.console.tests.pages.RestoreWizardBot;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The restore wizard and the file-level restore browser as an operator uses them, against the
 * fixture's real server and node and a VM of the real libvirtd whose ext4 disk holds known
 * files: restore to a folder (same bytes as the VM's disk), mount and browse, search, drag a
 * file into the local-folder pane with the real mouse (same bytes), and an existing file that is
 * not overwritten without asking.
 */
@ExtendWith({BulwarkFixture.class, ScreenshotOnFailure.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(3) // last: its drag goes through XTest (AWT Robot), after which posted keys were lost in the M365 test
class RestoreUiTest {
    private static final Path SCREENSHOTS = Path.of(System.getProperty("bulwark.screenshots", "target/screenshots"));
    private static final Duration RESTORE = Duration.ofMinutes(2);
    private static Bot bot;
    private static JobWatcher jobs;
    private static LabVm lab;

    @BeforeAll
    static void backUpALabVmAndLogIn(Bulwark bulwark) throws Exception {
        lab = LabVm.backedUp(bulwark);
        bot = new Bot(Workbench.display());
        jobs = new JobWatcher(ConsoleJob.FAMILY);
        Workbench.loggedIn(bot, bulwark);
    }

    @AfterAll
    static void removeTheVm() throws IOException {
        if (lab != null) {
            lab.close();
        }
    }

    /**
     * Chooses the lab VM in the inventory and its restore point in the Restore points part (shown
     * first, so it exists to follow the inventory's selection).
     */
    private static MainWindowBot selectRestorePoint() {
        MainWindowBot main = MainWindowBot.waitFor(bot);
        main.restorePoints();
        InventoryPartBot inventory = main.inventory();
        inventory.filter().typeText(lab.name()); // whatever an earlier test left in the filter
        inventory.table().clickRow("VM " + lab.name(), row -> lab.name().equals(row.get("Name")));
        main.restorePoints().table().clickRow("the restore point", row -> lab.restorePoint().id().equals(row.get("Id")));
        return main;
    }

    @Test
    @Order(1)
    void theWizardRestoresToAFolderWithTheBytesOfTheVmsDisk(Bulwark bulwark) throws IOException {
        Path folder = lab.folder("restored");
        Instant started = Instant.now();
        MainWindowBot main = selectRestorePoint();
        main.shell().toolItem("Restore…").click();

        RestoreWizardBot wizard = RestoreWizardBot.waitFor(bot);
        assertFalse(wizard.finish().isEnabled(), "no folder yet");
        wizard.folder("relative/folder");
        bot.waitUntil("a relative folder to be refused", () -> wizard.errorMessage() != null);
        assertEquals("Enter the absolute path of a folder on node " + lab.restorePoint().nodeName() + ".", wizard.errorMessage());
        assertFalse(wizard.finish().isEnabled(), "a relative folder cannot be restored to");
        wizard.toFolder(folder.toString(), "raw");
        bot.waitUntil("the folder to be taken", () -> wizard.errorMessage() == null && wizard.finish().isEnabled());
        wizard.screenshot(SCREENSHOTS.resolve("restore-wizard.png"));
        wizard.finish().click();
        wizard.waitUntilClosed();

        Task restore;
        try (BulwarkClient admin = bulwark.admin()) {
            bot.waitUntil("the RESTORE to end", () -> restoreSince(admin, started) != null
                    && restoreSince(admin, started).state().isFinal(), RESTORE);
            restore = restoreSince(admin, started);
        }
        assertEquals(TaskState.SUCCEEDED, restore.state(), restore.message());
        jobs.waitUntilIdle(bot, Bot.TIMEOUT);
        assertEquals(lab.diskSha256(), LabVm.sha256(folder.resolve(lab.name() + "-vda.raw")),
                "the restored disk has the bytes of the VM's disk");
    }

    @Test
    @Order(2)
    void overwritingTheOriginalVmIsConfirmedFirstAndCancellingQueuesNothing(Bulwark bulwark) throws IOException {
        Instant started = Instant.now();
        MainWindowBot main = selectRestorePoint();
        main.shell().toolItem("Restore…").click();
        RestoreWizardBot wizard = RestoreWizardBot.waitFor(bot).toHypervisor(lab.folder("storage").toString());
        wizard.next().click();
        bot.waitUntil("the VM page", () -> (lab.name() + "-restored").equals(wizard.vmName()));

        wizard.overwrite().select();
        wizard.finish().click();
        ShellBot confirm = bot.shell(RestoreWizard.CONFIRM_OVERWRITE);
        confirm.button("Cancel").click();
        confirm.waitUntilClosed();

        assertTrue(wizard.isOpen(), "the wizard stays open with the operator's choices");
        wizard.screenshot(SCREENSHOTS.resolve("restore-wizard-vm.png"));
        wizard.cancel().click();
        wizard.waitUntilClosed();
        try (BulwarkClient admin = bulwark.admin()) {
            assertEquals(null, restoreSince(admin, started), "nothing was queued");
        }
    }

    @Test
    @Order(3)
    void aMountedRestorePointIsBrowsedSearchedAndAFileDraggedIntoTheLocalFolder(Bulwark bulwark) throws IOException {
        Path local = lab.folder("local");
        MainWindowBot main = selectRestorePoint();
        main.shell().toolItem("Mount and browse").click();
        FileBrowserPartBot browser = FileBrowserPartBot.waitFor(bot);
        String mounted = browser.waitUntilMounted();
        assertTrue(mounted.contains(lab.name()), mounted);
        assertTrue(browser.partitions().text().contains("ext4"), browser.partitions().text());

        TreeBot folders = browser.folders();
        folders.waitForItem("/" + TreeBot.SEPARATOR + "docs");
        folders.clickItem("/" + TreeBot.SEPARATOR + "docs");
        Map<String, String> report = browser.entries().waitForRow(LabVm.REPORT, row -> LabVm.REPORT.equals(row.get("Name")));
        assertEquals("FILE", report.get("Type"));
        assertEquals("/docs/" + LabVm.REPORT, report.get("Path"));

        browser.search("REPORT");
        bot.waitUntil("the search to show its result", () -> browser.showing().contains("named like 'REPORT'"));
        assertEquals(List.of("/docs/" + LabVm.REPORT), browser.entries().rows().stream().map(row -> row.get("Path")).toList(),
                "the server searched the whole partition, ignoring case");

        browser.openLocalFolder(local);
        browser.dragToLocalFolder(LabVm.REPORT, row -> LabVm.REPORT.equals(row.get("Name")));
        Path dropped = local.resolve(LabVm.REPORT);
        bot.waitUntil("the dragged file to be downloaded", () -> Files.isRegularFile(dropped) && jobs.idle(), RESTORE);
        assertArrayEquals(lab.report(), Files.readAllBytes(dropped), "the dropped file has the bytes of the backup's file");
        browser.localTree().waitForItem(LabVm.REPORT);
        main.screenshot(SCREENSHOTS.resolve("file-browser.png"));
    }

    @Test
    @Order(4)
    void anExistingFileIsNeverOverwrittenSilently() throws IOException {
        Path local = lab.folder("local");
        Path existing = local.resolve(LabVm.REPORT);
        Files.writeString(existing, "edited locally", StandardCharsets.UTF_8);
        FileBrowserPartBot browser = FileBrowserPartBot.waitFor(bot);

        browser.dragToLocalFolder(LabVm.REPORT, row -> LabVm.REPORT.equals(row.get("Name")));
        ShellBot asked = bot.shell(ConflictDialog.TITLE);
        asked.screenshot(SCREENSHOTS.resolve("file-browser-conflict.png"));
        asked.button(ConflictDialog.SKIP).click();
        asked.waitUntilClosed();
        jobs.waitUntilIdle(bot, Bot.TIMEOUT);
        assertEquals("edited locally", Files.readString(existing), "skipped: the local file stays");

        browser.dragToLocalFolder(LabVm.REPORT, row -> LabVm.REPORT.equals(row.get("Name")));
        ShellBot again = bot.shell(ConflictDialog.TITLE);
        again.button(ConflictDialog.KEEP_BOTH).click();
        Path beside = local.resolve("report 2026 (1).bin");
        bot.waitUntil("the download beside the existing file", () -> Files.isRegularFile(beside) && jobs.idle(), RESTORE);
        assertArrayEquals(lab.report(), Files.readAllBytes(beside));
        assertEquals("edited locally", Files.readString(existing), "keep both: the local file stays");

        browser.dragToLocalFolder(LabVm.REPORT, row -> LabVm.REPORT.equals(row.get("Name")));
        ShellBot third = bot.shell(ConflictDialog.TITLE);
        third.button(ConflictDialog.OVERWRITE).click();
        bot.waitUntil("the download over the existing file", () -> jobs.idle() && sameBytes(existing, lab.report()), RESTORE);
        try (var files = Files.list(local)) {
            assertEquals(List.of("report 2026 (1).bin", LabVm.REPORT), files.map(path -> path.getFileName().toString()).sorted().toList(),
                    "overwritten in place: no third file, no partial file left");
        }
    }

    private static boolean sameBytes(Path file, byte[] expected) {
        try {
            return java.util.Arrays.equals(expected, Files.readAllBytes(file));
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    @Order(5)
    void closingTheBrowserUnmounts(Bulwark bulwark) {
        String point = lab.restorePoint().id();
        try (BulwarkClient admin = bulwark.admin()) {
            assertTrue(admin.resource(MountResource.class).list().stream().anyMatch(mount -> point.equals(mount.restorePointId())));
            bot.sync(() -> {
                IEclipseContext context = Workbench.context();
                List<MPart> browsers = context.get(EModelService.class).findElements(context.get(MApplication.class),
                        null, MPart.class, List.of(RestoreIds.TAG_FILE_BROWSER));
                browsers.forEach(part -> context.get(EPartService.class).hidePart(part, true)); // as the tab's close button does
                return null;
            });
            bot.waitUntil("the mount to be gone", () -> admin.resource(MountResource.class).list().stream()
                    .noneMatch(mount -> point.equals(mount.restorePointId())), RESTORE);
        }
        jobs.waitUntilIdle(bot, Bot.TIMEOUT);
    }

    /** The first RESTORE queued at or after {@code since}, or {@code null}. */
    private static Task restoreSince(BulwarkClient admin, Instant since) {
        return admin.tasks().list().stream()
                .filter(task -> task.type() == TaskType.RESTORE && !task.createdAt().isBefore(since))
                .findFirst().orElse(null);
    }
}
