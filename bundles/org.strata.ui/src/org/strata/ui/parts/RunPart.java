package org.strata.ui.parts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.strata.ui.Dialogs;
import org.strata.ui.Formats;
import org.strata.ui.RunEntry;
import org.strata.ui.RunService;
import org.strata.ui.Topics;
import org.strata.ui.charts.JFaceFonts;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Run part: every run of this session and earlier ones; for the selected run a progress bar, the status
 * of each step, a cancel button and the child process's log as it arrives. Nothing here blocks: the part
 * only reads {@link RunEntry} state that the run's job updates.
 */
public class RunPart {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    @Inject
    RunService runs;

    private Table list;
    private Label heading;
    private Label status;
    private ProgressBar progress;
    private Button cancel;
    private Table stepTable;
    private StyledText log;
    private RunEntry shown;
    private List<RunEntry> listed = List.of();
    private final java.util.Set<RunEntry> explained = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        list = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        list.setHeaderVisible(true);
        ModelsPart.column(list, "Run", 180);
        ModelsPart.column(list, "State", 80);
        ModelsPart.column(list, "Model", 160);
        list.addListener(SWT.Selection, e -> {
            int i = list.getSelectionIndex();
            if (i >= 0 && i < listed.size()) show(listed.get(i));
        });
        Composite right = new Composite(sash, SWT.NONE);
        right.setLayout(new GridLayout(3, false));
        heading = new Label(right, SWT.NONE);
        heading.setFont(JFaceFonts.heading(parent.getDisplay()));
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        heading.setText("No run yet: open a pipeline and press Run (Ctrl+R).");
        cancel = new Button(right, SWT.PUSH);
        cancel.setText("Cancel run");
        cancel.setToolTipText("End the run's child process now (Ctrl+Shift+X); the source model is not touched");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> {
            if (shown != null) runs.cancel(shown);
        });
        progress = new ProgressBar(right, SWT.SMOOTH);
        progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        status = new Label(right, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
        SashForm inner = new SashForm(right, SWT.VERTICAL);
        inner.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        stepTable = new Table(inner, SWT.BORDER | SWT.FULL_SELECTION);
        stepTable.setHeaderVisible(true);
        ModelsPart.column(stepTable, "#", 40);
        ModelsPart.column(stepTable, "Technique", 190);
        ModelsPart.column(stepTable, "Status", 100);
        ModelsPart.column(stepTable, "Time", 80);
        ModelsPart.column(stepTable, "Summary", 520);
        log = new StyledText(inner, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL | SWT.READ_ONLY);
        log.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
        inner.setWeights(45, 55);
        sash.setWeights(30, 70);
        refreshList();
        if (!listed.isEmpty()) show(listed.get(listed.size() - 1));
    }

    @Inject
    @Optional
    void runChanged(@UIEventTopic(Topics.RUN_CHANGED) RunEntry e) {
        if (list == null || list.isDisposed()) return;
        if (e != null && e.state() == RunEntry.State.FAILED && e.startedHere() && explained.add(e)) {
            list.getDisplay().asyncExec(() -> Dialogs.error(list.getShell(), "The run did not succeed", e.problem(),
                    "The workbench and your files are unaffected. The run's log is in the Run part and in " + e.folder().resolve("run.log") + "."));
        }
        refreshList();
        if (e != null && (shown == null || e == shown || e.state() == RunEntry.State.RUNNING || e.state() == RunEntry.State.QUEUED)) show(e);
        else if (shown != null) show(shown);
    }

    @Inject
    @Optional
    void runLog(@UIEventTopic(Topics.RUN_LOG) RunEntry e) {
        if (list == null || list.isDisposed() || e != shown) return;
        show(e);
    }

    private void refreshList() {
        listed = runs.runs();
        list.setRedraw(false);
        list.removeAll();
        for (RunEntry r : listed) {
            TableItem it = new TableItem(list, SWT.NONE);
            it.setText(new String[] {r.id(), r.state().name().toLowerCase(), r.modelLabel()});
            it.setForeground(list.getDisplay().getSystemColor(switch (r.state()) {
                case FAILED -> SWT.COLOR_DARK_RED;
                case CANCELLED -> SWT.COLOR_DARK_YELLOW;
                case RUNNING, QUEUED -> SWT.COLOR_DARK_BLUE;
                default -> SWT.COLOR_WIDGET_FOREGROUND;
            }));
        }
        int i = shown == null ? -1 : listed.indexOf(shown);
        if (i >= 0) list.setSelection(i);
        if (!listed.isEmpty()) for (org.eclipse.swt.widgets.TableColumn c : list.getColumns()) c.pack();
        list.setRedraw(true);
    }

    /** Shows a run: progress, steps, log. */
    public void show(RunEntry e) {
        shown = e;
        int i = listed.indexOf(e);
        if (i >= 0) list.setSelection(i);
        heading.setText(e.pipelineName() + " on " + e.modelLabel());
        int total = 1 + (int) java.util.stream.IntStream.range(0, e.stepIds().size()).filter(e::stepEnabled).count();
        int done = e.state() == RunEntry.State.SUCCEEDED ? total : Math.max(0, e.currentStep() + (e.currentStep() >= 0 ? 1 : 0) - 1);
        progress.setMaximum(total);
        progress.setSelection(Math.min(total, done));
        progress.setState(e.state() == RunEntry.State.FAILED ? SWT.ERROR : e.state() == RunEntry.State.CANCELLED ? SWT.PAUSED : SWT.NORMAL);
        Instant start = e.started();
        Instant end = e.ended() != null ? e.ended() : Instant.now();
        String when = start == null ? "" : " · started " + TIME.format(start) + " · " + Formats.millis(Duration.between(start, end).toMillis());
        status.setText(e.state().name().toLowerCase() + (e.state() == RunEntry.State.RUNNING
                ? e.currentStep() <= 0 ? " · measuring the source model" : " · step " + e.currentStep() : "") + when);
        status.getParent().layout(true);
        cancel.setEnabled(!e.state().ended());
        stepTable.removeAll();
        for (int s = 0; s < e.stepIds().size(); s++) {
            TableItem it = new TableItem(stepTable, SWT.NONE);
            var r = e.record() != null && s < e.record().getSteps().size() ? e.record().getSteps().get(s) : null;
            it.setText(new String[] {Integer.toString(s + 1), e.stepIds().get(s), e.stepStatus(s), r == null ? "" : Formats.millis(r.getDurationMillis()),
                    r == null ? "" : r.getSummary() == null ? "" : r.getSummary()});
        }
        List<String> lines = e.log();
        StringBuilder b = new StringBuilder();
        for (String l : lines) b.append(l).append('\n');
        if (e.problem() != null) b.append('\n').append(e.problem()).append('\n');
        if (!log.getText().equals(b.toString())) {
            log.setText(b.toString());
            log.setTopIndex(Math.max(0, log.getLineCount() - 1));
        }
    }

    public RunEntry shown() {
        return shown;
    }

    public Button cancelButton() {
        return cancel;
    }

    public ProgressBar progressBar() {
        return progress;
    }

    public Table stepTable() {
        return stepTable;
    }

    public String logText() {
        return log.getText();
    }

    @Focus
    public void focus() {
        list.setFocus();
    }
}
