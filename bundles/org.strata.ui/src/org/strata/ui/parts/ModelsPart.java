package org.strata.ui.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.strata.onnx.DataType;
import org.strata.onnx.ModelSummary;
import org.strata.ui.Dialogs;
import org.strata.ui.Formats;
import org.strata.ui.ModelStore;
import org.strata.ui.OpenModel;
import org.strata.ui.Topics;
import org.strata.ui.charts.BarChart;
import org.strata.ui.charts.JFaceFonts;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The Models part: open an ONNX file or an embedded sample; its size, format, opsets, weights and op histogram. */
public class ModelsPart {
    @Inject
    ModelStore store;
    @Inject
    Shell shell;

    Table models;
    Label title;
    Table facts;
    BarChart ops;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(3, false));
        button(buttons, "Open ONNX file…", () -> {
            FileDialog fd = new FileDialog(shell, SWT.OPEN);
            fd.setFilterExtensions(new String[] {"*.onnx", "*"});
            String f = fd.open();
            if (f != null) open(f);
        });
        button(buttons, "MiniLM (fp32)", () -> open(ModelStore.MINILM));
        button(buttons, "MiniLM (int8)", () -> open(ModelStore.MINILM_INT8));

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        models = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        models.setHeaderVisible(true);
        column(models, "Model", 200);
        column(models, "Size", 80);
        column(models, "Nodes", 60);
        models.addListener(SWT.Selection, e -> {
            int i = models.getSelectionIndex();
            if (i >= 0) store.select(store.models().get(i));
        });
        Composite detail = new Composite(sash, SWT.NONE);
        detail.setLayout(new GridLayout(1, false));
        title = new Label(detail, SWT.WRAP);
        title.setFont(JFaceFonts.heading(parent.getDisplay()));
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        title.setText("No model open: open an ONNX file or one of the samples.");
        facts = new Table(detail, SWT.BORDER | SWT.FULL_SELECTION);
        facts.setHeaderVisible(false);
        column(facts, "", 110);
        column(facts, "", 260);
        GridData fg = new GridData(SWT.FILL, SWT.FILL, true, false);
        fg.heightHint = 180;
        facts.setLayoutData(fg);
        ops = new BarChart(detail);
        ops.setHorizontal(true);
        ops.setTitle("Op histogram");
        ops.setEmptyMessage("Open a model to see its operators.");
        GridData og = new GridData(SWT.FILL, SWT.FILL, true, true);
        og.heightHint = 220;
        ops.setLayoutData(og);
        sash.setWeights(25, 75);
        refresh();
        show(store.selected());
    }

    private static void button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
    }

    static TableColumn column(Table t, String text, int width) {
        TableColumn c = new TableColumn(t, SWT.LEFT);
        c.setText(text);
        c.setWidth(width);
        return c;
    }

    /**
     * Opens a model file or sample in a background job (its progress and a Cancel button are in the status
     * line); a failure is explained in a dialog.
     */
    public org.eclipse.core.runtime.jobs.Job open(String source) {
        return store.open(source, null, message -> Dialogs.error(shell, "Could not open the model", message,
                "The file was not changed. Check that it is an ONNX model (a .onnx protobuf file with its external data next to it), "
                        + "or try `./strata inspect FILE` for the same message on the command line."));
    }

    @Inject
    @Optional
    void modelsChanged(@UIEventTopic(Topics.MODELS_CHANGED) Object any) {
        if (models != null && !models.isDisposed()) refresh();
    }

    @Inject
    @Optional
    void selected(@UIEventTopic(Topics.MODEL_SELECTED) OpenModel m) {
        if (models != null && !models.isDisposed()) show(m);
    }

    private void refresh() {
        models.removeAll();
        List<OpenModel> all = store.models();
        for (OpenModel m : all) {
            TableItem it = new TableItem(models, SWT.NONE);
            it.setText(new String[] {m.label(), Formats.bytes(m.fileBytes()), Integer.toString(m.summary().nodeCount())});
        }
        int i = store.selected() == null ? -1 : all.indexOf(store.selected());
        if (i >= 0) models.setSelection(i);
    }

    private void show(OpenModel m) {
        facts.removeAll();
        if (m == null) return;
        int i = store.models().indexOf(m);
        if (i >= 0) models.setSelection(i);
        ModelSummary s = m.summary();
        title.setText(m.label());
        row("File", m.file().toString());
        row("Size", Formats.bytes(m.fileBytes()) + (s.externalData() ? " + external data" : ""));
        row("Format", "IR " + s.irVersion() + (s.producer().isEmpty() ? "" : ", " + s.producer()));
        List<String> opsets = new ArrayList<>();
        s.opsets().forEach((k, v) -> opsets.add((k.isEmpty() ? "ai.onnx" : k) + " " + v));
        row("Opsets", String.join(", ", opsets));
        row("Parameters", Formats.count(s.parameterCount()) + " (" + Formats.bytes(s.weightBytes()) + ")");
        for (Map.Entry<DataType, ModelSummary.Weights> e : s.weights().entrySet()) {
            row("  " + e.getKey().onnxName(), e.getValue().tensors() + " tensors, " + Formats.bytes(e.getValue().bytes()));
        }
        row("Nodes", Integer.toString(s.nodeCount()));
        s.inputs().forEach(p -> row("Input", p.name() + " " + p.type()));
        s.outputs().forEach(p -> row("Output", p.name() + " " + p.type()));
        row("Structure", m.structure() != null ? m.structure().summary().lines().findFirst().orElse("") : "not recognised: " + m.structureProblem());
        List<Map.Entry<String, Integer>> hist = s.opHistogram().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(16).toList();
        ops.setData(hist.stream().map(Map.Entry::getKey).toList(), List.of("nodes"),
                BarChart.single(hist.stream().map(e -> (double) e.getValue()).toList()), "nodes");
        ops.setTitle("Op histogram (" + s.opHistogram().size() + " op types" + (s.opHistogram().size() > 16 ? ", top 16" : "") + ")");
        title.getParent().layout(true, true);
    }

    private void row(String k, String v) {
        TableItem it = new TableItem(facts, SWT.NONE);
        it.setText(new String[] {k, v});
    }

    /** The op histogram chart (tests read what it shows). */
    public BarChart opsChart() {
        return ops;
    }

    public Table modelsTable() {
        return models;
    }

    @Focus
    public void focus() {
        models.setFocus();
    }
}
