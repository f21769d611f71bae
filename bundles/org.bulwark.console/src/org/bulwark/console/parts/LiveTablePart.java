package org.bulwark.console.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bulwark.api.ApiException;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.jobs.RefreshJob;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.UIEvents;
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
    private final IEventBroker events;
    private RecordTable<T> table;
    private RefreshJob<List<T>> refresh;
    private Object published;
    private List<T> fetched = List.of();

    LiveTablePart(ConsoleSession session, UISynchronize ui, ESelectionService selection, IEventBroker events) {
        this.session = session;
        this.ui = ui;
        this.selection = selection;
        this.events = events;
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
        table.onSelection(this::publishSelection);
        refresh = new RefreshJob<>("Refreshing " + getClass().getSimpleName(), REFRESH_MILLIS, ui,
                () -> session.call(this::fetch), this::show, this::showFailure);
        refresh.schedule();
    }

    /** Whether {@code row} is shown; all rows unless a part filters them. */
    boolean accepts(T row) {
        return true;
    }

    /** Shows why the last refresh failed; the rows shown stay as they were. */
    void showFailure(ApiException failure) {
        table.showFailure(failure);
    }

    /** Shows the last rows read again, e.g. after the filter changed. */
    void refilter() {
        show(fetched);
    }

    /** Told on the UI thread after fresh rows were shown; for parts that show more than the table. */
    void shown(List<T> rows) {
    }

    /** Shows {@code rows} as the server's latest answer (on the UI thread). */
    void show(List<T> rows) {
        fetched = rows;
        shown(rows);
        table.show(rows.stream().filter(this::accepts).toList(), summary(rows));
        publishSelection(); // the selected row may have changed on the server (a task ended)
    }

    /**
     * Hands the selected row, as last read, to handlers and lets tool bar buttons re-check
     * their enablement, when it changed.
     */
    private void publishSelection() {
        Object selected = table.selected();
        if (!Objects.equals(selected, published)) {
            published = selected;
            selection.setSelection(selected);
            events.send(UIEvents.REQUEST_ENABLEMENT_UPDATE_TOPIC, UIEvents.ALL_ELEMENT_ID);
        }
    }

    /** Fetches at once instead of at the next interval. */
    void refreshNow() {
        if (refresh != null) {
            refresh.refreshNow();
        }
    }

    /**
     * Changes something on the server in a job: once it succeeded, {@code succeeded} runs on the UI
     * thread and the part refreshes; a refusal goes to {@code failed} on the UI thread, so forms keep
     * what was typed.
     */
    void change(String title, Function<BulwarkClient, ?> call, Runnable succeeded, Consumer<ApiException> failed) {
        ConsoleJob.of(title, monitor -> {
            try {
                session.call(call);
                ui.asyncExec(() -> {
                    if (!table.table().isDisposed()) {
                        succeeded.run();
                        refreshNow();
                    }
                });
            } catch (ApiException e) {
                ui.asyncExec(() -> {
                    if (!table.table().isDisposed()) {
                        failed.accept(e);
                    }
                });
            }
        }).schedule();
    }

    /** The operator's session, for calls off the UI thread. */
    ConsoleSession session() {
        return session;
    }

    UISynchronize ui() {
        return ui;
    }

    @Focus
    void focus() {
        table.setFocus();
    }

    /** Ends the live refresh; the part keeps what it shows. */
    void stopRefresh() {
        refresh.stop();
    }

    @PreDestroy
    void dispose() {
        stopRefresh();
    }

    /** {@code count} and the noun in singular or plural, e.g. {@code 1 node}, {@code 2 nodes}. */
    static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
