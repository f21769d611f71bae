package org.bulwark.console.tests.bot;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.bulwark.console.ConsoleIds;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Tree;

/**
 * Finds the widgets {@link ShellBot} has no finder for (trees, combos) by
 * {@link ConsoleIds#KEY data key} in the visible window titled so, waiting for them to appear.
 */
public final class Widgets {
    private final Bot bot;
    private final String title;

    public Widgets(Bot bot, String title) {
        this.bot = bot;
        this.title = title;
    }

    public TreeBot treeWithId(String id) {
        return new TreeBot(bot, find(Tree.class, id));
    }

    public ComboBot comboWithId(String id) {
        return new ComboBot(bot, find(Combo.class, id));
    }

    private <W extends Control> W find(Class<W> type, String id) {
        AtomicReference<W> found = new AtomicReference<>();
        bot.waitUntil(type.getSimpleName() + " " + id + " in '" + title + "'",
                () -> found.updateAndGet(previous -> bot.sync(() -> search(type, id))) != null);
        return found.get();
    }

    private <W extends Control> W search(Class<W> type, String id) {
        Deque<Control> pending = new ArrayDeque<>();
        Arrays.stream(bot.display().getShells()).filter(shell -> !shell.isDisposed() && shell.isVisible()
                && title.equals(shell.getText())).forEach(pending::add);
        while (!pending.isEmpty()) {
            Control control = pending.poll();
            if (control.isDisposed()) {
                continue;
            }
            if (type.isInstance(control) && control.isVisible() && Objects.equals(id, control.getData(ConsoleIds.KEY))) {
                return type.cast(control);
            }
            if (control instanceof Composite composite) {
                pending.addAll(List.of(composite.getChildren()));
            }
        }
        return null;
    }
}
