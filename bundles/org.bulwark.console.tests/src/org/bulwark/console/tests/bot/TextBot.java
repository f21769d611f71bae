package org.bulwark.console.tests.bot;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Text;

/** A text field, typed into key by key. */
public final class TextBot extends ControlBot<Text> {
    TextBot(Bot bot, Text text) {
        super(bot, text);
    }

    public String text() {
        return bot.sync(control::getText);
    }

    /** Clicks into the field, selects what it holds and types {@code value} over it. */
    public TextBot typeText(String value) {
        clickCenter();
        bot.waitUntil("focus in the text field", () -> bot.sync(control::isFocusControl));
        bot.input().chord(SWT.CTRL, 'a');
        bot.input().type(value);
        bot.waitUntil("the field to hold what was typed", () -> value.equals(text()));
        return this;
    }
}
