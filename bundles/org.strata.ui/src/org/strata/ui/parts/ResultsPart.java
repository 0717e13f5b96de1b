package org.strata.ui.parts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.strata.core.AnalysisTable;
import org.strata.core.Analyses;
import org.strata.core.report.MetricNames;
import org.strata.model.Analysis;
import org.strata.model.RunRecord;
import org.strata.model.StepResult;
import org.strata.ui.Dialogs;
import org.strata.ui.Formats;
import org.strata.ui.Measures;
import org.strata.ui.RunEntry;
import org.strata.ui.RunService;
import org.strata.ui.Topics;
import org.strata.ui.charts.AnalysisChart;
import org.strata.ui.charts.BarChart;
import org.strata.ui.charts.JFaceFonts;
import org.strata.ui.charts.LineChart;
import org.strata.ui.charts.ScatterChart;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Results part: all finished runs; for the selected run the per-step table (size, latency ratio per
 * sequence length, fidelity), charts (size per step, latency ratio against fidelity across runs) and every
 * analysis its steps recorded; two runs selected are compared side by side. Reads only run records, so a
 * new technique's metrics and analyses appear here without code written for them.
 */
public class ResultsPart {
    @Inject
    RunService runs;
    @Inject
    Shell shell;
    @Inject
    IEventBroker broker;

