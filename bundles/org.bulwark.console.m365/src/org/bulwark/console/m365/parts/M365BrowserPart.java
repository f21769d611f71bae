package org.bulwark.console.m365.parts;

import static org.bulwark.console.ConsoleIds.mark;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.bulwark.api.ApiException;
import org.bulwark.api.M365Item;
import org.bulwark.api.M365RestorePoint;
import org.bulwark.api.M365RestoreRequest;
import org.bulwark.api.M365Tenant;
import org.bulwark.api.M365User;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.api.rest.TenantResource;
import org.bulwark.client.Sizes;
import org.bulwark.console.ConsoleEvents;
import org.bulwark.console.dialogs.ErrorMessages;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.jobs.FollowTaskJob;
import org.bulwark.console.m365.M365Events;
import org.bulwark.console.m365.M365Ids;
import org.bulwark.console.m365.jobs.ItemDownloadJob;
import org.bulwark.console.m365.model.ItemDownloader;
import org.bulwark.console.m365.model.RestorePointContent;
import org.bulwark.console.m365.model.RestoreTargets;
import org.bulwark.console.m365.model.RestoreTargets.Target;
import org.bulwark.console.m365.model.Section;
import org.bulwark.console.model.ConsoleSession;
import org.bulwark.console.parts.Format;
import org.bulwark.console.restore.model.Conflict;
import org.bulwark.console.restore.model.TargetFolder;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * Restores Microsoft 365 mail and files: choose a tenant and one of its restore points, browse
 * or search its tree, then download the selected messages ({@code .eml}), files and folders
 * (unpacked from the server's zip) into a local folder, or restore them through the tenant's
 * node into a new "Restored &lt;date&gt;" folder of the original or another user.
 */
public final class M365BrowserPart {
    /** The choices for a download that would land on an existing file, in the order the drop-down shows them. */
    static final List<String> CONFLICT_CHOICES = List.of("Keep both (new name)", "Skip", "Overwrite");

    private final ConsoleSession session;
    private final UISynchronize ui;
    private final IEventBroker events;
    private TenantCombo tenant;
    private Combo points;
    private List<M365RestorePoint> shownPoints = List.of();
    private Text search;
    private BrowseTree tree;
    private Label status;
    private Text folder;
    private Combo conflict;
    private Button cancel;
    private ItemDownloadJob running;
    private Combo restoreTarget;
    private List<Target> targets = List.of();
    private Label message;
    private RestorePointContent content;
    private volatile UUID restoring;

    @Inject
    public M365BrowserPart(ConsoleSession session, UISynchronize ui, IEventBroker events) {
        this.session = session;
        this.ui = ui;
        this.events = events;
    }

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite top = new Composite(parent, SWT.NONE);
        top.setLayout(new GridLayout(6, false));
        top.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(top, SWT.NONE).setText("Tenant:");
        tenant = new TenantCombo(top, M365Ids.BROWSER_TENANT, session, ui, chosen -> loadPoints());
        tenant.combo().setLayoutData(new GridData(200, SWT.DEFAULT));
        new Label(top, SWT.NONE).setText("Restore point:");
        points = mark(new Combo(top, SWT.READ_ONLY | SWT.DROP_DOWN), M365Ids.BROWSER_POINTS);
        points.setLayoutData(new GridData(320, SWT.DEFAULT));
        points.addListener(SWT.Selection, event -> pointChosen());
        new Label(top, SWT.NONE).setText("Search:");
        search = mark(new Text(top, SWT.BORDER), M365Ids.BROWSER_SEARCH);
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        search.setMessage("subject, sender or name; Enter");
        search.addListener(SWT.DefaultSelection, event -> searchOrBrowse());

        status = mark(new Label(parent, SWT.NONE), M365Ids.BROWSER_STATUS);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setText("Loading…");
        tree = new BrowseTree(parent, M365Ids.BROWSER_TREE, ui);
        tree.viewer().getTree().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        Composite download = new Composite(parent, SWT.NONE);
        download.setLayout(new GridLayout(7, false));
        download.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(download, SWT.NONE).setText("Download into:");
        folder = mark(new Text(download, SWT.BORDER), M365Ids.BROWSER_FOLDER);
        folder.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        folder.setText(System.getProperty("user.home"));
        Button browse = new Button(download, SWT.PUSH);
        browse.setText("Browse…");
        browse.addListener(SWT.Selection, event -> chooseFolder());
        new Label(download, SWT.NONE).setText("If a file exists:");
        conflict = mark(new Combo(download, SWT.READ_ONLY | SWT.DROP_DOWN), M365Ids.BROWSER_CONFLICT);
        conflict.setItems(CONFLICT_CHOICES.toArray(String[]::new));
        conflict.select(0);
        Button downloadButton = mark(new Button(download, SWT.PUSH), M365Ids.BROWSER_DOWNLOAD);
        downloadButton.setText("Download");
        downloadButton.addListener(SWT.Selection, event -> download());
        cancel = mark(new Button(download, SWT.PUSH), M365Ids.BROWSER_CANCEL);
        cancel.setText("Cancel download");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, event -> {
            if (running != null) {
                running.cancel();
            }
        });
        new Label(download, SWT.NONE).setText("Restore to:");
        restoreTarget = mark(new Combo(download, SWT.READ_ONLY | SWT.DROP_DOWN), M365Ids.BROWSER_RESTORE_TARGET);
        restoreTarget.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
        Button restore = mark(new Button(download, SWT.PUSH), M365Ids.BROWSER_RESTORE);
        restore.setText("Restore");
        restore.addListener(SWT.Selection, event -> restore());
        message = mark(new Label(parent, SWT.WRAP), M365Ids.BROWSER_MESSAGE);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        showTargets(RestoreTargets.of(List.of(), List.of()));
        tenant.reload(this::showFailure);
    }

    /** Reads the chosen tenant's restore points (newest first) and the users and drives it can restore to. */
    private void loadPoints() {
        M365Tenant owner = tenant.current();
        if (owner == null) {
            showPoints(null, List.of());
            status.setText("No tenant registered yet");
            return;
        }
        status.setText("Reading the restore points of " + owner.tenantId() + "…");
        ConsoleJob.of("Reading the restore points of " + owner.tenantId(), monitor -> {
            try {
                List<M365RestorePoint> read = session.call(client -> client.resource(TenantResource.class)
                        .restorePoints(owner.id()));
                ui.asyncExec(() -> showPoints(owner, read));
            } catch (ApiException e) {
                ui.asyncExec(() -> showFailure(e));
            }
        }).schedule();
    }

    private void showPoints(M365Tenant owner, List<M365RestorePoint> read) {
        if (points.isDisposed() || owner != null && (tenant.current() == null || !tenant.current().id().equals(owner.id()))) {
            return;
        }
        long chosen = points.getSelectionIndex() < 0 ? -1 : shownPoints.get(points.getSelectionIndex()).id();
        shownPoints = List.copyOf(read);
        points.setItems(shownPoints.stream().map(M365BrowserPart::label).toArray(String[]::new));
        int index = 0;
        for (int i = 0; i < shownPoints.size(); i++) {
            if (shownPoints.get(i).id() == chosen) {
                index = i;
            }
        }
        if (shownPoints.isEmpty()) {
            status.setText(owner == null ? "No tenant registered yet" : "No restore points of " + owner.tenantId() + " yet");
            content = null;
            tree.show(null, List.of());
            return;
        }
        points.select(index);
        if (content == null || content.point() != shownPoints.get(index).id()) {
            pointChosen();
        }
    }

    /** The label of a restore point: when, how much. */
    static String label(M365RestorePoint point) {
        return Format.time(point.createdAt()) + " (" + point.items() + " items, " + Sizes.bytes(point.bytes()) + ")";
    }

    private void pointChosen() {
        M365Tenant owner = tenant.current();
        int index = points.getSelectionIndex();
        if (owner == null || index < 0) {
            return;
        }
        M365RestorePoint point = shownPoints.get(index);
        content = new RestorePointContent(session, owner.id(), point.id());
        search.setText("");
        tree.show(content, List.of(Section.MAIL, Section.FILES));
        status.setText(shownPoints.size() + (shownPoints.size() == 1 ? " restore point" : " restore points") + " of "
                + owner.tenantId() + "; showing " + label(point));
        loadTargets(owner, content);
    }

    private void searchOrBrowse() {
        if (content == null) {
            return;
        }
        String text = search.getText().strip();
        tree.show(content, text.isEmpty() ? List.of(Section.MAIL, Section.FILES) : List.of(Section.search(text)));
    }

    /** Reads the users and drives a restore can go to. */
    private void loadTargets(M365Tenant owner, RestorePointContent reading) {
        ConsoleJob.of("Reading where " + owner.tenantId() + " can be restored to", monitor -> {
            List<M365User> users;
            try {
                users = session.call(client -> client.resource(TenantResource.class).users(owner.id()));
            } catch (ApiException e) {
                users = List.of(); // no discovery yet: mail goes back to its own mailbox only
            }
            try {
                RestoreTargets found = RestoreTargets.of(users, reading.children(Section.FILES));
                ui.asyncExec(() -> {
                    if (reading == content) {
                        showTargets(found);
                    }
                });
            } catch (ApiException e) {
                ui.asyncExec(() -> showFailure(e));
            }
        }).schedule();
    }

    private void showTargets(RestoreTargets found) {
        if (restoreTarget.isDisposed()) {
            return;
        }
        targets = found.targets();
        restoreTarget.setItems(targets.stream().map(Target::label).toArray(String[]::new));
        restoreTarget.select(0);
    }

    private void chooseFolder() {
        DirectoryDialog dialog = new DirectoryDialog(folder.getShell());
        dialog.setText("Download into");
        dialog.setFilterPath(folder.getText());
        String chosen = dialog.open();
        if (chosen != null) {
            folder.setText(chosen);
        }
    }

    /** Downloads the selected items into the local folder as a job (progress and cancel in the status bar). */
    private void download() {
        List<M365Item> items = tree.selection();
        if (content == null || items.isEmpty()) {
            message.setText("Select messages, files or folders to download.");
            return;
        }
        Conflict onConflict = switch (conflict.getSelectionIndex()) {
            case 1 -> Conflict.SKIP;
            case 2 -> Conflict.OVERWRITE;
            default -> Conflict.KEEP_BOTH;
        };
        TargetFolder target;
        try {
            target = new TargetFolder(Path.of(folder.getText().strip()), existing -> onConflict);
        } catch (IOException | InvalidPathException e) {
            message.setText("Cannot download into '" + folder.getText() + "': " + e.getMessage());
            return;
        }
        message.setText("Downloading " + count(items) + " into " + target.root() + "…");
        ItemDownloadJob job = new ItemDownloadJob("Download of " + count(items), new ItemDownloader(content, target), items,
                this::tell);
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                ui.asyncExec(() -> {
                    if (running == job && !cancel.isDisposed()) {
                        running = null;
                        cancel.setEnabled(false);
                    }
                });
            }
        });
        running = job;
        cancel.setEnabled(true);
        job.schedule();
    }

    /** Restores the selected messages, or files and folders, into a new "Restored <date>" folder of the chosen target. */
    private void restore() {
        List<M365Item> items = tree.selection();
        M365Tenant owner = tenant.current();
        if (content == null || owner == null || items.isEmpty()) {
            message.setText("Select messages, or files and folders, to restore.");
            return;
        }
        M365RestoreRequest request;
        try {
            request = RestoreTargets.request(content.point(), items, targets.get(Math.max(0, restoreTarget.getSelectionIndex())));
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            return;
        }
        message.setText("Restoring " + count(items) + "…");
        String title = "Restore of " + count(items) + " of " + owner.tenantId();
        new FollowTaskJob(title, session, client -> {
            Task task = client.resource(TenantResource.class).restore(owner.id(), request);
            restoring = task.id();
            return task;
        }, events, failure -> tell(title + " refused: " + ErrorMessages.describe(failure))).schedule();
    }

    private static String count(List<M365Item> items) {
        return items.size() == 1 ? "'" + items.getFirst().name() + "'" : items.size() + " items";
    }

    /** Shows {@code text} in the message line, from any thread. */
    private void tell(String text) {
        ui.asyncExec(() -> {
            if (!message.isDisposed()) {
                message.setText(text);
                message.getParent().layout();
            }
        });
    }

    private void showFailure(ApiException failure) {
        if (!status.isDisposed()) {
            status.setText(ErrorMessages.describe(failure));
        }
    }

    /** A backup that ended brings a restore point; the restore this part started tells how it ended. */
    @Inject
    @Optional
    void taskChanged(@UIEventTopic(ConsoleEvents.TASKS_CHANGED) Task task) {
        if (status == null || !task.state().isFinal()) {
            return;
        }
        if (task.type() == TaskType.M365_BACKUP) {
            loadPoints();
        } else if (task.id().equals(restoring)) {
            restoring = null;
            message.setText(task.state() == TaskState.SUCCEEDED ? "Restore succeeded: " + RestoreTargets.outcome(task.result())
                    : "Restore " + task.state().name().toLowerCase(Locale.ROOT) + ": " + task.message());
            message.getParent().layout();
        }
    }

    @Inject
    @Optional
    void tenantsChanged(@UIEventTopic(M365Events.TENANTS_CHANGED) M365Tenant changed) {
        if (tenant != null) {
            tenant.reload(this::showFailure);
        }
    }

    @Focus
    void focus() {
        tree.viewer().getTree().setFocus();
    }
}
