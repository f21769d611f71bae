package org.bulwark.console.m365.parts;

import static org.bulwark.console.ConsoleIds.mark;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bulwark.api.ApiException;
import org.bulwark.api.M365Policy;
import org.bulwark.api.M365PolicyRequest;
import org.bulwark.api.M365Tenant;
import org.bulwark.api.M365User;
import org.bulwark.api.Schedule;
import org.bulwark.api.Task;
import org.bulwark.api.TaskType;
import org.bulwark.api.rest.TenantResource;
import org.bulwark.console.ConsoleEvents;
import org.bulwark.console.dialogs.ErrorMessages;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.m365.M365Events;
import org.bulwark.console.m365.M365Ids;
import org.bulwark.console.m365.model.PolicyForm;
import org.bulwark.console.model.ConsoleSession;
import org.bulwark.console.parts.Format;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * The protection policies of a tenant: the table of them and a form that creates a new one or
 * edits the selected one (users by hand, by name pattern, group or license; destination,
 * passphrase file, schedules, retention). The server checks what is saved; its refusal shows
 * under the form and the form keeps what was typed. The selected policy is the part's selection, for "Run now".
 */
public final class TenantPoliciesPart {
    private final ConsoleSession session;
    private final UISynchronize ui;
    private final ESelectionService selection;
    private final IEventBroker events;
    private TenantCombo tenant;
    private Label status;
    private LazyTable<M365Policy> policies;
    private Group form;
    private Text name;
    private Button enabled;
    private Table users;
    private Text patterns;
    private Text groups;
    private Text licenses;
    private Text destination;
    private Text passphraseFile;
    private Text schedules;
    private Text keepLast;
    private Text keepDays;
    private Button save;
    private Label message;
    private List<M365User> known = List.of();
    /** The policy the form edits, {@code null} for a new one. */
    private M365Policy editing;

