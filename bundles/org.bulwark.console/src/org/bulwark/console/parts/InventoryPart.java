package org.bulwark.console.parts;

import static org.bulwark.console.ConsoleIds.mark;

import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Function;
import org.bulwark.api.Hypervisor;
import org.bulwark.api.HypervisorRequest;
import org.bulwark.api.Node;
import org.bulwark.console.dialogs.ErrorMessages;
import org.bulwark.api.rest.HypervisorResource;
import org.bulwark.api.rest.PolicyResource;
import org.bulwark.api.rest.RestorePointResource;
import org.bulwark.api.rest.VmResource;
import org.bulwark.client.BulwarkClient;
import org.bulwark.client.Sizes;
import org.bulwark.console.ConsoleEvents;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.model.ConsoleSession;
import org.bulwark.console.model.InventoryRow;
import org.bulwark.api.Task;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The inventory: the hypervisor managers (added and removed here), and every VM with its state, size, policy and last
 * backup in a virtual table that a filter box and the chosen hypervisor narrow down; the
 * selected VM is the part's selection.
 */
public final class InventoryPart extends LiveTablePart<InventoryRow> {
    /** The URI offered for a new hypervisor manager. */
    static final String DEFAULT_URI = "qemu:///system";

    private Text filter;
    private RecordTable<Hypervisor> hypervisorTable;
    private volatile List<Hypervisor> hypervisors = List.of();
    private volatile List<Node> nodes = List.of();
    private Text hypervisorName;
    private Combo hypervisorNode;
    private Text hypervisorUri;
    private Label hypervisorMessage;

    @Inject
    public InventoryPart(ConsoleSession session, UISynchronize ui, ESelectionService selection, IEventBroker events) {
        super(session, ui, selection, events);
    }

