package org.bulwark.console.parts;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.List;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.Vm;
import org.bulwark.api.rest.VmResource;
import org.bulwark.client.BulwarkClient;
import org.bulwark.client.Sizes;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.model.ConsoleSession;
import org.bulwark.console.model.InventoryRow;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.e4.ui.workbench.modeling.ISelectionListener;
import org.eclipse.swt.widgets.Composite;

/**
 * The restore points of the VM selected in the Inventory part, newest first; the selected
 * restore point is the part's selection, for the restore wizard and the file browser (their tool bar
 * buttons come from the restore bundle's fragment).
 */
public final class RestorePointsPart extends LiveTablePart<RestorePoint> {
    /** The status line while no VM is selected in the inventory. */
    public static final String NO_VM = "Select a VM in the Inventory to see its restore points.";

    private final ESelectionService selection;
    private final ISelectionListener follow = (part, selected) -> vmSelected(selected);
    private volatile Vm vm;

    @Inject
    public RestorePointsPart(ConsoleSession session, UISynchronize ui, ESelectionService selection, IEventBroker events) {
        super(session, ui, selection, events);
        this.selection = selection;
        selection.addSelectionListener(ConsoleIds.PART_INVENTORY, follow);
        vmSelected(selection.getSelection(ConsoleIds.PART_INVENTORY)); // chosen before this part was first shown
    }

    @Override
    RecordTable<RestorePoint> createTable(Composite parent) {
        RecordTable<RestorePoint> table = new RecordTable<>(parent, RestorePoint.class, RestorePoint::id,
                ConsoleIds.RESTORE_POINTS_TABLE, ConsoleIds.RESTORE_POINTS_STATUS);
        table.column("Created", 150, point -> Format.time(point.createdAt()));
        table.column("Kind", 100, RestorePoint::kind);
        table.column("Size", 90, point -> Sizes.bytes(point.logicalBytes()));
        table.column("Written", 90, point -> Sizes.bytes(point.bytesWritten()));
        table.column("Node", 120, point -> Format.text(point.nodeName()));
        table.column("Destination", 260, point -> Format.text(point.destination()));
        table.column("Id", 200, RestorePoint::id);
        return table;
    }

    private void vmSelected(Object selected) {
        Vm chosen = selected instanceof InventoryRow row ? row.vm() : null;
        if (chosen != null && (vm == null || !vm.id().equals(chosen.id()))) {
            vm = chosen;
            refreshNow();
        }
    }

    @Override
    List<RestorePoint> fetch(BulwarkClient client) {
        Vm shown = vm;
        return shown == null ? List.of() : client.resource(VmResource.class).restorePoints(shown.id());
    }

    @Override
    String summary(List<RestorePoint> points) {
        Vm shown = vm;
        return shown == null ? NO_VM : count(points.size(), "restore point") + " of " + shown.name();
    }

    @Override
    @PreDestroy
    void dispose() {
        selection.removeSelectionListener(ConsoleIds.PART_INVENTORY, follow);
        super.dispose();
    }
}
