package org.bulwark.console.jobs;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bulwark.api.ApiException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.e4.ui.di.UISynchronize;

/**
 * Fetches a value from the server at a fixed interval and hands it to the UI thread, until
 * {@link #stop()}: the live refresh of a part. A failure is handed over as well and the next
 * round tries again, so a server that comes back is shown again without the operator acting.
 *
 * @param <T> what is fetched, e.g. the list of nodes
 */
public final class RefreshJob<T> extends ConsoleJob {
    private final Supplier<T> fetch;
    private final Consumer<T> show;
    private final Consumer<ApiException> showFailure;
    private final UISynchronize ui;
    private final long intervalMillis;
    private volatile boolean stopped;

    public RefreshJob(String name, long intervalMillis, UISynchronize ui, Supplier<T> fetch, Consumer<T> show,
            Consumer<ApiException> showFailure) {
        super(name);
        this.intervalMillis = intervalMillis;
        this.ui = ui;
        this.fetch = fetch;
        this.show = show;
        this.showFailure = showFailure;
        setSystem(true);
    }

    /** Fetches now (again), then keeps the interval. */
    public void refreshNow() {
        if (!stopped) {
            wakeUp();
            schedule();
        }
    }

    /** Ends the refreshing; a round in flight finishes without showing anything. */
    public void stop() {
        stopped = true;
        cancel();
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            T value = fetch.get();
            ui.asyncExec(() -> {
                if (!stopped) {
                    show.accept(value);
                }
            });
        } catch (ApiException e) {
            ui.asyncExec(() -> {
                if (!stopped) {
                    showFailure.accept(e);
                }
            });
        }
        if (!stopped && !monitor.isCanceled()) {
            schedule(intervalMillis);
        }
        return Status.OK_STATUS;
    }
}
