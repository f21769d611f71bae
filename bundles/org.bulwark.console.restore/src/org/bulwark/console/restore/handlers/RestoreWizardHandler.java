package org.bulwark.console.restore.handlers;

import jakarta.inject.Named;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicReference;
import org.bulwark.api.ApiException;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.RestoreRequest;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.api.rest.RestorePointResource;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.dialogs.ErrorMessages;
import org.bulwark.console.jobs.FollowTaskJob;
import org.bulwark.console.model.ConsoleSession;
import org.bulwark.console.restore.wizards.RestoreWizard;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * Restores the selected restore point as the {@link RestoreWizard} asks: follows the RESTORE
 * task in the status bar and, for a restore to the hypervisor, then the IMPORT the server
 * queues once the RESTORE succeeded.
 */
public final class RestoreWizardHandler {
    /** How long the IMPORT may take to appear after its RESTORE succeeded. */
    static final Duration IMPORT_APPEARS = Duration.ofSeconds(30);

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) RestorePoint point) {
        return point != null;
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SELECTION) RestorePoint point, ConsoleSession session,
            IEventBroker events, EPartService parts, UISynchronize ui, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        RestoreWizard wizard = new RestoreWizard(point);
        if (new WizardDialog(shell, wizard).open() != Window.OK) {
            return;
        }
        RestoreRequest request = wizard.request();
        String title = "Restore " + point.vmName() + (request.importVm() ? " to the hypervisor" : " to " + request.folder());
        AtomicReference<Task> restore = new AtomicReference<>();
        FollowTaskJob restoring = new FollowTaskJob(title, session, client -> {
            Task queued = client.resource(RestorePointResource.class).restore(point.id(), request);
            restore.set(queued);
            return queued;
        }, events, failure -> ErrorMessages.show(ui, shell, title + " failed", failure));
        if (request.importVm()) {
            String importTitle = "Import " + (request.overwrite() ? point.vmName() : request.name());
            restoring.addJobChangeListener(new JobChangeAdapter() {
                @Override
                public void done(IJobChangeEvent event) {
                    Task queued = restore.get();
                    if (queued != null && event.getResult().isOK()) {
                        new FollowTaskJob(importTitle, session, client -> importAfter(client, queued), events,
                                failure -> ErrorMessages.show(ui, shell, importTitle + " failed", failure)).schedule();
                    }
                }
            });
        }
        restoring.schedule();
        parts.showPart(ConsoleIds.PART_TASKS, PartState.ACTIVATE);
    }

    /**
     * The IMPORT the server queued after {@code restore} succeeded.
     *
     * @throws ApiException {@code RESTORE_FAILED} when the RESTORE did not succeed (no IMPORT follows),
     *         {@code NO_IMPORT} when none appeared in time
     */
    static Task importAfter(BulwarkClient client, Task restore) {
        Task ended = client.tasks().get(restore.id());
        if (ended.state() != TaskState.SUCCEEDED) {
            throw new ApiException(409, "RESTORE_FAILED", "The restore ended " + ended.state() + ", so nothing is imported: "
                    + ended.message());
        }
        long deadline = System.nanoTime() + IMPORT_APPEARS.toNanos();
        while (System.nanoTime() < deadline) {
            java.util.Optional<Task> imported = client.tasks().list().stream()
                    .filter(task -> task.type() == TaskType.IMPORT && !task.createdAt().isBefore(restore.createdAt()))
                    .min(Comparator.comparing(Task::createdAt));
            if (imported.isPresent()) {
                return imported.get();
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new ApiException(404, "NO_IMPORT", "The restore succeeded but the server queued no import within "
                + IMPORT_APPEARS.toSeconds() + " s");
    }
}
