package org.strata.ui.parts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.strata.core.AnalysisTable;
import org.strata.core.Analyses;
import org.strata.model.Analysis;
import org.strata.model.StepResult;
import org.strata.onnx.Node;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.ui.Formats;
import org.strata.ui.ModelStore;
import org.strata.ui.OpenModel;
import org.strata.ui.RunEntry;
import org.strata.ui.RunService;
import org.strata.ui.Topics;
import org.strata.ui.charts.AnalysisChart;
import org.strata.ui.charts.JFaceFonts;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Structure part: the selected model's discovered transformer blocks as a vertical stack (width by
 * weight bytes, with heads, FFN and parameters), the nodes of the block clicked, and — when a run on this
 * model recorded them — its analyses (per-block divergence, layer similarity heatmaps, block influence bars),
 * with each block's divergence from the source model written into its box.
 */
public class StructurePart {
    @Inject
    ModelStore store;
    @Inject
    RunService runs;

    private Label heading;
    private Canvas stack;
    private Table nodes;
    private Label nodesTitle;
    private Composite analyses;
    private ScrolledComposite analysesScroll;
    private OpenModel model;
    private int selectedBlock = -1;
    /** The per-block divergence ({@code block-divergence} analysis) of the latest run on this model that has one, drawn beside the blocks. */
    private AnalysisTable divergence;
    private String divergenceSource;
    private static final String DIVERGENCE = "block-divergence";

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        heading = new Label(parent, SWT.WRAP);
        heading.setFont(JFaceFonts.heading(parent.getDisplay()));
        heading.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        stack = new Canvas(sash, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        stack.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        stack.addPaintListener(e -> paintStack(e.gc));
        stack.addListener(SWT.MouseDown, e -> {
            int b = blockAt(e.y);
            if (b >= 0) selectBlock(b);
        });
        Composite middle = new Composite(sash, SWT.NONE);
        middle.setLayout(new GridLayout(1, false));
        nodesTitle = new Label(middle, SWT.NONE);
        nodesTitle.setFont(JFaceFonts.bold(parent.getDisplay()));
        nodesTitle.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        nodesTitle.setText("Click a block to see its nodes.");
        nodes = new Table(middle, SWT.BORDER | SWT.FULL_SELECTION | SWT.VIRTUAL);
        nodes.setHeaderVisible(true);
        ModelsPart.column(nodes, "Op", 120);
        ModelsPart.column(nodes, "Weights", 80);
        ModelsPart.column(nodes, "Node", 320);
        nodes.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        analysesScroll = new ScrolledComposite(sash, SWT.V_SCROLL);
        analysesScroll.setExpandHorizontal(true);
        analysesScroll.setExpandVertical(true);
        analyses = new Composite(analysesScroll, SWT.NONE);
        analyses.setLayout(new GridLayout(1, false));
        analysesScroll.setContent(analyses);
        // wrap to the visible width; scroll only vertically
        analysesScroll.addListener(SWT.Resize, e -> fitAnalyses());
        sash.setWeights(34, 30, 36);
        show(store.selected());
    }

    @Inject
    @Optional
    void selected(@UIEventTopic(Topics.MODEL_SELECTED) OpenModel m) {
        if (stack != null && !stack.isDisposed()) show(m);
    }

    @Inject
    @Optional
    void runChanged(@UIEventTopic(Topics.RUN_CHANGED) RunEntry e) {
        if (stack != null && !stack.isDisposed() && e != null && e.state().ended()) showAnalyses();
    }

    /** Shows a model's structure (null: none). */
    public void show(OpenModel m) {
        model = m;
        selectedBlock = -1;
        nodes.removeAll();
        nodes.setItemCount(0);
        nodesTitle.setText("Click a block to see its nodes.");
        if (m == null) {
            heading.setText("Open a model in the Models part to see its structure.");
        } else if (m.structure() == null) {
            heading.setText(m.label() + ": no transformer structure recognised — " + m.structureProblem());
        } else {
            TransformerStructure s = m.structure();
            heading.setText(m.label() + ": " + s.family() + ", " + s.blockCount() + " blocks, hidden " + s.hiddenSize() + ", " + s.placement());
        }
        heading.getParent().layout(true);
        stack.redraw();
        showAnalyses();
    }

    private List<Block> blocks() {
        return model == null || model.structure() == null ? List.of() : model.structure().blocks();
    }

    private static final int TOP = 34, GAP = 6;

    /** A block's height: two lines, three when the divergence is shown in it. */
    private int row() {
        return divergence != null ? 64 : 46;
    }

    private int blockAt(int y) {
        int row = row();
        int i = (y - TOP) / (row + GAP);
        return y >= TOP && i < blocks().size() && (y - TOP) % (row + GAP) < row ? i : -1;
    }

