package org.bulwark.console.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.List;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.jobs.RefreshJob;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.widgets.Composite;

/**
 * A part that shows a list the server keeps, refreshed every {@link #REFRESH_MILLIS} by a
 * {@link RefreshJob}; the selected row becomes the part's selection for handlers.
 *
 * @param <T> the record of a row
 */
abstract class LiveTablePart<T> {
    static final long REFRESH_MILLIS = 2000;

    private final ConsoleSession session;
    private final UISynchronize ui;
    private final ESelectionService selection;
    private RecordTable<T> table;
    private RefreshJob<List<T>> refresh;

    LiveTablePart(ConsoleSession session, UISynchronize ui, ESelectionService selection) {
        this.session = session;
        this.ui = ui;
        this.selection = selection;
    }

    /** The table with its columns. */
    abstract RecordTable<T> createTable(Composite parent);

    /** Reads the rows from the server (off the UI thread). */
    abstract List<T> fetch(BulwarkClient client);

    /** The status line for {@code rows}, e.g. {@code 3 nodes, 2 online}. */
    abstract String summary(List<T> rows);

    @PostConstruct
    void create(Composite parent) {
        table = createTable(parent);
        table.onSelection(selection::setSelection);
        refresh = new RefreshJob<>("Refreshing " + getClass().getSimpleName(), REFRESH_MILLIS, ui,
                () -> session.call(this::fetch), rows -> table.show(rows, summary(rows)), table::showFailure);
        refresh.schedule();
    }

    /** Fetches at once instead of at the next interval. */
    void refreshNow() {
        if (refresh != null) {
            refresh.refreshNow();
        }
    }

    @Focus
    void focus() {
        table.setFocus();
    }

    @PreDestroy
    void dispose() {
        refresh.stop();
    }

    /** {@code count} and the noun in singular or plural, e.g. {@code 1 node}, {@code 2 nodes}. */
    static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
