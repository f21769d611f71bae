package org.bulwark.console.m365.parts;

import static org.bulwark.console.ConsoleIds.mark;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.bulwark.api.ApiException;
import org.bulwark.api.M365Tenant;
import org.bulwark.api.M365TenantRequest;
import org.bulwark.api.M365User;
import org.bulwark.api.Node;
import org.bulwark.api.Task;
import org.bulwark.api.TaskType;
import org.bulwark.api.rest.TenantResource;
import org.bulwark.console.ConsoleEvents;
import org.bulwark.console.dialogs.ErrorMessages;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.jobs.RefreshJob;
import org.bulwark.console.m365.M365Events;
import org.bulwark.console.m365.M365Ids;
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
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * Microsoft 365 tenants: a form to register one (tenant id, application id, client secret in a
 * masked field that is emptied once the server has it, the node whose cloud agent reaches the
 * tenant), the registered tenants, and the users the selected tenant's last discovery found.
 * The selected tenant is the part's selection, for "Discover users" and "Remove tenant".
 */
public final class TenantsPart {
    static final long REFRESH_MILLIS = 5000;

    /** What the part reads at each refresh. */
    private record Registry(List<M365Tenant> tenants, List<Node> nodes) {
    }

    private final ConsoleSession session;
    private final UISynchronize ui;
    private final ESelectionService selection;
    private final IEventBroker events;
    private Text tenantId;
    private Text clientId;
    private Text secret;
    private Combo node;
    private Text graphUrl;
    private Text authorityUrl;
    private Button register;
    private Label message;
    private Label status;
    private LazyTable<M365Tenant> tenants;
    private Label usersStatus;
    private LazyTable<M365User> users;
    private List<Node> nodes = List.of();
    private RefreshJob<Registry> refresh;
    private Object published;

