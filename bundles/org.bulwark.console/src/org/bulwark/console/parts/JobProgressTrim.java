package org.bulwark.console.parts;

import static org.bulwark.console.ConsoleIds.mark;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.console.ConsoleIds;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.ProgressProvider;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

/**
 * The status bar's job indicator: name and progress of the running user jobs (pinging a node,
 * following a task), empty when none runs. It is the job manager's progress provider, so every
 * user job reports here; system jobs (the periodic refreshes) stay silent.
 */
public final class JobProgressTrim {
    /** What one running job reported last. */
    private record Progress(String name, int total, double worked) {
        String text() {
            return total > 0 ? name + ": " + (int) Math.round(100 * worked / total) + " %" : name;
        }
    }

    private final UISynchronize ui;
    private final Map<Job, Progress> running = new LinkedHashMap<>();
    private Label label;
    private ProgressBar bar;
    private boolean updateQueued;

    @Inject
    public JobProgressTrim(UISynchronize ui) {
        this.ui = ui;
    }

    @PostConstruct
    void create(Composite parent) {
        label = TrimLabel.create(parent, 2, ConsoleIds.JOB_PROGRESS_LABEL, 320);
        bar = mark(new ProgressBar(label.getParent(), SWT.HORIZONTAL | SWT.SMOOTH), ConsoleIds.JOB_PROGRESS_BAR);
        GridData barData = new GridData(SWT.FILL, SWT.CENTER, false, false);
        barData.widthHint = 160;
        bar.setLayoutData(barData);
        bar.setVisible(false);
        Job.getJobManager().setProgressProvider(new ProgressProvider() {
            @Override
            public IProgressMonitor createMonitor(Job job) {
                return job.isSystem() ? new NullProgressMonitor() : new Monitor(job);
            }
        });
    }

    @PreDestroy
    void dispose() {
        Job.getJobManager().setProgressProvider(null);
    }

    /** Reports one user job's progress to the trim. */
    private final class Monitor extends NullProgressMonitor {
        private final Job job;
        private String task = "";
        private int total;
        private double worked;

        Monitor(Job job) {
            this.job = job;
        }

        @Override
        public void beginTask(String name, int totalWork) {
            task = name;
            total = totalWork == IProgressMonitor.UNKNOWN ? 0 : totalWork;
            report();
        }

        @Override
        public void setTaskName(String name) {
            task = name;
            report();
        }

        @Override
        public void internalWorked(double work) {
            worked += work;
            report();
        }

        @Override
        public void done() {
            changed(job, null);
        }

        private void report() {
            changed(job, new Progress(task == null || task.isEmpty() ? job.getName() : task, total, Math.min(worked, total)));
        }
    }

    private void changed(Job job, Progress progress) {
        synchronized (running) {
            if (progress == null) {
                running.remove(job);
            } else {
                running.put(job, progress);
            }
            if (updateQueued) {
                return;
            }
            updateQueued = true;
        }
        ui.asyncExec(this::update);
    }

    private void update() {
        List<Progress> now;
        synchronized (running) {
            updateQueued = false;
            now = new ArrayList<>(running.values());
        }
        if (label.isDisposed()) {
            return;
        }
        if (now.isEmpty()) {
            label.setText("");
            bar.setVisible(false);
            return;
        }
        Progress first = now.get(0);
        label.setText(first.text() + (now.size() > 1 ? " (+" + (now.size() - 1) + " more)" : ""));
        bar.setVisible(true);
        if (first.total() > 0) {
            bar.setMaximum(first.total());
            bar.setSelection((int) first.worked());
        }
    }
}
