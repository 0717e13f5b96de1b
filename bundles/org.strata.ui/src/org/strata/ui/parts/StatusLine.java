package org.strata.ui.parts;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.core.runtime.jobs.ProgressProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The status line at the bottom of the window (a tool control in the bottom trim): the background work of the
 * workbench — opening a model, a run, installing a technique — with its current phase, a progress bar and a
 * Cancel button; the last outcome when nothing runs. It is the workbench's {@link ProgressProvider}, so every
 * non-system {@link Job} shows here without code of its own.
 */
public class StatusLine {
    private final List<Job> active = new CopyOnWriteArrayList<>();
    private final Map<Job, Monitor> monitors = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private Display display;
    private Label message;
    private ProgressBar bar;
    private Button cancel;
    private volatile String lastOutcome = "Ready.";

    private final IJobChangeListener jobs = new JobChangeAdapter() {
        @Override
        public void running(IJobChangeEvent event) {
            if (event.getJob().isSystem()) return;
            active.add(event.getJob());
            changed();
        }

        @Override
        public void done(IJobChangeEvent event) {
            Job j = event.getJob();
            if (!active.remove(j)) return;
            monitors.remove(j);
            IStatus r = event.getResult();
            int severity = r == null ? IStatus.OK : r.getSeverity();
            lastOutcome = j.getName() + (severity == IStatus.CANCEL ? ": cancelled, nothing changed."
                    : severity == IStatus.ERROR ? " failed: " + r.getMessage() : ": done.");
            changed();
        }
    };

    private final ProgressProvider provider = new ProgressProvider() {
        @Override
        public IProgressMonitor createMonitor(Job job) {
            Monitor m = new Monitor();
            monitors.put(job, m);
            return m;
        }
    };

    @PostConstruct
    public void create(Composite parent) {
        display = parent.getDisplay();
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(3, false);
        gl.marginHeight = 2;
        gl.marginWidth = 6;
        box.setLayout(gl);
        message = new Label(box, SWT.NONE);
        GridData md = new GridData(SWT.FILL, SWT.CENTER, true, false);
        md.widthHint = 520;
        message.setLayoutData(md);
        bar = new ProgressBar(box, SWT.HORIZONTAL | SWT.SMOOTH);
        GridData bd = new GridData(SWT.RIGHT, SWT.CENTER, false, false);
        bd.widthHint = 180;
        bar.setLayoutData(bd);
        cancel = new Button(box, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setToolTipText("Cancel this background task (what it was doing is left as it was)");
        cancel.addListener(SWT.Selection, e -> cancelShown());
        Job.getJobManager().setProgressProvider(provider);
        Job.getJobManager().addJobChangeListener(jobs);
        refresh();
    }

    @PreDestroy
    void dispose() {
        Job.getJobManager().removeJobChangeListener(jobs);
        Job.getJobManager().setProgressProvider(null);
    }

    /** The job shown: the latest that is still running. */
    public Job shown() {
        List<Job> a = List.copyOf(active);
        return a.isEmpty() ? null : a.get(a.size() - 1);
    }

    /** Cancels the job shown, as the Cancel button does. */
    public void cancelShown() {
        Job j = shown();
        if (j != null) j.cancel();
    }

    /** What the status line says now (tests read it). */
    public String text() {
        return message.getText();
    }

    public Button cancelButton() {
        return cancel;
    }

    private void changed() {
        if (display == null || display.isDisposed() || !refreshQueued.compareAndSet(false, true)) return;
        display.asyncExec(() -> {
            refreshQueued.set(false);
            refresh();
        });
    }

    private void refresh() {
        if (message == null || message.isDisposed()) return;
        Job j = shown();
        if (j == null) {
            message.setText(lastOutcome);
            message.setToolTipText(lastOutcome);
            bar.setVisible(false);
            cancel.setVisible(false);
            return;
        }
        Monitor m = monitors.get(j);
        String sub = m == null || m.sub == null || m.sub.isBlank() ? "" : ": " + m.sub;
        int more = active.size() - 1;
        String text = j.getName() + sub + (more > 0 ? " (+" + more + " more)" : "");
        message.setText(text);
        message.setToolTipText(text);
        bar.setVisible(true);
        int total = m == null ? 0 : m.total;
        bar.setMaximum(Math.max(1, total));
        bar.setSelection(total > 0 ? (int) Math.min(total, m.worked) : 0);
        cancel.setVisible(true);
        cancel.setEnabled(m == null || !m.isCanceled());
    }

    /** A job's progress as the job reports it; every report asks for a (coalesced) refresh of the line. */
    private final class Monitor extends NullProgressMonitor {
        volatile int total;
        volatile double worked;
        volatile String sub;

        @Override
        public void beginTask(String name, int totalWork) {
            total = totalWork == IProgressMonitor.UNKNOWN ? 0 : totalWork;
            changed();
        }

        @Override
        public void subTask(String name) {
            sub = name;
            changed();
        }

        @Override
        public void setTaskName(String name) {
            sub = name;
            changed();
        }

        @Override
        public void internalWorked(double work) {
            worked += work;
            changed();
        }

        @Override
        public void worked(int work) {
            internalWorked(work);
        }

        @Override
        public void setCanceled(boolean cancelled) {
            super.setCanceled(cancelled);
            changed();
        }
    }
}
