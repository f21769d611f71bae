package org.bulwark.console.parts;

import static org.bulwark.console.ConsoleIds.mark;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.bulwark.console.ConsoleIds;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;

/** What the operator can look at; choosing an entry brings its part to the front. */
public final class NavigatorPart {
    /** One entry: its label and the part it activates. */
    record Destination(String label, String partId) {
    }

    static final List<Destination> DESTINATIONS = List.of(
            new Destination("Dashboard", ConsoleIds.PART_DASHBOARD),
            new Destination("Inventory", ConsoleIds.PART_INVENTORY),
            new Destination("Policies", ConsoleIds.PART_POLICIES),
            new Destination("Restore points", ConsoleIds.PART_RESTORE_POINTS),
            new Destination("Destinations", ConsoleIds.PART_DESTINATIONS),
            new Destination("Nodes", ConsoleIds.PART_NODES),
            new Destination("Tasks", ConsoleIds.PART_TASKS),
            new Destination("Users", ConsoleIds.PART_USERS));

    private final EPartService parts;
    private TableViewer viewer;
    private boolean following;

    @Inject
    public NavigatorPart(EPartService parts) {
        this.parts = parts;
    }

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new FillLayout());
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION);
        mark(viewer.getTable(), ConsoleIds.NAVIGATOR_LIST);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Destination) element).label();
            }
        });
        viewer.setInput(DESTINATIONS);
        viewer.addSelectionChangedListener(event -> open(((IStructuredSelection) event.getSelection()).getFirstElement()));
        viewer.getTable().addListener(SWT.MouseUp, event -> open(viewer.getStructuredSelection().getFirstElement()));
    }

    private void open(Object destination) {
        if (destination instanceof Destination chosen && !following) {
            parts.showPart(chosen.partId(), PartState.ACTIVATE);
        }
    }

    /** Keeps the entry of the part in front selected, however that part came to the front. */
    @Inject
    @Optional
    void follow(@Named(IServiceConstants.ACTIVE_PART) MPart active) {
        if (viewer == null || viewer.getTable().isDisposed() || active == null) {
            return;
        }
        DESTINATIONS.stream().filter(destination -> destination.partId().equals(active.getElementId())).findFirst()
                .ifPresent(destination -> {
                    following = true;
                    try {
                        viewer.setSelection(new StructuredSelection(destination));
                    } finally {
                        following = false;
                    }
                });
    }

    @Focus
    void focus() {
        viewer.getTable().setFocus();
    }
}
