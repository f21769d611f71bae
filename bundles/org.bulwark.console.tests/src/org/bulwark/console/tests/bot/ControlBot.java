package org.bulwark.console.tests.bot;

import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/** A widget of a window, acted on with real mouse events. */
abstract class ControlBot<C extends Control> {
    final Bot bot;
    final C control;

    ControlBot(Bot bot, C control) {
        this.bot = bot;
        this.control = control;
    }

    public boolean isEnabled() {
        return bot.sync(() -> !control.isDisposed() && control.isEnabled());
    }

    public boolean isVisible() {
        return bot.sync(() -> !control.isDisposed() && control.isVisible());
    }

    /** Clicks the middle of the widget with the left mouse button. */
    void clickCenter() {
        clickAt(bot.sync(() -> {
            Rectangle size = control.getBounds();
            return new Rectangle(0, 0, size.width, size.height);
        }));
    }

    /**
     * Clicks the middle of {@code area} (in the widget's own coordinates), bringing its window to the front and
     * scrolling the widget into view first, as an operator would.
     */
    void clickAt(Rectangle area) {
        Point at = bot.sync(() -> {
            control.getShell().forceActive();
            for (Composite parent = control.getParent(); parent != null; parent = parent.getParent()) {
                if (parent instanceof ScrolledComposite scrolled) {
                    scrolled.showControl(control);
                }
            }
            return control.toDisplay(area.x + area.width / 2, area.y + area.height / 2);
        });
        bot.input().click(at);
    }
}