    @Override
    RecordTable<InventoryRow> createTable(Composite parent) {
        Composite managers = createHypervisorForm(parent);
        Composite top = new Composite(parent, SWT.NONE);
        hypervisorTable = new RecordTable<>(top, Hypervisor.class, Hypervisor::id, ConsoleIds.INVENTORY_HYPERVISORS,
                ConsoleIds.INVENTORY_HYPERVISORS_STATUS);
        hypervisorTable.column("Hypervisor", 180, Hypervisor::name);
        hypervisorTable.column("URI", 220, Hypervisor::uri);
        hypervisorTable.column("Last sync", 150, hypervisor -> Format.time(hypervisor.lastSyncAt()));
        hypervisorTable.column("Sync message", 300, hypervisor -> Format.text(hypervisor.lastSyncMessage()));
        hypervisorTable.onSelection(this::refilter);
        hypervisorTable.table().addListener(SWT.KeyDown, event -> {
            if (event.keyCode == SWT.ESC) {
                hypervisorTable.table().deselectAll();
                refilter();
            }
        });
        filter = mark(new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL), ConsoleIds.INVENTORY_FILTER);
        filter.setMessage("Filter by VM, hypervisor, state or policy");
        filter.addModifyListener(event -> refilter());
        RecordTable<InventoryRow> table = new RecordTable<>(parent, InventoryRow.class, row -> row.vm().id(),
                ConsoleIds.INVENTORY_TABLE, ConsoleIds.INVENTORY_STATUS);
        managers.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        hypervisorMessage.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        GridData topData = new GridData(SWT.FILL, SWT.FILL, true, false);
        topData.heightHint = 140;
        top.setLayoutData(topData);
        table.column("Name", 180, row -> row.vm().name());
        table.column("Hypervisor", 140, InventoryRow::hypervisor);
        table.column("State", 90, row -> row.vm().present() ? Format.text(row.vm().state()) : "vanished");
        table.column("vCPUs", 60, row -> Integer.toString(row.vm().vcpus()));
        table.column("Memory", 90, row -> Sizes.bytes(row.vm().memoryBytes()));
        table.column("Policy", 140, row -> row.policy() == null ? "unprotected" : row.policy().name());
        table.column("Last backup", 150, row -> Format.time(row.lastBackup()));
        return table;
    }

    /** Name, node and libvirt URI of a new hypervisor manager, with Add and Remove; says above the tables how it went. */
    private Composite createHypervisorForm(Composite parent) {
        Composite form = new Composite(parent, SWT.NONE);
        form.setLayout(new GridLayout(8, false));
        new Label(form, SWT.NONE).setText("Hypervisor:");
        hypervisorName = mark(new Text(form, SWT.BORDER), ConsoleIds.HYPERVISOR_NAME);
        hypervisorName.setMessage("name");
        hypervisorName.setLayoutData(new GridData(100, SWT.DEFAULT));
        new Label(form, SWT.NONE).setText("through node:");
        hypervisorNode = mark(new Combo(form, SWT.READ_ONLY), ConsoleIds.HYPERVISOR_NODE);
        hypervisorNode.setLayoutData(new GridData(110, SWT.DEFAULT));
        new Label(form, SWT.NONE).setText("libvirt URI:");
        hypervisorUri = mark(new Text(form, SWT.BORDER), ConsoleIds.HYPERVISOR_URI);
        hypervisorUri.setText(DEFAULT_URI);
        hypervisorUri.setLayoutData(new GridData(150, SWT.DEFAULT));
        Button add = mark(new Button(form, SWT.PUSH), ConsoleIds.HYPERVISOR_ADD);
        add.setText("Add");
        add.setToolTipText("Add the hypervisor manager; its VMs appear after its first sync");
        add.addListener(SWT.Selection, event -> addHypervisor());
        Button remove = mark(new Button(form, SWT.PUSH), ConsoleIds.HYPERVISOR_REMOVE);
        remove.setText("Remove selected");
        remove.setToolTipText("Remove the hypervisor chosen in the table below");
        remove.addListener(SWT.Selection, event -> removeHypervisor());
        hypervisorMessage = mark(new Label(parent, SWT.WRAP), ConsoleIds.HYPERVISOR_MESSAGE);
        return form;
    }

    private void addHypervisor() {
        String name = hypervisorName.getText().strip();
        int node = hypervisorNode.getSelectionIndex();
        List<Node> known = nodes;
        if (name.isEmpty() || node < 0 || node >= known.size()) {
            sayHypervisor("Enter a name and choose the node that reaches the hypervisor.");
            return;
        }
        HypervisorRequest request = new HypervisorRequest(name, known.get(node).id(), hypervisorUri.getText().strip());
        callHypervisors("Adding hypervisor " + name, client -> client.resource(HypervisorResource.class).add(request), () -> {
            sayHypervisor("Added " + name + ": its VMs appear after its first sync.");
            hypervisorName.setText("");
        });
    }

    private void removeHypervisor() {
        if (!(hypervisorTable.selected() instanceof Hypervisor chosen)) {
            sayHypervisor("Select the hypervisor to remove.");
            return;
        }
        callHypervisors("Removing hypervisor " + chosen.name(), client -> {
            client.resource(HypervisorResource.class).remove(chosen.id());
            return null;
        }, () -> sayHypervisor("Removed " + chosen.name() + "."));
    }

    /** Calls the server in a job; the form keeps what was typed unless the call succeeded. */
    private void callHypervisors(String title, Function<BulwarkClient, Object> call, Runnable succeeded) {
        sayHypervisor(title + "…");
        change(title, call, succeeded, failure -> sayHypervisor(ErrorMessages.describe(failure)));
    }

    private void sayHypervisor(String text) {
        if (!hypervisorMessage.isDisposed()) {
            hypervisorMessage.setText(text);
            hypervisorMessage.getParent().layout(true, true);
        }
    }

    @Override
    boolean accepts(InventoryRow row) {
        return filter.isDisposed() || row.matches(filter.getText())
                && (!(hypervisorTable.selected() instanceof Hypervisor chosen) || chosen.id().equals(row.vm().hypervisorId()));
    }

    @Override
    List<InventoryRow> fetch(BulwarkClient client) {
        List<Hypervisor> found = client.resource(HypervisorResource.class).list();
        hypervisors = found;
        nodes = client.nodes().list();
        return InventoryRow.join(found, client.resource(VmResource.class).list(),
                client.resource(PolicyResource.class).list(), client.resource(RestorePointResource.class).list());
    }

    @Override
    String summary(List<InventoryRow> rows) {
        return count(rows.size(), "VM") + ", "
                + rows.stream().filter(row -> row.policy() == null).count() + " unprotected";
    }

    @Override
    void shown(List<InventoryRow> rows) {
        List<Node> known = nodes;
        List<String> names = known.stream().map(Node::name).toList();
        if (!names.equals(List.of(hypervisorNode.getItems()))) {
            String chosen = hypervisorNode.getText();
            hypervisorNode.setItems(names.toArray(String[]::new));
            hypervisorNode.select(Math.max(0, names.indexOf(chosen)));
        }
        List<Hypervisor> listed = hypervisors;
        hypervisorTable.show(listed, count(listed.size(), "hypervisor") + " (choose one to see only its VMs, Esc for all)");
    }

    @Inject
    @Optional
    void tasksChanged(@UIEventTopic(ConsoleEvents.TASKS_CHANGED) Task task) {
        refreshNow();
    }
}