    @Inject
    public TenantsPart(ConsoleSession session, UISynchronize ui, ESelectionService selection, IEventBroker events) {
        this.session = session;
        this.ui = ui;
        this.selection = selection;
        this.events = events;
    }

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Group form = new Group(parent, SWT.NONE);
        form.setText("Register a tenant");
        form.setLayout(new GridLayout(4, false));
        form.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        tenantId = field(form, "Tenant ID:", M365Ids.TENANT_ID, SWT.NONE);
        clientId = field(form, "Application (client) ID:", M365Ids.TENANT_CLIENT, SWT.NONE);
        secret = field(form, "Client secret:", M365Ids.TENANT_SECRET, SWT.PASSWORD);
        new Label(form, SWT.NONE).setText("Node:");
        node = mark(new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN), M365Ids.TENANT_NODE);
        node.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        graphUrl = field(form, "Graph URL (optional):", M365Ids.TENANT_GRAPH_URL, SWT.NONE);
        authorityUrl = field(form, "Token authority (optional):", M365Ids.TENANT_AUTHORITY_URL, SWT.NONE);
        register = mark(new Button(form, SWT.PUSH), M365Ids.TENANT_REGISTER);
        register.setText("Register");
        register.addListener(SWT.Selection, event -> register());
        message = mark(new Label(form, SWT.WRAP), M365Ids.TENANT_MESSAGE);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));

        status = mark(new Label(parent, SWT.NONE), M365Ids.TENANTS_STATUS);
        status.setText("Loading…");
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        tenants = new LazyTable<>(parent, M365Tenant.class, M365Tenant::id, M365Ids.TENANTS_TABLE, SWT.SINGLE)
                .column("Tenant ID", 200, M365Tenant::tenantId)
                .column("Application ID", 200, M365Tenant::clientId)
                .column("Node", 120, tenant -> nodeName(tenant.nodeId()))
                .column("Secret", 70, tenant -> tenant.hasSecret() ? "stored" : "none")
                .column("Registered", 150, tenant -> Format.time(tenant.createdAt()))
                .column("Discovered", 90, tenant -> tenant.lastDiscovery() == null ? "not yet" : "yes");
        tenants.onSelection(this::tenantSelected);

        usersStatus = mark(new Label(parent, SWT.NONE), M365Ids.USERS_STATUS);
        usersStatus.setText("Select a tenant to see its users");
        usersStatus.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        users = new LazyTable<>(parent, M365User.class, M365User::id, M365Ids.USERS_TABLE, SWT.MULTI)
                .column("Name", 200, M365User::displayName)
                .column("User principal name", 250, M365User::userPrincipalName)
                .column("Mail", 250, user -> Format.text(user.mail()));

        refresh = new RefreshJob<>("Refreshing the Microsoft 365 tenants", REFRESH_MILLIS, ui,
                () -> session.call(client -> new Registry(client.resource(TenantResource.class).list(), client.nodes().list())),
                this::show, failure -> status.setText(failure.getMessage() + " (retrying)"));
        refresh.schedule();
    }

    private static Text field(Composite form, String label, String id, int style) {
        new Label(form, SWT.NONE).setText(label);
        Text text = mark(new Text(form, SWT.BORDER | style), id);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return text;
    }

    private String nodeName(UUID id) {
        return nodes.stream().filter(n -> n.id().equals(id)).map(Node::name).findFirst().orElse(Format.text(id));
    }

    private void show(Registry registry) {
        if (status.isDisposed()) {
            return;
        }
        if (!registry.nodes().equals(nodes)) {
            nodes = registry.nodes();
            String chosen = node.getText();
            node.setItems(nodes.stream().map(Node::name).toArray(String[]::new));
            int index = node.indexOf(chosen);
            node.select(index >= 0 ? index : 0);
        }
        tenants.show(registry.tenants());
        status.setText(registry.tenants().size() + (registry.tenants().size() == 1 ? " tenant" : " tenants"));
        tenantSelected();
    }

    /** Registers the tenant of the form; the secret field is emptied once the server has it, the rest stays on a refusal. */
    private void register() {
        String name = node.getText();
        UUID nodeId = nodes.stream().filter(n -> n.name().equals(name)).map(Node::id).findFirst().orElse(null);
        M365TenantRequest request = new M365TenantRequest(tenantId.getText().strip(), clientId.getText().strip(),
                secret.getText(), nodeId, blankToNull(graphUrl.getText()), blankToNull(authorityUrl.getText()));
        register.setEnabled(false);
        message.setText("Registering " + request.tenantId() + "…");
        ConsoleJob.of("Registering tenant " + request.tenantId(), monitor -> {
            try {
                M365Tenant registered = session.call(client -> client.resource(TenantResource.class).register(request));
                ui.asyncExec(() -> registered(registered));
            } catch (ApiException e) {
                ui.asyncExec(() -> refused(e));
            }
        }).schedule();
    }

    private void registered(M365Tenant tenant) {
        if (message.isDisposed()) {
            return;
        }
        secret.setText(""); // the secret is never shown again: the server keeps it encrypted and never returns it
        tenantId.setText("");
        clientId.setText("");
        register.setEnabled(true);
        message.setText("Registered tenant " + tenant.tenantId() + ". Discover its users next.");
        events.post(M365Events.TENANTS_CHANGED, tenant);
        refresh.refreshNow();
    }

    private void refused(ApiException failure) {
        if (message.isDisposed()) {
            return;
        }
        register.setEnabled(true);
        message.setText(ErrorMessages.describe(failure));
        message.getParent().layout();
    }

    /** Publishes the selected tenant and shows its users. */
    private void tenantSelected() {
        M365Tenant tenant = tenants.selection().stream().findFirst().orElse(null);
        if (Objects.equals(tenant, published)) {
            return;
        }
        boolean otherTenant = !(published instanceof M365Tenant before) || tenant == null || !before.id().equals(tenant.id())
                || !Objects.equals(before.lastDiscovery(), tenant.lastDiscovery());
        published = tenant;
        selection.setSelection(tenant);
        events.send(UIEvents.REQUEST_ENABLEMENT_UPDATE_TOPIC, UIEvents.ALL_ELEMENT_ID);
        if (otherTenant) {
            loadUsers(tenant);
        }
    }

    private void loadUsers(M365Tenant tenant) {
        users.show(List.of());
        if (tenant == null) {
            usersStatus.setText("Select a tenant to see its users");
            return;
        }
        if (tenant.lastDiscovery() == null) {
            usersStatus.setText("No discovery of " + tenant.tenantId() + " has succeeded yet: use \"Discover users\"");
            return;
        }
        usersStatus.setText("Reading the users of " + tenant.tenantId() + "…");
        ConsoleJob.of("Reading the users of " + tenant.tenantId(), monitor -> {
            try {
                List<M365User> found = session.call(client -> client.resource(TenantResource.class).users(tenant.id()));
                ui.asyncExec(() -> {
                    if (!usersStatus.isDisposed() && published instanceof M365Tenant shown && shown.id().equals(tenant.id())) {
                        users.show(found);
                        usersStatus.setText(found.size() + (found.size() == 1 ? " user" : " users") + " of " + tenant.tenantId());
                    }
                });
            } catch (ApiException e) {
                ui.asyncExec(() -> {
                    if (!usersStatus.isDisposed()) {
                        usersStatus.setText(ErrorMessages.describe(e));
                    }
                });
            }
        }).schedule();
    }

    /** A discovery or removal that ended changes what the tenants show. */
    @Inject
    @Optional
    void taskChanged(@UIEventTopic(ConsoleEvents.TASKS_CHANGED) Task task) {
        if (task.type() == TaskType.M365_DISCOVER && task.state().isFinal() && refresh != null) {
            refresh.refreshNow();
            if (published instanceof M365Tenant tenant) {
                loadUsers(tenant); // the tenant names its discovery from the start: the users come only now
            }
        }
    }

    @Inject
    @Optional
    void tenantsChanged(@UIEventTopic(M365Events.TENANTS_CHANGED) M365Tenant tenant) {
        if (refresh != null) {
            refresh.refreshNow();
        }
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }

    @Focus
    void focus() {
        tenants.viewer().getTable().setFocus();
    }

    @PreDestroy
    void dispose() {
        refresh.stop();
    }
}
