package org.bulwark.console.tests.m365;

import java.util.Map;
import org.bulwark.console.m365.M365Ids;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.fixture.Workbench;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;

/** Brings a Microsoft 365 part to the front through the command of the "Microsoft 365" menu and its handler. */
final class M365Parts {
    private M365Parts() {
    }

    static void show(Bot bot, String partId) {
        bot.sync(() -> {
            IEclipseContext context = Workbench.context().getActiveLeaf();
            ParameterizedCommand command = context.get(ECommandService.class).createCommand(M365Ids.COMMAND_SHOW_PART,
                    Map.of(M365Ids.COMMAND_SHOW_PART_PARAMETER, partId));
            return context.get(EHandlerService.class).executeHandler(command);
        });
    }
}
