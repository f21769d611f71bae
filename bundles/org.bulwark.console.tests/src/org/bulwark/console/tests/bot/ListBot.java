package org.bulwark.console.tests.bot;

import java.util.List;

/** A list of strings, read as shown. */
public final class ListBot extends ControlBot<org.eclipse.swt.widgets.List> {
    ListBot(Bot bot, org.eclipse.swt.widgets.List list) {
        super(bot, list);
    }

    public List<String> items() {
        return bot.sync(() -> List.of(control.getItems()));
    }
}
