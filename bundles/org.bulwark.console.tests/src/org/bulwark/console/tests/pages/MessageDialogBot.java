package org.bulwark.console.tests.pages;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.ShellBot;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/** A JFace message dialog (a confirmation, an error): its message and its buttons. */
public record MessageDialogBot(Bot bot, ShellBot shell) {

    /** Waits for the dialog titled {@code title}. */
    public static MessageDialogBot waitFor(Bot bot, String title) {
        return new MessageDialogBot(bot, bot.shell(title));
    }

    /** The texts of the dialog's labels (its message), one a line. */
    public String message() {
        return bot.sync(() -> {
            List<String> texts = new ArrayList<>();
            Arrays.stream(Display.getCurrent().getShells()).filter(candidate -> !candidate.isDisposed()
                    && candidate.isVisible() && shell.title().equals(candidate.getText())).findFirst()
                    .ifPresent(found -> labels(found, texts));
            return String.join("\n", texts);
        });
    }

    /** Clicks the button showing {@code label} and waits for the dialog to close. */
    public void press(String label) {
        shell.button(label).click();
        shell.waitUntilClosed();
    }

    private static void labels(Shell dialog, List<String> texts) {
        Deque<Control> pending = new ArrayDeque<>(List.of(dialog));
        while (!pending.isEmpty()) {
            Control control = pending.poll();
            if (control instanceof Label label && !label.getText().isEmpty()) {
                texts.add(label.getText());
            }
            if (control instanceof Composite composite) {
                pending.addAll(List.of(composite.getChildren()));
            }
        }
    }
}
