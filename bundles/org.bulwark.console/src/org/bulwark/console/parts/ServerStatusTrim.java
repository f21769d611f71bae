package org.bulwark.console.parts;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import org.bulwark.console.ConsoleEvents;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.model.ConsoleSession;
import org.bulwark.console.model.ServerState;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The status bar's connection indicator: the server the console works with, or, while it cannot
 * be reached, since when and that the console keeps trying and keeps what the operator typed.
 */
public final class ServerStatusTrim {
    /** How the indicator starts its text while the server cannot be reached. */
    public static final String UNREACHABLE = "Server unreachable";
    /** How the indicator starts its text while the server answers. */
    public static final String CONNECTED = "Connected to ";

    private final ConsoleSession session;
    private Label label;

    @Inject
    public ServerStatusTrim(ConsoleSession session) {
        this.session = session;
    }

    @PostConstruct
    void create(Composite parent) {
        label = TrimLabel.create(parent, 1, ConsoleIds.SERVER_STATUS, 380);
        label.setText(CONNECTED + session.server());
    }

    @Inject
    @Optional
    void serverState(@UIEventTopic(ConsoleEvents.SERVER_STATE) ServerState state) {
        if (label == null || label.isDisposed()) {
            return;
        }
        if (state.reachable()) {
            label.setText(CONNECTED + session.server());
            label.setToolTipText(null);
            label.setForeground(null);
        } else {
            label.setText(UNREACHABLE + " since " + Format.time(state.since()) + ", retrying");
            label.setToolTipText(state.problem() + "\nThe console tries again on its own; what you typed is kept.");
            label.setForeground(label.getDisplay().getSystemColor(SWT.COLOR_RED));
        }
        label.getParent().layout(true);
    }
}
