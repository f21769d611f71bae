package org.bulwark.console.tests.bot;

import java.time.Duration;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * A text field, typed into key by key. Typing is checked: posted key strokes that the window
 * system gave to another window (a notification popup that took the keyboard for a moment) or
 * that a busy machine let GTK drop are typed again, so a test sees the field hold what it typed.
 */
public final class TextBot extends ControlBot<Text> {
    /** How often a value is typed before the field is taken to refuse it. */
    private static final int ATTEMPTS = 5;
    /** How long the field may take to show the typed keys once they are posted. */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    TextBot(Bot bot, Text text) {
        super(bot, text);
    }

    public String text() {
        return bot.sync(control::getText);
    }

    /** Clicks into the field, selects what it holds and types {@code value} over it, checking the field holds it. */
    public TextBot typeText(String value) {
        String held = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            focus();
            bot.input().chord(SWT.CTRL, 'a');
            bot.input().type(value);
            if (bot.holdsWithin(SETTLE, () -> value.equals(text()))) {
                return this;
            }
            held = text();
            System.err.println("Typed '" + masked(value) + "' but the field holds '" + masked(held) + "' (attempt " + attempt
                    + " of " + ATTEMPTS + ")");
        }
        throw new AssertionError("The field holds '" + masked(held) + "' after typing '" + masked(value) + "' " + ATTEMPTS + " times");
    }

    /**
     * Clicks into the field and waits until its window is the active one (the window system's
     * keyboard focus, which a popup may have taken) and the field has the focus in it.
     */
    private void focus() {
        clickCenter();
        bot.waitUntil("the keyboard in the text field", () -> bot.sync(() -> {
            Shell shell = control.getShell();
            if (control.getDisplay().getActiveShell() != shell) {
                shell.forceActive();
            }
            if (!control.isFocusControl()) {
                control.setFocus();
            }
            return control.getDisplay().getActiveShell() == shell && control.isFocusControl();
        }));
    }

    private String masked(String value) {
        return bot.sync(() -> (control.getStyle() & SWT.PASSWORD) != 0) ? "*".repeat(value.length()) : value;
    }
}
