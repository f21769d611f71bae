package org.bulwark.console.parts;

import static org.bulwark.console.ConsoleIds.mark;

import jakarta.inject.Inject;
import java.util.List;
import org.bulwark.api.Hypervisor;
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
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

/**
 * The inventory: the hypervisor managers, and every VM with its state, size, policy and last
 * backup in a virtual table that a filter box and the chosen hypervisor narrow down; the
 * selected VM is the part's selection.
 */
public final class InventoryPart extends LiveTablePart<InventoryRow> {
    private Text filter;
    private RecordTable<Hypervisor> hypervisorTable;
    private volatile List<Hypervisor> hypervisors = List.of();

    @Inject
    public InventoryPart(ConsoleSession session, UISynchronize ui, ESelectionService selection, IEventBroker events) {
        super(session, ui, selection, events);
    }

    @Override
    RecordTable<InventoryRow> createTable(Composite parent) {
        filter = mark(new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL), ConsoleIds.INVENTORY_FILTER);
        filter.setMessage("Filter by VM, hypervisor, state or policy");
        filter.addModifyListener(event -> refilter());
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
        RecordTable<InventoryRow> table = new RecordTable<>(parent, InventoryRow.class, row -> row.vm().id(),
                ConsoleIds.INVENTORY_TABLE, ConsoleIds.INVENTORY_STATUS);
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

    @Override
    boolean accepts(InventoryRow row) {
        return filter.isDisposed() || row.matches(filter.getText())
                && (!(hypervisorTable.selected() instanceof Hypervisor chosen) || chosen.id().equals(row.vm().hypervisorId()));
    }

    @Override
    List<InventoryRow> fetch(BulwarkClient client) {
        List<Hypervisor> found = client.resource(HypervisorResource.class).list();
        hypervisors = found;
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
        List<Hypervisor> listed = hypervisors;
        hypervisorTable.show(listed, count(listed.size(), "hypervisor") + " (choose one to see only its VMs, Esc for all)");
    }

    @Inject
    @Optional
    void tasksChanged(@UIEventTopic(ConsoleEvents.TASKS_CHANGED) Task task) {
        refreshNow();
    }
}
