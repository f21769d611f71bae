package org.bulwark.console.parts;

import static org.bulwark.console.ConsoleIds.mark;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.function.Function;
import org.bulwark.api.ApiException;
import org.bulwark.api.Task;
import org.bulwark.api.rest.PolicyResource;
import org.bulwark.api.rest.VmResource;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.ConsoleEvents;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.jobs.RefreshJob;
import org.bulwark.console.model.ConsoleSession;
import org.bulwark.console.model.DashboardFigures;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;

/** The operator's first view: protection, recent outcomes, nodes and running tasks at a glance, refreshed live. */
public final class DashboardPart {
    private final ConsoleSession session;
    private final UISynchronize ui;
    private Composite body;
    private Label status;
    private Label protectedVms;
    private Label unprotectedVms;
    private Label succeeded;
    private Label failed;
    private Label nodes;
    private Label running;
    private RefreshJob<DashboardFigures> refresh;

    @Inject
    public DashboardPart(ConsoleSession session, UISynchronize ui) {
        this.session = session;
        this.ui = ui;
    }

    @PostConstruct
    void create(Composite parent) {
        body = parent;
        parent.setLayout(new GridLayout(3, true));
        status = mark(new Label(parent, SWT.NONE), ConsoleIds.DASHBOARD_STATUS);
        status.setText("Loading…");
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        protectedVms = figure(parent, "VMs protected", ConsoleIds.DASHBOARD_VMS_PROTECTED);
        unprotectedVms = figure(parent, "VMs unprotected", ConsoleIds.DASHBOARD_VMS_UNPROTECTED);
        running = figure(parent, "Tasks running", ConsoleIds.DASHBOARD_TASKS_RUNNING);
        succeeded = figure(parent, "Tasks succeeded (24 h)", ConsoleIds.DASHBOARD_TASKS_SUCCEEDED);
        failed = figure(parent, "Tasks failed (24 h)", ConsoleIds.DASHBOARD_TASKS_FAILED);
        nodes = figure(parent, "Nodes online", ConsoleIds.DASHBOARD_NODES);
        refresh = new RefreshJob<>("Refreshing the dashboard", LiveTablePart.REFRESH_MILLIS, ui,
                () -> session.call(DashboardPart::fetch), this::show, this::showFailure);
        refresh.schedule();
    }

    private static DashboardFigures fetch(BulwarkClient client) {
        return DashboardFigures.count(client.resource(VmResource.class).list(),
                client.resource(PolicyResource.class).list(), client.tasks().list(), client.nodes().list(), Instant.now());
    }

    private static Label figure(Composite parent, String title, String id) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(title);
        group.setLayout(new GridLayout(1, false));
        group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
        Label value = mark(new Label(group, SWT.CENTER), id);
        value.setFont(JFaceResources.getHeaderFont());
        value.setText("–");
        value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return value;
    }

    private void show(DashboardFigures figures) {
        if (body.isDisposed()) {
            return;
        }
        set(protectedVms, figures, DashboardFigures::vmsProtected);
        set(unprotectedVms, figures, DashboardFigures::vmsUnprotected);
        set(succeeded, figures, DashboardFigures::succeeded24h);
        set(failed, figures, DashboardFigures::failed24h);
        set(running, figures, DashboardFigures::tasksRunning);
        nodes.setText(figures.nodesOnline() + " / " + figures.nodesTotal());
        status.setText("Updated " + Format.time(Instant.now()));
        body.layout(true, true);
    }

    private static void set(Label label, DashboardFigures figures, Function<DashboardFigures, Long> value) {
        label.setText(Long.toString(value.apply(figures)));
    }

    private void showFailure(ApiException failure) {
        if (!status.isDisposed()) {
            status.setText(failure.getMessage() + " (retrying)");
        }
    }

    @Inject
    @Optional
    void tasksChanged(@UIEventTopic(ConsoleEvents.TASKS_CHANGED) Task task) {
        if (refresh != null) {
            refresh.refreshNow();
        }
    }

    @Focus
    void focus() {
        body.setFocus();
    }

    @PreDestroy
    void dispose() {
        refresh.stop();
    }
}
