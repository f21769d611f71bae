package org.bulwark.console.tests.pages;

import java.util.List;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.TextBot;

/** The policy form editor. */
public record PolicyEditorBot(Bot bot, ShellBot shell) {

    public TextBot text(String id) {
        return shell.textWithId(id);
    }

    /** Selects the VM named {@code vm} in the inventory list and clicks "Choose →". */
    public PolicyEditorBot choose(String vm) {
        shell.tableWithId(ConsoleIds.POLICY_VMS_AVAILABLE).clickRow("VM " + vm, row -> vm.equals(row.get("Inventory")));
        shell.buttonWithId(ConsoleIds.POLICY_VMS_CHOOSE).click();
        bot.waitUntil(vm + " to be chosen", () -> chosen().contains(vm));
        return this;
    }

    /** Names of the VMs chosen by hand. */
    public List<String> chosen() {
        return shell.tableWithId(ConsoleIds.POLICY_VMS_CHOSEN).rows().stream().map(row -> row.get("Chosen by hand")).toList();
    }

    /** Types {@code expression} into the schedule field and clicks "Add"; the server checks it. */
    public PolicyEditorBot addSchedule(String expression) {
        text(ConsoleIds.POLICY_SCHEDULE).typeText(expression);
        shell.buttonWithId(ConsoleIds.POLICY_SCHEDULE_ADD).click();
        return this;
    }

    public List<String> schedules() {
        return shell.listWithId(ConsoleIds.POLICY_SCHEDULES).items();
    }

    public String nextRuns() {
        return shell.labelWithId(ConsoleIds.POLICY_NEXT_RUNS).text();
    }

    public String matched() {
        return shell.labelWithId(ConsoleIds.POLICY_MATCHED).text();
    }

    /** What the editor last said above the form (saved, refused, checking). */
    public String message() {
        return shell.labelWithId(ConsoleIds.POLICY_MESSAGE).text();
    }

    /** Waits until the message starts with {@code start} and returns it. */
    public String waitForMessage(String start) {
        bot.waitUntil("the policy editor to say '" + start + "…'", () -> message().startsWith(start));
        return message();
    }

    /**
     * Clicks "Save policy", once it is on screen. A received click always changes the message ("Saving …"), so a
     * click the window system dropped (seen on a busy machine) is seen and repeated, never a save done twice.
     */
    public void save() {
        showSaveButton();
        String before = message();
        shell.buttonWithId(ConsoleIds.POLICY_SAVE).click();
        if (!bot.holdsWithin(java.time.Duration.ofSeconds(5), () -> !message().equals(before))) {
            shell.buttonWithId(ConsoleIds.POLICY_SAVE).click();
        }
    }

    /**
     * Brings the "Save policy" button on screen: scrolled to where the form scrolls, else (the form does not
     * scroll and grew taller than the window) the window is made taller, as an operator would drag it.
     */
    private void showSaveButton() {
        bot.waitUntil("the Save button on screen", () -> bot.sync(() -> {
            Control save = null;
            for (Shell candidate : Display.getCurrent().getShells()) {
                save = find(candidate, ConsoleIds.POLICY_SAVE);
                if (save != null) {
                    break;
                }
            }
            if (save == null) {
                return false;
            }
            for (Composite parent = save.getParent(); parent != null; parent = parent.getParent()) {
                if (parent instanceof ScrolledComposite scrolled) {
                    scrolled.showControl(save);
                }
            }
            Shell window = save.getShell();
            Rectangle area = window.getDisplay().map(window, null, window.getClientArea());
            Rectangle button = window.getDisplay().map(save.getParent(), null, save.getBounds());
            int missing = button.y + button.height - (area.y + area.height) + 40;
            if (missing > 0) {
                Rectangle screen = window.getDisplay().getClientArea();
                Rectangle bounds = window.getBounds();
                window.setBounds(bounds.x, Math.max(screen.y, bounds.y - missing), bounds.width,
                        Math.min(screen.height, bounds.height + missing));
                window.layout(true, true);
                return false;
            }
            return true;
        }));
    }

    private static Control find(Control control, String id) {
        if (id.equals(control.getData(ConsoleIds.KEY)) && control.isVisible()) {
            return control;
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                Control found = find(child, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
