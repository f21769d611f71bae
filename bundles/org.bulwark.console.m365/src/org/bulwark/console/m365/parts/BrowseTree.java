package org.bulwark.console.m365.parts;

import static org.bulwark.console.ConsoleIds.mark;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bulwark.api.ApiException;
import org.bulwark.api.M365Item;
import org.bulwark.client.Sizes;
import org.bulwark.console.dialogs.ErrorMessages;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.m365.model.RestorePointContent;
import org.bulwark.console.m365.model.Section;
import org.bulwark.console.parts.Format;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/**
 * The tree of a restore point: mail → mailboxes → folders → messages (subject, sender, date),
 * files → drives → folders → files, or what a search found. Children are read from the server
 * in a job the first time their parent is expanded (a "Loading…" row shows meanwhile), so a
 * tenant of many users costs nothing until the operator opens what they need. Enter or a
 * double-click opens and closes a folder.
 */
final class BrowseTree {
    /** A row that stands in for children being read, or says why they could not be. */
    record Pending(String text) {
    }

    private final TreeViewer viewer;
    private final UISynchronize ui;
    private final Map<Object, List<?>> loaded = new HashMap<>();
    private final Set<Object> loading = new HashSet<>();
    private RestorePointContent content;

    BrowseTree(Composite parent, String id, UISynchronize ui) {
        this.ui = ui;
        viewer = new TreeViewer(parent, SWT.BORDER | SWT.MULTI | SWT.FULL_SELECTION);
        mark(viewer.getTree(), id);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        column("Name", 320, BrowseTree::name);
        column("Sender", 200, item -> item.sender() == null ? "" : item.sender());
        column("Date", 150, item -> isDated(item) ? Format.time(Instant.ofEpochMilli(item.modified())) : "");
        column("Size", 90, item -> isDated(item) ? Sizes.bytes(item.size()) : "");
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object parent) {
                List<?> children = loaded.get(parent);
                if (children != null) {
                    return children.toArray();
                }
                load(parent);
                return new Object[] {new Pending("Loading…")};
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return RestorePointContent.isContainer(element);
            }
        });
        viewer.addDoubleClickListener(event -> {
            Object element = viewer.getStructuredSelection().getFirstElement();
            if (RestorePointContent.isContainer(element)) {
                viewer.setExpandedState(element, !viewer.getExpandedState(element));
            }
        });
        viewer.setInput(List.of());
    }

    private void column(String title, int width, Function<M365Item, String> text) {
        TreeViewerColumn column = new TreeViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        boolean first = viewer.getTree().getColumnCount() == 1;
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return switch (element) {
                    case M365Item item -> text.apply(item);
                    case Section section when first -> section.label();
                    case Pending pending when first -> pending.text();
                    default -> "";
                };
            }
        });
    }

    private static String name(M365Item item) {
        return RestorePointContent.MESSAGE.equals(item.kind()) && item.name().isBlank() ? "(no subject)" : item.name();
    }

    private static boolean isDated(M365Item item) {
        return switch (item.kind()) {
            case RestorePointContent.MESSAGE, RestorePointContent.FILE -> true;
            default -> false;
        };
    }

    /** Shows {@code roots} of {@code content}, forgetting what was read before. */
    void show(RestorePointContent content, List<Section> roots) {
        this.content = content;
        loaded.clear();
        loading.clear();
        viewer.setInput(content == null ? List.of() : List.copyOf(roots));
        if (roots.size() == 1) {
            viewer.setExpandedState(roots.getFirst(), true);
        }
    }

    /** The items selected (sections and pending rows left out). */
    List<M365Item> selection() {
        return viewer.getStructuredSelection().toList().stream().filter(M365Item.class::isInstance)
                .map(M365Item.class::cast).toList();
    }

    TreeViewer viewer() {
        return viewer;
    }

    private void load(Object parent) {
        RestorePointContent reading = content;
        if (reading == null || !loading.add(parent)) {
            return;
        }
        ConsoleJob job = ConsoleJob.of("Reading " + (parent instanceof M365Item item ? item.name() : ((Section) parent).label()),
                monitor -> {
                    List<?> children;
                    try {
                        List<M365Item> read = reading.children(parent);
                        children = read.isEmpty() ? List.of(new Pending("(empty)")) : read;
                    } catch (ApiException e) {
                        children = List.of(new Pending("Cannot read: " + ErrorMessages.describe(e)));
                    }
                    List<?> shown = children;
                    ui.asyncExec(() -> {
                        if (reading == content && !viewer.getTree().isDisposed()) {
                            loading.remove(parent);
                            loaded.put(parent, shown);
                            viewer.refresh(parent);
                        }
                    });
                });
        job.setSystem(true);
        job.schedule();
    }
}