    private void paintStack(GC gc) {
        Rectangle r = stack.getClientArea();
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        List<Block> bs = blocks();
        if (bs.isEmpty()) {
            gc.setForeground(stack.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DISABLED_FOREGROUND));
            gc.drawText("No blocks to show.", 12, 12, true);
            return;
        }
        long maxBytes = 1;
        for (long[] w : model.blockWeights()) maxBytes = Math.max(maxBytes, w[1]);
        gc.setForeground(stack.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        gc.drawText("embeddings → " + bs.size() + " blocks → " + model.structure().head().kind(), 12, 10, true);
        int lh = gc.getFontMetrics().getHeight();
        int meanRow = divergence == null ? -1 : divergence.rows().indexOf("mean cosine");
        int errRow = divergence == null ? -1 : divergence.rows().indexOf("relative error");
        double maxErr = 0;
        if (errRow >= 0) for (int c = 0; c < divergence.columns().size(); c++) maxErr = Math.max(maxErr, divergence.value(errRow, c));
        int rowH = row();
        for (int i = 0; i < bs.size(); i++) {
            Block b = bs.get(i);
            long[] w = model.blockWeights().get(i);
            int y = TOP + i * (rowH + GAP);
            int full = r.width - 24;
            int width = Math.max(120, (int) (full * (0.35 + 0.65 * w[1] / (double) maxBytes)));
            int x = 12 + (full - width) / 2;
            Color fill = new Color(stack.getDisplay(), i == selectedBlock ? new RGB(0, 114, 178) : new RGB(214, 230, 244));
            gc.setBackground(fill);
            gc.fillRoundRectangle(x, y, width, rowH, 10, 10);
            fill.dispose();
            gc.setForeground(stack.getDisplay().getSystemColor(i == selectedBlock ? SWT.COLOR_WHITE : SWT.COLOR_BLACK));
            String line1 = "Block " + b.number() + " · " + b.attention().heads() + (b.attention().kvHeads() != b.attention().heads()
                    ? " (" + b.attention().kvHeads() + " kv)" : "") + " heads × " + b.attention().headSize() + " · " + b.ffn().activation() + " "
                    + b.ffn().intermediateSize() + (b.ffn().gate() != null ? " gated" : "");
            String line2 = Formats.count(w[0]) + " parameters · " + Formats.bytes(w[1]) + " · " + b.nodes().size() + " nodes";
            int col = divergence == null ? -1 : divergence.columns().indexOf(Integer.toString(b.number()));
            boolean third = col >= 0 && meanRow >= 0 && errRow >= 0;
            int ty = y + (rowH - (third ? 3 : 2) * lh) / 2;
            gc.drawText(line1, x + 10, ty, true);
            gc.drawText(line2, x + 10, ty + lh, true);
            if (third) {
                double err = divergence.value(errRow, col);
                // a mark from green (no error) to red (the largest error of any block)
                double f = maxErr > 0 ? Math.min(1, err / maxErr) : 0;
                Color mark = new Color(stack.getDisplay(), new RGB((int) (40 + 175 * f), (int) (160 - 110 * f), 60));
                gc.setBackground(mark);
                gc.fillOval(x + 10, ty + 2 * lh + lh / 2 - 5, 10, 10);
                mark.dispose();
                gc.drawText(String.format(java.util.Locale.ROOT, "%s: cos %.4f · error %.3f", divergenceSource,
                        divergence.value(meanRow, col), err), x + 26, ty + 2 * lh, true);
            }
        }
    }

    /** Selects a block (from 0) and lists its nodes. */
    public void selectBlock(int index) {
        selectedBlock = index;
        Block b = blocks().get(index);
        nodesTitle.setText("Block " + b.number() + ": " + b.nodes().size() + " nodes");
        nodes.setRedraw(false);
        nodes.removeAll();
        for (Node n : b.nodes()) {
            long bytes = 0;
            for (Value v : n.inputs()) if (v != null && v.isInitializer()) bytes += v.initializer().byteSize();
            TableItem it = new TableItem(nodes, SWT.NONE);
            it.setText(new String[] {(n.domain() == null || n.domain().isEmpty() ? "" : n.domain() + ":") + n.opType(),
                    bytes == 0 ? "" : Formats.bytes(bytes), n.name() == null ? "" : n.name()});
        }
        nodes.setRedraw(true);
        stack.redraw();
    }

    private void showAnalyses() {
        for (Control c : analyses.getChildren()) c.dispose();
        divergence = null;
        divergenceSource = null;
        int n = 0;
        if (model != null) {
            List<RunEntry> all = new ArrayList<>(runs.finished());
            java.util.Collections.reverse(all);
            for (RunEntry e : all) {
                if (!model.isSourceOf(e.record().getSourceModel(), e.modelLabel())) continue;
                for (StepResult s : e.record().getSteps()) {
                    for (Analysis a : s.getAnalyses()) {
                        if (a.getKind() == null || a.getKind().getValue() == 0) continue;
                        try {
                            AnalysisTable t = Analyses.fromRecord(a);
                            if (t.kind() != AnalysisTable.Kind.HEATMAP && t.kind() != AnalysisTable.Kind.BARS && t.kind() != AnalysisTable.Kind.LINES) continue;
                            AnalysisChart.create(analyses, t, "step " + s.getNumber() + " (" + s.getTechniqueId() + ") of run " + e.id())
                                    .setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
                            if (divergence == null && DIVERGENCE.equals(t.id())) {
                                divergence = t;
                                divergenceSource = "step " + s.getNumber();
                            }
                            n++;
                        } catch (IllegalArgumentException ex) {
                            // a malformed analysis is listed in the Results part with its reason
                        }
                    }
                }
                if (n > 0) break;
            }
        }
        if (n == 0) {
            Label l = new Label(analyses, SWT.WRAP);
            l.setText("Analyses that runs on this model recorded appear here: the per-block divergence of each lossy step, "
                    + "and layer similarity or block influence from techniques that measure them.");
            l.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        }
        analyses.layout(true, true);
        fitAnalyses();
        stack.redraw();
    }

    private void fitAnalyses() {
        int w = analysesScroll.getClientArea().width;
        analysesScroll.setMinSize(analyses.computeSize(w > 0 ? w : SWT.DEFAULT, SWT.DEFAULT));
    }

    public int blockCount() {
        return blocks().size();
    }

    public Table nodesTable() {
        return nodes;
    }

    /** The ids of the analyses drawn now (tests read it). */
    public List<String> analysisIds() {
        List<String> ids = new ArrayList<>();
        for (Control c : analyses.getChildren()) if (c.getData("strata.analysis") instanceof String id) ids.add(id);
        return ids;
    }

    @Focus
    public void focus() {
        stack.setFocus();
    }
}
