package org.bulwark.console.tests.bot;

import org.eclipse.swt.widgets.Label;

/** A label whose text the console sets. */
public final class LabelBot extends ControlBot<Label> {
    LabelBot(Bot bot, Label label) {
        super(bot, label);
    }

    public String text() {
        return bot.sync(control::getText);
    }
}
