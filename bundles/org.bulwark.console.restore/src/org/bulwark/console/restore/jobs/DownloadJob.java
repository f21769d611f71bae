package org.bulwark.console.restore.jobs;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.bulwark.api.ApiException;
import org.bulwark.api.MountEntry;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.restore.model.Downloader;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;

/**
 * Downloads entries of a mounted restore point into a local folder, with the bytes as progress
 * in the status bar; cancelling stops at once and leaves no partial file. The outcome or the
 * failure is handed over (off the UI thread).
 */
public final class DownloadJob extends ConsoleJob {
    private final Downloader downloader;
    private final List<MountEntry> entries;
    private final Consumer<Downloader.Outcome> done;
    private final Consumer<String> failed;

    public DownloadJob(String name, Downloader downloader, List<MountEntry> entries, Consumer<Downloader.Outcome> done,
            Consumer<String> failed) {
        super(name);
        this.downloader = downloader;
        this.entries = List.copyOf(entries);
        this.done = done;
        this.failed = failed;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), Downloader.work(entries));
        try {
            done.accept(downloader.download(entries, monitor));
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (IOException | ApiException e) {
            failed.accept(getName() + " failed: " + e.getMessage());
            return Status.OK_STATUS;
        } finally {
            monitor.done();
        }
    }
}
