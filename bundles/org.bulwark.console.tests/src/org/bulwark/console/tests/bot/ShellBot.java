package org.bulwark.console.tests.bot;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.bulwark.console.ConsoleIds;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Widget;
import org.eclipse.swtchart.Chart;

/** One window: finds its widgets by {@link ConsoleIds#KEY data key}, label or text. */
public final class ShellBot {
    private final Bot bot;
    private final Shell shell;
    private final String title;

    ShellBot(Bot bot, Shell shell, String title) {
        this.bot = bot;
        this.shell = shell;
        this.title = title;
    }

    /** The title the window had when it was found. */
    public String title() {
        return title;
    }

    public boolean isOpen() {
        return bot.sync(() -> !shell.isDisposed() && shell.isVisible());
    }

    /** Brings the window to the front and gives it the keyboard. */
    public ShellBot activate() {
        bot.sync(() -> {
            shell.forceActive();
            return null;
        });
        return this;
    }

    /** The error message of a dialog with a title area (a wizard), or {@code null} when it shows none. */
    public String errorMessage() {
        return bot.sync(() -> shell.getData() instanceof TitleAreaDialog dialog ? dialog.getErrorMessage() : null);
    }

    public void waitUntilClosed() {
        bot.waitUntil("'" + title() + "' to close", () -> !isOpen());
    }

    public TextBot textWithId(String id) {
        return new TextBot(bot, find(Text.class, withId(id), "text field " + id));
    }

    public ButtonBot buttonWithId(String id) {
        return new ButtonBot(bot, find(Button.class, withId(id), "button " + id));
    }

    /** The button showing {@code label} (mnemonic ampersands ignored). */
    public ButtonBot button(String label) {
        return new ButtonBot(bot, find(Button.class, button -> label.equals(button.getText().replace("&", "")),
                "button '" + label + "'"));
    }

    public LabelBot labelWithId(String id) {
        return new LabelBot(bot, find(Label.class, withId(id), "label " + id));
    }

    public ListBot listWithId(String id) {
        return new ListBot(bot, find(org.eclipse.swt.widgets.List.class, withId(id), "list " + id));
    }

    public ChartBot chartWithId(String id) {
        return new ChartBot(bot, find(Chart.class, withId(id), "chart " + id));
    }

    public TableBot tableWithId(String id) {
        return new TableBot(bot, find(Table.class, withId(id), "table " + id));
    }

    /** The visible tool bar button showing {@code label} as text or tooltip. */
    public ToolItemBot toolItem(String label) {
        String what = "tool bar button '" + label + "'";
        AtomicReference<ToolItem> found = new AtomicReference<>();
        bot.waitUntil(what, () -> found.updateAndGet(previous -> findToolItem(label)) != null);
        return new ToolItemBot(bot, found.get());
    }

    /** Saves a PNG of this window. */
    public Path screenshot(Path file) {
        return bot.screenshot(shell, file);
    }

    private static Predicate<Widget> withId(String id) {
        return widget -> Objects.equals(id, widget.getData(ConsoleIds.KEY));
    }

    private <W extends Control> W find(Class<W> type, Predicate<? super W> matches, String what) {
        AtomicReference<W> found = new AtomicReference<>();
        bot.waitUntil(what + " in '" + title + "'", () -> found.updateAndGet(previous -> bot.sync(() -> search(type, matches))) != null);
        return found.get();
    }

    private ToolItem findToolItem(String label) {
        return bot.sync(() -> {
            Deque<ToolBar> bars = new ArrayDeque<>();
            collect(ToolBar.class, ToolBar::isVisible, bars);
            for (ToolBar bar : bars) {
                for (ToolItem item : bar.getItems()) {
                    if (label.equals(item.getText()) || label.equals(item.getToolTipText())) {
                        return item;
                    }
                }
            }
            return null;
        });
    }

    /** The first match that is visible (parts behind others hold widgets of the same id), else the first match. */
    private <W extends Control> W search(Class<W> type, Predicate<? super W> matches) {
        Deque<W> found = new ArrayDeque<>();
        collect(type, matches, found);
        return found.stream().filter(Control::isVisible).findFirst().orElse(found.peekFirst());
    }

    private <W extends Control> void collect(Class<W> type, Predicate<? super W> matches, Deque<W> found) {
        Deque<Control> pending = new ArrayDeque<>();
        pending.add(shell);
        while (!pending.isEmpty()) {
            Control control = pending.poll();
            if (control.isDisposed()) {
                continue;
            }
            if (type.isInstance(control) && matches.test(type.cast(control))) {
                found.add(type.cast(control));
            }
            if (control instanceof Composite composite) {
                pending.addAll(List.of(composite.getChildren()));
            }
        }
    }
}
