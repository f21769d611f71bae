package org.bulwark.console.tests.bot;

import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;

/**
 * A drop-down list. Choosing is done as SWTBot's {@code SWTBotCombo.setSelection} does it (select,
 * then the Selection event), since GTK's pop-up list does not take posted events reliably.
 */
public final class ComboBot extends ControlBot<Combo> {
    ComboBot(Bot bot, Combo combo) {
        super(bot, combo);
    }

    public List<String> items() {
        return bot.sync(() -> List.of(control.getItems()));
    }

    public String text() {
        return bot.sync(control::getText);
    }

    /** Chooses the item showing {@code item}, waiting for it to be offered. */
    public void select(String item) {
        bot.waitUntil("'" + item + "' in the list", () -> items().contains(item));
        bot.sync(() -> {
            control.select(control.indexOf(item));
            control.notifyListeners(SWT.Selection, null);
            return null;
        });
    }
}
