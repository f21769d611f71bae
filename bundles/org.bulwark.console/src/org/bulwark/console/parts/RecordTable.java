package org.bulwark.console.parts;

import static org.bulwark.console.ConsoleIds.mark;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.bulwark.api.ApiException;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;

/**
 * A status line over a lazy virtual table of records that the server sends again and again
 * ({@code SWT.VIRTUAL} with an {@link ILazyContentProvider}: only the rows on screen are ever
 * made, so ten thousand rows stay smooth). Rows are matched by id, so the operator's selection
 * survives each refresh, and a failed refresh shows in the status line while the last rows stay.
 *
 * @param <T> the record shown in each row
 */
final class RecordTable<T> {
    private final Class<T> rowType;
    private final Function<T, Object> id;
    private final Label status;
    private final TableViewer viewer;
    private List<T> shown = List.of();

    RecordTable(Composite parent, Class<T> rowType, Function<T, Object> id, String tableId, String statusId) {
        this.rowType = rowType;
        this.id = id;
        parent.setLayout(new GridLayout(1, false));
        status = mark(new Label(parent, SWT.NONE), statusId);
        status.setText("Loading…");
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.VIRTUAL);
        mark(viewer.getTable(), tableId);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.setUseHashlookup(true);
        viewer.setComparer(new IElementComparer() {
            @Override
            public boolean equals(Object a, Object b) {
                return Objects.equals(key(a), key(b));
            }

            @Override
            public int hashCode(Object element) {
                return Objects.hashCode(key(element));
            }

            private Object key(Object element) {
                return rowType.isInstance(element) ? id.apply(rowType.cast(element)) : element;
            }
        });
        viewer.setContentProvider((ILazyContentProvider) index -> {
            if (index < shown.size()) {
                viewer.replace(shown.get(index), index);
            }
        });
        viewer.setInput(shown);
    }

    /** Adds a column titled {@code title} showing {@code text} of each row. */
    TableViewerColumn column(String title, int width, Function<T, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.getColumn().setMoveable(true);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return rowType.isInstance(element) ? text.apply(rowType.cast(element)) : "";
            }
        });
        return column;
    }

    /** Runs {@code listener} when the operator selects another row. */
    void onSelection(Runnable listener) {
        viewer.addSelectionChangedListener(event -> listener.run());
    }

    /** The selected row as last shown, or {@code null}. */
    Object selected() {
        return viewer.getStructuredSelection().getFirstElement();
    }

    /** Shows fresh rows, keeping the selection, and a summary in the status line. */
    void show(List<T> rows, String summary) {
        if (viewer.getTable().isDisposed()) {
            return;
        }
        if (!rows.equals(shown)) { // an unchanged answer leaves the widget alone
            Object selected = selected();
            shown = List.copyOf(rows);
            viewer.getTable().deselectAll(); // a virtual table keeps selected indexes, not rows
            viewer.setInput(shown);
            viewer.setItemCount(shown.size());
            reselect(selected);
        }
        status.setText(summary);
    }

    /** Selects the row with the id of {@code selected} again, if it is still shown. */
    private void reselect(Object selected) {
        if (!rowType.isInstance(selected)) {
            return;
        }
        Object wanted = id.apply(rowType.cast(selected));
        for (int index = 0; index < shown.size(); index++) {
            if (Objects.equals(wanted, id.apply(shown.get(index)))) {
                viewer.replace(shown.get(index), index);
                viewer.getTable().setSelection(index);
                return;
            }
        }
    }

    /** Shows why the last refresh failed; the rows shown stay as they were. */
    void showFailure(ApiException failure) {
        if (!status.isDisposed()) {
            status.setText(failure.getMessage() + " (retrying)");
        }
    }

    Table table() {
        return viewer.getTable();
    }

    void setFocus() {
        viewer.getTable().setFocus();
    }
}
