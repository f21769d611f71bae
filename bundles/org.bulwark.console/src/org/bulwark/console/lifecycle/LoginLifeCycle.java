package org.bulwark.console.lifecycle;

import java.util.concurrent.atomic.AtomicReference;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.ConsoleEvents;
import org.bulwark.console.dialogs.LoginDialog;
import org.bulwark.console.model.ConsoleSession;
import org.bulwark.console.model.ServerState;
import org.bulwark.console.model.internal.ReloginSession;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.e4.ui.workbench.lifecycle.PreSave;
import org.eclipse.e4.ui.workbench.lifecycle.ProcessRemovals;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.prefs.BackingStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the operator in before the workbench window opens and puts the {@link ConsoleSession}
 * into the application context, from which parts and handlers receive it. When the operator
 * cancels, no window is shown and the console ends. When a session ends later, the operator is
 * asked for the password again.
 */
public final class LoginLifeCycle {
    /** The server URL offered the first time. */
    public static final String DEFAULT_SERVER_URL = "http://127.0.0.1:8080";
    private static final String PREFERENCES = "org.bulwark.console";
    private static final String PREF_SERVER = "server.url";
    private static final String PREF_USER = "user";
    private static final Logger LOG = LoggerFactory.getLogger(LoginLifeCycle.class);

    private boolean loggedIn;

    @PostContextCreate
    void login(IEclipseContext context, @Optional IApplicationContext application) {
        if (application != null) {
            application.applicationRunning(); // takes down a splash screen, if any
        }
        IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(PREFERENCES);
        LoginDialog dialog = LoginDialog.atStartup(null, BulwarkClient::login,
                preferences.get(PREF_SERVER, DEFAULT_SERVER_URL), preferences.get(PREF_USER, ""));
        if (dialog.open() != Window.OK) {
            LOG.info("Login cancelled; the console ends");
            return;
        }
        loggedIn = true;
        remember(preferences, dialog);
        Display display = Display.getCurrent();
        BulwarkClient client = dialog.client();
        LOG.info("Logged in to {} as {}", client.server(), client.session().username());
        context.set(ConsoleSession.class, new ReloginSession(client, expired -> relogin(context, display, expired),
                state -> tell(context, state)));
    }

    /** Without a login no window opens, so the workbench ends at once. */
    @ProcessRemovals
    void hideWindowsUnlessLoggedIn(MApplication application) {
        if (!loggedIn) {
            application.getChildren().forEach(window -> window.setToBeRendered(false));
        }
    }

    /** Undoes {@link #hideWindowsUnlessLoggedIn} in the saved layout, so the next start shows the window. */
    @PreSave
    void keepWindowsInSavedLayout(MApplication application) {
        if (!loggedIn) {
            application.getChildren().forEach(window -> window.setToBeRendered(true));
        }
    }

    private static BulwarkClient relogin(IEclipseContext context, Display display, BulwarkClient expired) {
        AtomicReference<BulwarkClient> renewed = new AtomicReference<>();
        display.syncExec(() -> {
            MWindow window = context.get(MApplication.class) == null ? null : context.get(MApplication.class).getSelectedElement();
            LoginDialog dialog = LoginDialog.again(window == null ? null : (Shell) window.getWidget(),
                    BulwarkClient::login, expired.server().toString(), expired.session().username());
            if (dialog.open() == Window.OK) {
                renewed.set(dialog.client());
            } else {
                IWorkbench workbench = context.get(IWorkbench.class);
                if (workbench != null) {
                    display.asyncExec(workbench::close);
                }
            }
        });
        return renewed.get();
    }

    /** Posts a change of the server's reachability to the parts (the status bar shows it). */
    private static void tell(IEclipseContext context, ServerState state) {
        IEventBroker events = context.get(IEventBroker.class);
        if (events != null) {
            events.post(ConsoleEvents.SERVER_STATE, state);
        }
        if (state.reachable()) {
            LOG.info("The server answers again");
        } else {
            LOG.warn("The server cannot be reached: {}", state.problem());
        }
    }

    private static void remember(IEclipsePreferences preferences, LoginDialog dialog) {
        preferences.put(PREF_SERVER, dialog.serverUrl());
        preferences.put(PREF_USER, dialog.username());
        try {
            preferences.flush();
        } catch (BackingStoreException e) {
            LOG.warn("Cannot remember the server URL and user: {}", e.getMessage());
        }
    }
}
