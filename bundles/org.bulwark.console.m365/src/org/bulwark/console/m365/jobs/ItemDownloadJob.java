package org.bulwark.console.m365.jobs;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.bulwark.api.ApiException;
import org.bulwark.api.M365Item;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.m365.model.ItemDownloader;
import org.bulwark.console.restore.model.Downloader.Outcome;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;

/**
 * Downloads messages, files and folders of a Microsoft 365 restore point into a local folder,
 * with the bytes as progress in the status bar; cancelling stops at once and leaves no partial
 * file. The outcome, the failure or the cancellation is handed over (off the UI thread).
 */
public final class ItemDownloadJob extends ConsoleJob {
    private final ItemDownloader downloader;
    private final List<M365Item> items;
    private final Consumer<String> told;

    /**
     * @param told receives one line for the operator: what was written and skipped, why it failed, or that it was cancelled
     */
    public ItemDownloadJob(String name, ItemDownloader downloader, List<M365Item> items, Consumer<String> told) {
        super(name);
        this.downloader = downloader;
        this.items = List.copyOf(items);
        this.told = told;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), ItemDownloader.work(items));
        try {
            Outcome outcome = downloader.download(items, monitor);
            told.accept(getName() + ": " + outcome.summary() + (outcome.written().isEmpty() ? "" : " ("
                    + outcome.written().stream().map(path -> path.getFileName().toString()).collect(Collectors.joining(", "))
                    + ")"));
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            told.accept(getName() + ": cancelled (complete files stay, nothing half written)");
            return Status.CANCEL_STATUS;
        } catch (IOException | ApiException e) {
            told.accept(getName() + " failed: " + e.getMessage());
            return Status.OK_STATUS;
        } finally {
            monitor.done();
        }
    }
}
