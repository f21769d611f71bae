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

    public boolean isSelected() {
        return bot.sync(control::getSelection);
    }

    /**
     * Clicks a check box or radio button until it is selected: a click that a window which
     * just changed its layout (a wizard turning the page) put beside the button is repeated.
     */
    public void select() {
        for (int attempt = 1; attempt <= 3 && !isSelected(); attempt++) {
            click();
            if (bot.holdsWithin(java.time.Duration.ofSeconds(3), this::isSelected)) {
                return;
            }
        }
        bot.waitUntil("the button to be selected", this::isSelected);
    }
}
