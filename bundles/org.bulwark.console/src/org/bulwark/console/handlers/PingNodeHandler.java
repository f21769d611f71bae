package org.bulwark.console.handlers;

import jakarta.inject.Named;
import java.util.Map;
import org.bulwark.api.Node;
import org.bulwark.api.TaskRequest;
import org.bulwark.api.TaskType;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.dialogs.ErrorMessages;
import org.bulwark.console.jobs.FollowTaskJob;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Shell;

/**
 * Pings the selected node: a PING task round-trips server → node → server in a few steps,
 * and the tasks part comes to the front so the operator watches it run and finish.
 */
public final class PingNodeHandler {
    /** Steps of the ping and the pause per step: five seconds in all, long enough to watch (or cancel) it. */
    static final Map<String, String> PARAMETERS = Map.of("steps", "20", "stepMillis", "250");

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Node node) {
        return node != null;
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SELECTION) Node node, ConsoleSession session, IEventBroker events,
            EPartService parts, UISynchronize ui, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        new FollowTaskJob("Ping " + node.name(), session, new TaskRequest(TaskType.PING, node.id(), PARAMETERS), events,
                failure -> ErrorMessages.show(ui, shell, "Ping " + node.name() + " failed", failure)).schedule();
        parts.showPart(ConsoleIds.PART_TASKS, PartState.ACTIVATE);
    }
}
