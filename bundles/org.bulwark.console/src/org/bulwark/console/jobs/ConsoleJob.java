package org.bulwark.console.jobs;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ICoreRunnable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/** A job of the console that talks to the server; all of them belong to {@link #FAMILY}. */
public abstract class ConsoleJob extends Job {
    /** Family of every console job, for {@code IJobManager.find} and waiting in tests. */
    public static final Object FAMILY = ConsoleJob.class;

    protected ConsoleJob(String name) {
        super(name);
    }

    /** A user job (shown in the status bar) that runs {@code body} once. */
    public static ConsoleJob of(String name, ICoreRunnable body) {
        return new ConsoleJob(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    body.run(monitor);
                    return Status.OK_STATUS;
                } catch (CoreException e) {
                    return e.getStatus();
                }
            }
        };
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }
}
