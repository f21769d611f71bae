package org.bulwark.console.m365.parts;

import static org.bulwark.console.ConsoleIds.mark;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;

/**
 * A virtual table of records ({@code SWT.VIRTUAL} with an {@link ILazyContentProvider}: only rows
 * on screen are made); a refresh keeps the selected rows selected, matched by their key, however
 * their other values changed.
 *
 * @param <T> the record of a row
 */
final class LazyTable<T> {
    private final Class<T> rowType;
    private final Function<T, Object> key;
    private final TableViewer viewer;
    private List<T> rows = List.of();

    LazyTable(Composite parent, Class<T> rowType, Function<T, Object> key, String id, int style) {
        this.rowType = rowType;
        this.key = key;
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.VIRTUAL | style);
        mark(viewer.getTable(), id);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.setUseHashlookup(true);
        viewer.setContentProvider((ILazyContentProvider) index -> {
            if (index < rows.size()) {
                viewer.replace(rows.get(index), index);
            }
        });
        viewer.setInput(rows);
    }

    /** Adds a column titled {@code title} showing {@code text} of each row. */
    LazyTable<T> column(String title, int width, Function<T, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return rowType.isInstance(element) ? text.apply(rowType.cast(element)) : "";
            }
        });
        return this;
    }

    /** Shows {@code fresh}; the selected row stays selected when it is among them. */
    void show(List<T> fresh) {
        if (viewer.getTable().isDisposed() || fresh.equals(rows)) {
            return;
        }
        List<Object> selected = selection().stream().map(key).toList();
        rows = List.copyOf(fresh);
        viewer.getTable().deselectAll(); // a virtual table keeps selected indexes, not rows
        viewer.setInput(rows);
        viewer.setItemCount(rows.size());
        int[] indexes = IntStream.range(0, rows.size()).filter(index -> selected.contains(key.apply(rows.get(index))))
                .toArray();
        for (int index : indexes) {
            viewer.replace(rows.get(index), index);
        }
        viewer.getTable().select(indexes);
    }

    /** The rows shown. */
    List<T> rows() {
        return rows;
    }

    /** The selected rows. */
    List<T> selection() {
        return viewer.getStructuredSelection().toList().stream().filter(rowType::isInstance).map(rowType::cast).toList();
    }

    /** Runs {@code listener} when the operator selects other rows. */
    void onSelection(Runnable listener) {
        viewer.addSelectionChangedListener(event -> listener.run());
    }

    TableViewer viewer() {
        return viewer;
    }
}