    @Inject
    public TenantPoliciesPart(ConsoleSession session, UISynchronize ui, ESelectionService selection, IEventBroker events) {
        this.session = session;
        this.ui = ui;
        this.selection = selection;
        this.events = events;
    }

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite top = new Composite(parent, SWT.NONE);
        top.setLayout(new GridLayout(3, false));
        top.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(top, SWT.NONE).setText("Tenant:");
        tenant = new TenantCombo(top, M365Ids.POLICIES_TENANT, session, ui, this::tenantChosen);
        tenant.combo().setLayoutData(new GridData(250, SWT.DEFAULT));
        status = mark(new Label(top, SWT.NONE), M365Ids.POLICIES_STATUS);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setText("Loading…");

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite list = new Composite(sash, SWT.NONE);
        list.setLayout(new GridLayout(1, false));
        policies = new LazyTable<>(list, M365Policy.class, M365Policy::id, M365Ids.POLICIES_TABLE, SWT.SINGLE)
                .column("Name", 160, M365Policy::name)
                .column("Enabled", 70, policy -> policy.enabled() ? "yes" : "no")
                .column("Users", 60, policy -> Integer.toString(policy.selectedUserIds().size()))
                .column("Destination", 200, M365Policy::destination)
                .column("Schedules", 180, policy -> policy.schedules().stream().map(Schedule::expression)
                        .collect(Collectors.joining("; ")))
                .column("Next run", 150, policy -> Format.time(policy.schedules().stream().map(Schedule::nextRun)
                        .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null)))
                .column("Retention", 140, policy -> policy.retention() == null ? ""
                        : "last " + policy.retention().keepLast() + ", " + policy.retention().keepDays() + " days");
        policies.onSelection(this::policySelected);
        createForm(sash);
        sash.setWeights(35, 65);
        edit(null);
        tenant.reload(this::showFailure);
    }

    private void createForm(Composite parent) {
        form = new Group(parent, SWT.NONE);
        form.setLayout(new GridLayout(4, false));
        name = field("Name:", M365Ids.POLICY_NAME, SWT.NONE);
        new Label(form, SWT.NONE).setText("Enabled:");
        enabled = mark(new Button(form, SWT.CHECK), M365Ids.POLICY_ENABLED);
        Label usersLabel = new Label(form, SWT.NONE);
        usersLabel.setText("Users chosen by hand:");
        usersLabel.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        users = mark(new Table(form, SWT.BORDER | SWT.CHECK | SWT.FULL_SELECTION | SWT.V_SCROLL), M365Ids.POLICY_USERS);
        users.setHeaderVisible(true);
        GridData usersData = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
        usersData.heightHint = 80;
        users.setLayoutData(usersData);
        new TableColumn(users, SWT.LEFT).setText("User");
        users.getColumn(0).setWidth(220);
        new TableColumn(users, SWT.LEFT).setText("User principal name");
        users.getColumn(1).setWidth(260);
        patterns = field("Name patterns (comma-separated, * and ?):", M365Ids.POLICY_PATTERNS, SWT.NONE);
        ((GridData) patterns.getLayoutData()).horizontalSpan = 3;
        groups = field("Groups (id or name; members are covered):", M365Ids.POLICY_GROUPS, SWT.NONE);
        licenses = field("Licenses (SKU id or part number):", M365Ids.POLICY_LICENSES, SWT.NONE);
        destination = field("Destination (folder on the node):", M365Ids.POLICY_DESTINATION, SWT.NONE);
        passphraseFile = field("Passphrase file (on the node):", M365Ids.POLICY_PASSPHRASE_FILE, SWT.NONE);
        Label schedulesLabel = new Label(form, SWT.NONE);
        schedulesLabel.setText("Schedules (one per line, UTC):");
        schedulesLabel.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        schedules = mark(new Text(form, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL), M365Ids.POLICY_SCHEDULES);
        GridData schedulesData = new GridData(SWT.FILL, SWT.FILL, true, false, 3, 1);
        schedulesData.heightHint = 40;
        schedules.setLayoutData(schedulesData);
        schedules.setToolTipText("daily HH:MM, weekly MON[,TUE…] HH:MM, monthly D HH:MM or a five-field cron expression");
        keepLast = field("Keep the last (restore points):", M365Ids.POLICY_KEEP_LAST, SWT.NONE);
        keepDays = field("Keep for (days):", M365Ids.POLICY_KEEP_DAYS, SWT.NONE);
        Composite buttons = new Composite(form, SWT.NONE);
        buttons.setLayout(new GridLayout(2, true));
        Button create = mark(new Button(buttons, SWT.PUSH), M365Ids.POLICY_NEW);
        create.setText("New policy");
        create.addListener(SWT.Selection, event -> {
            policies.viewer().getTable().deselectAll();
            policySelected();
            edit(null);
        });
        save = mark(new Button(buttons, SWT.PUSH), M365Ids.POLICY_SAVE);
        save.setText("Save");
        save.addListener(SWT.Selection, event -> save());
        message = mark(new Label(form, SWT.WRAP), M365Ids.POLICY_MESSAGE);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
    }

    private Text field(String label, String id, int style) {
        new Label(form, SWT.NONE).setText(label);
        Text text = mark(new Text(form, SWT.BORDER | style), id);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return text;
    }

    /** Shows {@code policy} (or an empty form for a new one) in the form. */
    private void edit(M365Policy policy) {
        editing = policy;
        PolicyForm shown = policy == null ? PolicyForm.empty() : PolicyForm.of(policy);
        form.setText(policy == null ? "New policy" : "Policy " + policy.name());
        name.setText(shown.name());
        enabled.setSelection(shown.enabled());
        patterns.setText(shown.patterns());
        groups.setText(shown.groups());
        licenses.setText(shown.licenses());
        destination.setText(shown.destination());
        passphraseFile.setText(shown.passphraseFile());
        schedules.setText(shown.schedules());
        keepLast.setText(shown.keepLast());
        keepDays.setText(shown.keepDays());
        showUsers(Set.copyOf(shown.userIds()));
        message.setText("");
    }

    /** Lists the tenant's users with those in {@code checked} ticked; users chosen but no longer discovered stay ticked. */
    private void showUsers(Set<String> checked) {
        users.removeAll();
        Set<String> missing = new HashSet<>(checked);
        for (M365User user : known) {
            TableItem item = new TableItem(users, SWT.NONE);
            item.setText(new String[] {user.displayName(), user.userPrincipalName()});
            item.setData(user.id());
            item.setChecked(missing.remove(user.id()));
        }
        for (String id : missing) {
            TableItem item = new TableItem(users, SWT.NONE);
            item.setText(new String[] {id, "(not found by the last discovery)"});
            item.setData(id);
            item.setChecked(true);
        }
    }

    private PolicyForm typed() {
        List<String> chosen = java.util.Arrays.stream(users.getItems()).filter(TableItem::getChecked)
                .map(item -> (String) item.getData()).toList();
        return new PolicyForm(name.getText(), enabled.getSelection(), chosen, patterns.getText(), groups.getText(),
                licenses.getText(), destination.getText(), passphraseFile.getText(), schedules.getText(), keepLast.getText(),
                keepDays.getText());
    }

    /** Creates or updates the policy of the form; a refusal shows under it and the form stays as typed. */
    private void save() {
        M365Tenant owner = tenant.current();
        if (owner == null) {
            message.setText("Register a tenant first.");
            return;
        }
        M365PolicyRequest request;
        try {
            request = typed().toRequest();
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            return;
        }
        M365Policy edited = editing;
        Function<TenantResource, M365Policy> call = edited == null ? tenants -> tenants.createPolicy(owner.id(), request)
                : tenants -> tenants.updatePolicy(owner.id(), edited.id(), request);
        save.setEnabled(false);
        message.setText("Saving…");
        ConsoleJob.of("Saving policy " + request.name(), monitor -> {
            try {
                M365Policy saved = session.call(client -> call.apply(client.resource(TenantResource.class)));
                ui.asyncExec(() -> saved(saved));
            } catch (ApiException e) {
                ui.asyncExec(() -> {
                    if (!message.isDisposed()) {
                        save.setEnabled(true);
                        message.setText(ErrorMessages.describe(e));
                        form.layout();
                    }
                });
            }
        }).schedule();
    }

    private void saved(M365Policy policy) {
        if (message.isDisposed()) {
            return;
        }
        save.setEnabled(true);
        editing = policy;
        form.setText("Policy " + policy.name());
        message.setText("Saved. It covers " + policy.selectedUserIds().size()
                + (policy.selectedUserIds().size() == 1 ? " user" : " users") + " now.");
        load(policy);
    }

    private void tenantChosen(M365Tenant chosen) {
        known = List.of();
        edit(null);
        load(null);
    }

    /** Reads the chosen tenant's policies and users; {@code select} is selected once shown. */
    private void load(M365Policy select) {
        M365Tenant owner = tenant.current();
        if (owner == null) {
            policies.show(List.of());
            status.setText("No tenant registered yet");
            return;
        }
        ConsoleJob.of("Reading the policies of " + owner.tenantId(), monitor -> {
            try {
                List<M365Policy> read = session.call(client -> client.resource(TenantResource.class).policies(owner.id()));
                List<M365User> discovered = discovered(owner);
                ui.asyncExec(() -> show(owner, read, discovered, select));
            } catch (ApiException e) {
                ui.asyncExec(() -> showFailure(e));
            }
        }).schedule();
    }

    /** The users of the tenant's last discovery; none while no discovery has succeeded (409). */
    private List<M365User> discovered(M365Tenant owner) {
        try {
            return session.call(client -> client.resource(TenantResource.class).users(owner.id()));
        } catch (ApiException e) {
            if (e.status() == 409) {
                return List.of();
            }
            throw e;
        }
    }

    private void show(M365Tenant owner, List<M365Policy> read, List<M365User> discovered, M365Policy select) {
        if (status.isDisposed() || tenant.current() == null || !tenant.current().id().equals(owner.id())) {
            return;
        }
        boolean usersChanged = !discovered.equals(known);
        known = discovered;
        policies.show(read);
        if (select != null) {
            read.stream().filter(p -> p.id().equals(select.id())).findFirst().ifPresent(p -> {
                int index = read.indexOf(p);
                policies.viewer().replace(p, index);
                policies.viewer().getTable().setSelection(index);
                editing = p;
                policySelected();
            });
        }
        if (usersChanged) {
            showUsers(Set.copyOf(typed().userIds()));
        }
        status.setText(read.size() + (read.size() == 1 ? " policy" : " policies") + ", " + known.size()
                + (known.size() == 1 ? " user" : " users") + " discovered"
                + (known.isEmpty() ? " (discover them in M365 tenants)" : ""));
    }

    private void showFailure(ApiException failure) {
        if (!status.isDisposed()) {
            status.setText(ErrorMessages.describe(failure));
        }
    }

    /** Publishes the selected policy; a policy chosen in the table opens in the form. */
    private void policySelected() {
        M365Policy policy = policies.selection().stream().findFirst().orElse(null);
        selection.setSelection(policy);
        events.send(UIEvents.REQUEST_ENABLEMENT_UPDATE_TOPIC, UIEvents.ALL_ELEMENT_ID);
        if (policy != null && (editing == null || !policy.id().equals(editing.id()))) {
            edit(policy);
        }
    }

    /** A run that ended moves the next run on; a discovery brings users. */
    @Inject
    @Optional
    void taskChanged(@UIEventTopic(ConsoleEvents.TASKS_CHANGED) Task task) {
        if (status != null && task.state().isFinal()
                && (task.type() == TaskType.M365_BACKUP || task.type() == TaskType.M365_DISCOVER)) {
            tenant.reload(this::showFailure);
            load(editing);
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
        policies.viewer().getTable().setFocus();
    }
}
