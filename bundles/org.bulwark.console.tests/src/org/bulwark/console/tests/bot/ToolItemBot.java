package org.bulwark.console.tests.bot;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.ToolItem;

/** A tool bar button, clicked with the mouse. */
public final class ToolItemBot {
    private final Bot bot;
    private final ToolItem item;

    ToolItemBot(Bot bot, ToolItem item) {
        this.bot = bot;
        this.item = item;
    }

    public boolean isEnabled() {
        return bot.sync(() -> !item.isDisposed() && item.isEnabled());
    }

    /** Waits until the button is enabled, then clicks it. */
    public void click() {
        bot.waitUntil("'" + bot.sync(item::getText) + "' to be enabled", this::isEnabled);
        Point at = bot.sync(() -> {
            item.getParent().getShell().forceActive();
            Rectangle bounds = item.getBounds();
            return item.getParent().toDisplay(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
        });
        bot.input().click(at);
    }
}