    private Table runTable;
    private List<RunEntry> listed = List.of();
    private CTabFolder tabs;
    private Table steps;
    private BarChart size;
    private BarChart latency;
    private ScatterChart scatter;
    private LineChart fidelity;
    private Table facts;
    private Text log;
    private Composite analyses;
    private ScrolledComposite analysesScroll;
    private Composite compare;
    private Label summary;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite left = new Composite(sash, SWT.NONE);
        left.setLayout(new GridLayout(2, true));
        Button report = new Button(left, SWT.PUSH);
        report.setText("Open HTML report");
        report.setToolTipText("The selected run's report.html in the system browser; everything it shows is in the tabs here as well");
        report.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        report.addListener(SWT.Selection, e -> openReport());
        Button cmp = new Button(left, SWT.PUSH);
        cmp.setText("Compare two runs");
        cmp.setToolTipText("Select two runs (Ctrl+click) to compare them side by side");
        cmp.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        cmp.addListener(SWT.Selection, e -> compareSelected());
        runTable = new Table(left, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        runTable.setHeaderVisible(true);
        runTable.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        ModelsPart.column(runTable, "Run", 170);
        ModelsPart.column(runTable, "Status", 70);
        ModelsPart.column(runTable, "Size×", 60);
        ModelsPart.column(runTable, "Latency×", 65);
        ModelsPart.column(runTable, "Cosine", 70);
        runTable.addListener(SWT.Selection, e -> selectionChanged());

        Composite right = new Composite(sash, SWT.NONE);
        right.setLayout(new GridLayout(1, false));
        summary = new Label(right, SWT.WRAP);
        summary.setFont(JFaceFonts.bold(parent.getDisplay()));
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        summary.setText("No finished run yet.");
        tabs = new CTabFolder(right, SWT.BORDER | SWT.FLAT);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        steps = new Table(tabs, SWT.FULL_SELECTION);
        steps.setHeaderVisible(true);
        tab("Steps", steps);
        Composite charts = new Composite(tabs, SWT.NONE);
        charts.setLayout(new GridLayout(2, true));
        size = new BarChart(charts);
        size.setTitle("Model size per step");
        size.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        latency = new BarChart(charts);
        latency.setTitle("Latency ratio per step");
        latency.setReferenceLine(1.0);
        latency.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scatter = new ScatterChart(charts);
        scatter.setTitle("Latency vs fidelity, all runs");
        scatter.setToolTipText("Each run's steps from the source model on: latency ratio at the longest sequence length against mean cosine");
        scatter.setEmptyMessage("Runs with measured steps appear here.");
        scatter.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        fidelity = new LineChart(charts);
        fidelity.setTitle("Fidelity per step");
        fidelity.setToolTipText("Cosine of each step's embeddings to the source model's: mean and worst text");
        fidelity.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tab("Charts", charts);
        analysesScroll = new ScrolledComposite(tabs, SWT.V_SCROLL);
        analysesScroll.setExpandHorizontal(true);
        analysesScroll.setExpandVertical(true);
        analyses = new Composite(analysesScroll, SWT.NONE);
        analyses.setLayout(new GridLayout(2, true));
        analysesScroll.setContent(analyses);
        analysesScroll.addListener(SWT.Resize, e -> fitAnalyses());
        tab("Analyses", analysesScroll);
        compare = new Composite(tabs, SWT.NONE);
        compare.setLayout(new GridLayout(2, true));
        tab("Compare", compare);
        // the run's facts and log: with the tabs above, everything the HTML report shows
        SashForm details = new SashForm(tabs, SWT.VERTICAL);
        facts = new Table(details, SWT.FULL_SELECTION);
        facts.setHeaderVisible(false);
        ModelsPart.column(facts, "", 150);
        ModelsPart.column(facts, "", 600);
        log = new Text(details, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        log.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
        details.setWeights(40, 60);
        tab("Run and log", details);
        tabs.setSelection(0);
        sash.setWeights(36, 64);
        refresh();
    }

    private void tab(String text, Control c) {
        CTabItem t = new CTabItem(tabs, SWT.NONE);
        t.setText(text);
        t.setControl(c);
    }

    @Inject
    @Optional
    void runChanged(@UIEventTopic(Topics.RUN_CHANGED) RunEntry e) {
        if (runTable == null || runTable.isDisposed()) return;
        if (e == null || e.state().ended()) {
            refresh();
            if (e != null && e.record() != null) select(e);
        }
    }

    /** Rebuilds the run list from the run service (finished runs only). */
    public void refresh() {
        List<RunEntry> selected = selection();
        listed = runs.finished();
        runTable.removeAll();
        for (RunEntry r : listed) {
            RunRecord rec = r.record();
            StepResult last = Measures.last(rec);
            List<Integer> lengths = Measures.lengths(rec);
            double lat = lengths.isEmpty() ? Double.NaN : Measures.latencyRatio(last, lengths.get(lengths.size() - 1));
            TableItem it = new TableItem(runTable, SWT.NONE);
            it.setText(new String[] {r.id(), rec.getStatus().getLiteral() + (rec.isGoalMet() ? "" : " (goal not met)"),
                    Formats.ratio(Measures.sizeRatio(rec, last)), Formats.ratio(lat), Formats.cosine(Measures.cosineMean(last))});
        }
        List<Integer> idx = new ArrayList<>();
        for (RunEntry s : selected) if (listed.contains(s)) idx.add(listed.indexOf(s));
        if (idx.isEmpty() && !listed.isEmpty()) idx.add(listed.size() - 1);
        runTable.setSelection(idx.stream().mapToInt(Integer::intValue).toArray());
        for (TableColumn c : runTable.getColumns()) {
            c.pack();
            c.setWidth(Math.max(c.getWidth() + 6, 56));
        }
        updateScatter();
        selectionChanged();
    }

    /** Selects one run and shows it. */
    public void select(RunEntry e) {
        int i = listed.indexOf(e);
        if (i < 0) return;
        runTable.setSelection(i);
        selectionChanged();
    }

    public List<RunEntry> selection() {
        if (runTable == null) return List.of();
        List<RunEntry> out = new ArrayList<>();
        for (int i : runTable.getSelectionIndices()) if (i < listed.size()) out.add(listed.get(i));
        return out;
    }

    private void selectionChanged() {
        List<RunEntry> sel = selection();
        broker.post(Topics.RUNS_SELECTED, sel);
        if (sel.isEmpty()) {
            showRun(null);
            return;
        }
        showRun(sel.get(0));
        if (sel.size() == 2) showCompare(sel.get(0), sel.get(1));
    }

    private void showRun(RunEntry e) {
        steps.setRedraw(false);
        steps.removeAll();
        for (TableColumn c : steps.getColumns()) c.dispose();
        for (Control c : analyses.getChildren()) c.dispose();
        if (e == null) {
            summary.setText(listed.isEmpty() ? "No finished run yet: run a pipeline (Ctrl+R)." : "Select a run.");
            size.setData(List.of(), List.of(), new double[0][], "");
            latency.setData(List.of(), List.of(), new double[0][], "");
            fidelity.setData(List.of(), List.of(), new double[0][], "");
            facts.removeAll();
            log.setText("");
            steps.setRedraw(true);
            return;
        }
        RunRecord rec = e.record();
        summary.setText(rec.getPipelineName() + " on " + rec.getSourceModel() + ": " + rec.getStatus().getLiteral() + ". " + goal(rec));
        fillSteps(steps, rec);
        steps.setRedraw(true);
        List<StepResult> rows = rows(rec);
        List<String> cats = rows.stream().map(r -> r.getNumber() == 0 ? "source" : r.getNumber() + " " + shortId(r.getTechniqueId())).toList();
        size.setData(cats, List.of("MiB"), BarChart.single(rows.stream()
                .map(r -> Measures.measured(r) && r.getModelBytes() > 0 ? r.getModelBytes() / (1024.0 * 1024) : Double.NaN).toList()), "MiB");
        List<Integer> lengths = Measures.lengths(rec);
        double[][] lat = new double[lengths.size()][rows.size()];
        for (int s = 0; s < lengths.size(); s++) {
            for (int r = 0; r < rows.size(); r++) lat[s][r] = Measures.measured(rows.get(r)) ? Measures.latencyRatio(rows.get(r), lengths.get(s)) : Double.NaN;
        }
        latency.setData(cats, lengths.stream().map(l -> "seq " + l).toList(), lat, "× source (lower is faster)");
        double[][] cos = new double[2][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            boolean m = Measures.measured(rows.get(r));
            cos[0][r] = m ? Measures.cosineMean(rows.get(r)) : Double.NaN;
            cos[1][r] = m ? Measures.cosineMin(rows.get(r)) : Double.NaN;
        }
        fidelity.setData(cats, List.of("mean cosine", "min cosine"), cos, "cosine");
        fillFacts(rec);
        log.setText(String.join("\n", rec.getLog()));
        int n = 0;
        for (StepResult r : rec.getSteps()) {
            for (Analysis a : r.getAnalyses()) {
                try {
                    AnalysisTable t = Analyses.fromRecord(a);
                    Composite c = AnalysisChart.create(analyses, t, "step " + r.getNumber() + " (" + r.getTechniqueId() + ")");
                    c.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
                    n++;
                } catch (IllegalArgumentException ex) {
                    new Label(analyses, SWT.WRAP).setText("Analysis " + a.getId() + " of step " + r.getNumber() + " cannot be drawn: " + ex.getMessage());
                }
            }
        }
        ((GridLayout) analyses.getLayout()).numColumns = Math.max(1, Math.min(2, n));
        if (n == 0) {
            Label l = new Label(analyses, SWT.WRAP);
            l.setText("The steps of this run recorded no analyses. Every kept lossy step gets a per-block divergence from the source model, "
                    + "and techniques that measure the model (block influence, layer similarity) record theirs; all are drawn here.");
            l.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        }
        analyses.layout(true, true);
        fitAnalyses();
    }

    private void fitAnalyses() {
        int w = analysesScroll.getClientArea().width;
        analysesScroll.setMinSize(analyses.computeSize(w > 0 ? w : SWT.DEFAULT, SWT.DEFAULT));
    }

    private static String shortId(String id) {
        return id == null ? "" : id.contains(".") ? id.substring(id.indexOf('.') + 1) : id;
    }

    private static List<StepResult> rows(RunRecord rec) {
        List<StepResult> rows = new ArrayList<>();
        if (rec.getBaseline() != null) rows.add(rec.getBaseline());
        rows.addAll(rec.getSteps());
        return rows;
    }

    /**
     * Fills a table with one row per step of {@code rec}, the source model first: what the HTML report's step
     * table shows (parameters, time, size, nodes, latency in ms and as a ratio, fidelity, kind, fingerprint).
     */
    static void fillSteps(Table t, RunRecord rec) {
        List<Integer> lengths = Measures.lengths(rec);
        List<String> cols = new ArrayList<>(List.of("#", "Technique", "Status", "Time", "Size", "Size×", "Nodes"));
        for (int l : lengths) cols.add("Lat×@" + l);
        for (int l : lengths) cols.add("p50/p90 ms@" + l);
        cols.addAll(List.of("Cos mean", "Cos min", "Other fidelity", "Kind", "Parameters", "Summary", "Fingerprint"));
        for (String c : cols) {
            boolean right = c.startsWith("Lat") || c.startsWith("Size") || c.startsWith("Cos") || c.startsWith("p50") || c.equals("Time")
                    || c.equals("Nodes");
            new TableColumn(t, right ? SWT.RIGHT : SWT.LEFT).setText(c);
        }
        for (StepResult r : rows(rec)) {
            boolean m = Measures.measured(r);
            boolean source = r.getNumber() == 0;
            String nodes = r.getNodeCount() > 0 ? Formats.count(r.getNodeCount()) : "–";
            if (!source && (r.getNodesAdded() != 0 || r.getNodesRemoved() != 0)) nodes += " (+" + r.getNodesAdded() + " −" + r.getNodesRemoved() + ")";
            List<String> cells = new ArrayList<>(List.of(Integer.toString(r.getNumber()), String.valueOf(r.getTechniqueId()),
                    source ? "source" : r.getStatus().getLiteral(), source && r.getDurationMillis() == 0 ? "–" : Formats.millis(r.getDurationMillis()),
                    m ? Formats.bytes(r.getModelBytes()) : "–", m ? Formats.ratio(Measures.sizeRatio(rec, r)) : "–", m ? nodes : "–"));
            for (int l : lengths) cells.add(m ? Formats.ratio(Measures.latencyRatio(r, l)) : "–");
            for (int l : lengths) {
                double p50 = Measures.metric(r, MetricNames.LATENCY_P50, l), p90 = Measures.metric(r, MetricNames.LATENCY_P90, l);
                cells.add(m && !Double.isNaN(p50) ? Formats.ms(p50) + " / " + Formats.ms(p90) : "–");
            }
            cells.add(m ? Formats.cosine(Measures.cosineMean(r)) : "–");
            cells.add(m ? Formats.cosine(Measures.cosineMin(r)) : "–");
            cells.add(m && !source ? Measures.otherFidelity(r) : "");
            cells.add(source ? "reference" : (r.isLossless() ? "lossless" : "lossy") + " · " + (r.isVerified() ? "verified" : "not verified"));
            cells.add(String.join(", ", r.getParameters().stream().map(p -> p.getName() + "=" + p.getValue()).toList()));
            String msg = r.getMessage() != null && !r.getMessage().isBlank() ? r.getMessage() : r.getSummary();
            cells.add(msg == null ? "" : msg.replace('\n', ' '));
            cells.add(r.getFingerprint() == null ? "" : r.getFingerprint());
            TableItem it = new TableItem(t, SWT.NONE);
            it.setText(cells.toArray(String[]::new));
            if (!m) it.setForeground(t.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        }
        for (TableColumn c : t.getColumns()) {
            c.pack();
            c.setWidth(Math.min(c.getWidth(), 420));
        }
    }

    /** "Goal met: …", "Goal NOT met: …", or "No goal set." */
    private static String goal(RunRecord rec) {
        String m = rec.getGoalMessage() == null ? "" : rec.getGoalMessage().strip();
        if (rec.isGoalMet() && m.toLowerCase(java.util.Locale.ROOT).startsWith("no goal")) return Character.toUpperCase(m.charAt(0)) + m.substring(1) + ".";
        return "Goal " + (rec.isGoalMet() ? "met" : "NOT met") + (m.isEmpty() ? "." : ": " + m);
    }

    /** The run's facts, as the head of the HTML report lists them. */
    private void fillFacts(RunRecord rec) {
        facts.removeAll();
        long kept = rec.getSteps().stream().filter(Measures::measured).count();
        String[][] rows = {{"Pipeline", rec.getPipelineName()}, {"Status", rec.getStatus().getLiteral()},
                {"Goal", goal(rec)},
                {"Source model", rec.getSourceModel()}, {"Output model", rec.getOutputModel()}, {"Pipeline file", rec.getPipelineFile()},
                {"Strata version", rec.getStrataVersion()}, {"Started", rec.getStartedAt()}, {"Duration", Formats.millis(rec.getDurationMillis())},
                {"Threads · batch", rec.getThreads() + " · " + rec.getBatch()},
                {"Steps", rec.getSteps().size() + " (" + kept + " kept, " + (rec.getSteps().size() - kept) + " not)"},
                {"Measured at", Measures.lengths(rec).stream().map(l -> l + " tokens").reduce((a, b) -> a + ", " + b).orElse("not timed")}};
        for (String[] r : rows) new TableItem(facts, SWT.NONE).setText(new String[] {r[0], r[1] == null ? "–" : r[1]});
    }

    private void updateScatter() {
        List<ScatterChart.Series> series = new ArrayList<>();
        for (RunEntry r : listed) {
            RunRecord rec = r.record();
            List<Integer> lengths = Measures.lengths(rec);
            if (lengths.isEmpty()) continue;
            int l = lengths.get(lengths.size() - 1);
            List<ScatterChart.Point> pts = new ArrayList<>();
            for (StepResult s : rows(rec)) {
                if (!Measures.measured(s)) continue;
                pts.add(new ScatterChart.Point(Measures.latencyRatio(s, l), Measures.cosineMean(s), s.getNumber() == 0 ? "" : Integer.toString(s.getNumber())));
            }
            series.add(new ScatterChart.Series(r.id().length() > 24 ? r.id().substring(r.id().length() - 24) : r.id(), pts));
        }
        if (series.size() > 8) series = series.subList(series.size() - 8, series.size());
        scatter.setData(series, "latency × source", "mean cosine");
    }

    private void showCompare(RunEntry a, RunEntry b) {
        for (Control c : compare.getChildren()) c.dispose();
        // The final models side by side, with B against A; then each run's steps.
        Table sum = new Table(compare, SWT.BORDER | SWT.FULL_SELECTION);
        sum.setHeaderVisible(true);
        GridData sg = new GridData(SWT.LEFT, SWT.TOP, false, false, 2, 1);
        sum.setLayoutData(sg);
        for (String c : List.of("Final model", "A", "B", "B vs A")) {
            new TableColumn(sum, c.equals("Final model") ? SWT.LEFT : SWT.RIGHT).setText(c);
        }
        RunRecord ra = a.record(), rb = b.record();
        StepResult la = Measures.last(ra), lb = Measures.last(rb);
        compareRow(sum, "Pipeline", ra.getPipelineName(), rb.getPipelineName(), "");
        compareRow(sum, "Steps applied", applied(ra), applied(rb), "");
        if (la != null && lb != null) {
            compareRow(sum, "Size", Formats.bytes(la.getModelBytes()), Formats.bytes(lb.getModelBytes()),
                    Formats.ratio(lb.getModelBytes() / (double) Math.max(1, la.getModelBytes())));
            compareRow(sum, "Size × source", Formats.ratio(Measures.sizeRatio(ra, la)), Formats.ratio(Measures.sizeRatio(rb, lb)), "");
            for (int l : Measures.lengths(ra)) {
                if (!Measures.lengths(rb).contains(l)) continue;
                double xa = Measures.latencyRatio(la, l), xb = Measures.latencyRatio(lb, l);
                compareRow(sum, "Latency × source @" + l, Formats.ratio(xa), Formats.ratio(xb), Formats.ratio(xb / xa));
            }
            double ca = Measures.cosineMean(la), cb = Measures.cosineMean(lb);
            compareRow(sum, "Mean cosine", Formats.cosine(ca), Formats.cosine(cb), String.format(java.util.Locale.ROOT, "%+.5f", cb - ca));
            compareRow(sum, "Worst cosine", Formats.cosine(Measures.cosineMin(la)), Formats.cosine(Measures.cosineMin(lb)), "");
        }
        compareRow(sum, "Goal", ra.isGoalMet() ? "met" : "not met", rb.isGoalMet() ? "met" : "not met", "");
        for (TableColumn c : sum.getColumns()) {
            c.pack();
            c.setWidth(c.getWidth() + 12);
        }
        for (RunEntry e : List.of(a, b)) {
            Composite col = new Composite(compare, SWT.NONE);
            GridLayout gl = new GridLayout(1, false);
            gl.marginWidth = 0;
            col.setLayout(gl);
            col.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            Label l = new Label(col, SWT.NONE);
            l.setFont(JFaceFonts.bold(compare.getDisplay()));
            l.setText((e == a ? "A: " : "B: ") + e.id());
            Table t = new Table(col, SWT.BORDER | SWT.FULL_SELECTION);
            t.setHeaderVisible(true);
            t.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            fillSteps(t, e.record());
        }
        compare.layout(true, true);
        tabs.setSelection(3);
    }

    private static String applied(RunRecord r) {
        long n = r.getSteps().stream().filter(s -> s.getStatus() == org.strata.model.StepStatus.APPLIED).count();
        return n + " of " + r.getSteps().size();
    }

    private static void compareRow(Table t, String what, String a, String b, String delta) {
        new TableItem(t, SWT.NONE).setText(new String[] {what, a, b, delta});
    }

    /** Compares the two selected runs; explains what to do otherwise. */
    public void compareSelected() {
        List<RunEntry> sel = selection();
        if (sel.size() != 2) {
            Dialogs.info(shell, "Compare runs", "Select exactly two runs in the list (Ctrl+click), then compare them. " + sel.size() + " selected now.");
            return;
        }
        showCompare(sel.get(0), sel.get(1));
    }

    /** Opens the selected run's report.html in the system browser. */
    public void openReport() {
        List<RunEntry> sel = selection();
        if (sel.isEmpty()) {
            Dialogs.info(shell, "Open report", "Select a finished run first.");
            return;
        }
        java.nio.file.Path report = sel.get(0).report();
        if (!java.nio.file.Files.isRegularFile(report)) {
            Dialogs.error(shell, "No report", report + " does not exist.", "The run may have been cancelled before it wrote its report; run it again.");
            return;
        }
        if (!Program.launch(report.toUri().toString())) {
            Dialogs.info(shell, "Open report", "No browser is set up to open it. The report is at\n" + report);
        }
    }

    public Table runTable() {
        return runTable;
    }

    public Table stepsTable() {
        return steps;
    }

    public CTabFolder tabs() {
        return tabs;
    }

    /** The run's facts (the "Run and log" tab). */
    public Table factsTable() {
        return facts;
    }

    public Text logText() {
        return log;
    }

    public LineChart fidelityChart() {
        return fidelity;
    }

    /** The chart drawn for analysis {@code id} of the selected run, or null. */
    public Control analysisChart(String id) {
        for (Control c : analyses.getChildren()) {
            if (id.equals(c.getData("strata.analysis")) && c instanceof Composite box && box.getChildren().length > 0) return box.getChildren()[0];
        }
        return null;
    }

    /** The ids of the analyses drawn now (tests read it). */
    public List<String> analysisIds() {
        List<String> ids = new ArrayList<>();
        for (Control c : analyses.getChildren()) if (c.getData("strata.analysis") instanceof String id) ids.add(id);
        return ids;
    }

    @Focus
    public void focus() {
        runTable.setFocus();
    }
}
