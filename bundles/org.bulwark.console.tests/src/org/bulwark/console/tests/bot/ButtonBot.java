package org.bulwark.console.tests.bot;

import org.eclipse.swt.widgets.Button;

/** A push button. */
public final class ButtonBot extends ControlBot<Button> {
    ButtonBot(Bot bot, Button button) {
        super(bot, button);
    }

    /** Waits until the button is enabled, then clicks it. */
    public void click() {
        bot.waitUntil("the button to be enabled", this::isEnabled);
        clickCenter();
    }
}
