package org.bulwark.console.parts;

import static org.bulwark.console.ConsoleIds.mark;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.bulwark.api.ApiException;
import org.bulwark.api.Task;
import org.bulwark.api.rest.PolicyResource;
import org.bulwark.api.rest.RestorePointResource;
import org.bulwark.api.rest.VmResource;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.ConsoleEvents;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.jobs.RefreshJob;
import org.bulwark.console.model.BackupOutcomes;
import org.bulwark.console.model.BackupWarnings;
import org.bulwark.console.model.ConsoleSession;
import org.bulwark.console.model.DashboardFigures;
import org.bulwark.console.model.DestinationUsage;
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
import org.eclipse.swtchart.Chart;

/**
 * The operator's first view, refreshed live: protection, running tasks and nodes as figures;
 * backups of the last 24 hours and 7 days by outcome, protected against unprotected VMs and the
 * storage of each destination with its data reduction as charts.
 */
public final class DashboardPart {
    /** Legend names of the outcome series, bottom to top. */
    public static final String SUCCEEDED = "Succeeded";
    public static final String WARNING = "Warning";
    public static final String FAILED = "Failed";
    /** Categories of the backup chart. */
    public static final String LAST_DAY = "Last 24 h";
    public static final String LAST_WEEK = "Last 7 days";
    /** Series of the protection chart and its categories. */
    public static final String VMS = "VMs";
    public static final String PROTECTED = "Protected";
    public static final String UNPROTECTED = "Unprotected";
    /** Series of the storage chart, in MiB. */
    public static final String LOGICAL = "Backed-up data (MiB)";
    public static final String STORED = "Stored (MiB)";
    private static final double MIB = 1 << 20;

    private final ConsoleSession session;
    private final UISynchronize ui;
    private final BackupWarnings warnings = new BackupWarnings();
    private Composite body;
    private Label status;
    private Label protectedVms;
    private Label unprotectedVms;
    private Label nodes;
    private Label running;
    private Chart backups;
    private Chart protection;
    private Chart storage;
    private RefreshJob<DashboardFigures> refresh;

    @Inject
    public DashboardPart(ConsoleSession session, UISynchronize ui) {
        this.session = session;
        this.ui = ui;
    }

    @PostConstruct
    void create(Composite parent) {
        body = parent;
        parent.setLayout(new GridLayout(4, true));
        status = mark(new Label(parent, SWT.NONE), ConsoleIds.DASHBOARD_STATUS);
        status.setText("Loading…");
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        protectedVms = figure(parent, "VMs protected", ConsoleIds.DASHBOARD_VMS_PROTECTED);
        unprotectedVms = figure(parent, "VMs unprotected", ConsoleIds.DASHBOARD_VMS_UNPROTECTED);
        running = figure(parent, "Tasks running", ConsoleIds.DASHBOARD_TASKS_RUNNING);
        nodes = figure(parent, "Nodes online", ConsoleIds.DASHBOARD_NODES);
        backups = Charts.bar(parent, ConsoleIds.DASHBOARD_CHART_BACKUPS, "Backups by outcome", "backups");
        Charts.series(backups, SUCCEEDED, Charts.SUCCEEDED, true);
        Charts.series(backups, WARNING, Charts.WARNING, true);
        Charts.series(backups, FAILED, Charts.FAILED, true);
        protection = Charts.bar(parent, ConsoleIds.DASHBOARD_CHART_PROTECTION, "VM protection", "VMs");
        Charts.series(protection, VMS, Charts.ACCENT, false);
        storage = Charts.bar(parent, ConsoleIds.DASHBOARD_CHART_STORAGE, "Storage per destination (data reduction)", "MiB");
        Charts.series(storage, LOGICAL, Charts.NEUTRAL, false);
        Charts.series(storage, STORED, Charts.ACCENT, false);
        ((GridData) storage.getLayoutData()).horizontalSpan = 2;
        refresh = new RefreshJob<>("Refreshing the dashboard", LiveTablePart.REFRESH_MILLIS, ui,
                () -> session.call(this::fetch), this::show, this::showFailure);
        refresh.schedule();
    }

    private DashboardFigures fetch(BulwarkClient client) {
        Instant now = Instant.now();
        List<Task> tasks = client.tasks().list();
        return DashboardFigures.count(client.resource(VmResource.class).list(), client.resource(PolicyResource.class).list(),
                tasks, client.nodes().list(), client.resource(RestorePointResource.class).list(),
                warnings.of(tasks, now.minus(DashboardFigures.WEEK), id -> client.tasks().log(id)), now);
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
        protectedVms.setText(Long.toString(figures.vmsProtected()));
        unprotectedVms.setText(Long.toString(figures.vmsUnprotected()));
        running.setText(Long.toString(figures.tasksRunning()));
        nodes.setText(figures.nodesOnline() + " / " + figures.nodesTotal());
        nodes.setToolTipText(figures.offlineNodes().isEmpty() ? "Every node is online"
                : "Not online: " + String.join(", ", figures.offlineNodes()));
        BackupOutcomes day = figures.backupsDay();
        BackupOutcomes week = figures.backupsWeek();
        Charts.show(backups, new String[] {LAST_DAY, LAST_WEEK}, new double[] {day.succeeded(), week.succeeded()},
                new double[] {day.warning(), week.warning()}, new double[] {day.failed(), week.failed()});
        Charts.show(protection, new String[] {PROTECTED, UNPROTECTED},
                new double[] {figures.vmsProtected(), figures.vmsUnprotected()});
        List<DestinationUsage> usage = figures.storage();
        Charts.show(storage, usage.stream().map(DashboardPart::category).toArray(String[]::new),
                usage.stream().mapToDouble(destination -> destination.logicalBytes() / MIB).toArray(),
                usage.stream().mapToDouble(destination -> destination.storedBytes() / MIB).toArray());
        status.setText("Updated " + Format.time(Instant.now()));
        body.layout(true, true);
    }

    /** The storage chart's label of a destination: where it is and its data reduction, e.g. {@code node-1:/backups (3.2×)}. */
    public static String category(DestinationUsage destination) {
        return destination.destination() + " (" + String.format(Locale.ROOT, "%.1f", destination.ratio()) + "×)";
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
