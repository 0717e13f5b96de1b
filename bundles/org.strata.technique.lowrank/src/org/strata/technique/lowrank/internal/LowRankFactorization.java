package org.strata.technique.lowrank.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Component;
import org.strata.core.AnalysisTable;
import org.strata.core.Change;
import org.strata.core.GraphForm;
import org.strata.core.ParameterSpec;
import org.strata.core.Parameters;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueDescriptor;
import org.strata.core.TechniqueException;
import org.strata.core.analysis.ProjectionWeights;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.Projection;
import org.strata.onnx.structure.QkvLayout;
import org.strata.onnx.structure.Quantization;
import org.strata.onnx.structure.StructureException;
import org.strata.onnx.structure.TransformerStructure;

/**
 * {@code lowrank.svd}: replaces the weight W (d×e) of chosen projections by two factors A (d×r) and B (r×e) from
 * its truncated singular value decomposition ({@link Svd}; Eckart–Young: the best rank-r approximation in the
 * Frobenius norm), so {@code x·W} becomes {@code (x·A)·B}: r(d + e) instead of d·e weights and multiply-adds per
 * token. Compare Denton et al., "Exploiting Linear Structure Within Convolutional Networks for Efficient
 * Evaluation" (NIPS 2014) and its use on transformer projections without retraining.
 *
 * <p>Rules:
 * <ol>
 * <li>Projections: the attention's (Q, K, V or the fused QKV, and the output) and/or the FFN's (gate, up, down),
 * as {@code targets} says, of the chosen {@code blocks}; float MatMul or Gemm weights only (a QKV packed inside a
 * fused attention node is left alone and reported; a quantized projection is refused: factor before
 * quantizing).</li>
 * <li>With {@code activation-aware} (the default) the SVD is of Lᵀ·W, where L·Lᵀ = E[xᵀx] over the projection's
 * inputs on calibration text ({@link Whitening}), and A is mapped back by L⁻ᵀ: the truncation then loses the least
 * of x·W on real inputs rather than of W (SVD-LLM, Wang et al. 2024; ASVD, Yuan et al. 2023). On MiniLM's FFN at
 * half rank this is the difference between a cosine of about 0.5 and about 0.97.</li>
 * <li>The rank is the smallest keeping {@code energy} of Σσ² (the share of ‖W‖²_F, or with activation-aware of
 * E‖x·W‖², the output energy), or {@code rank-ratio} of min(d, e) when that is set. A matrix is factored only when r(d + e) &lt; d·e — otherwise it would cost more —
 * and kept as it is otherwise (so {@code energy} 1 changes nothing).</li>
 * <li>A new MatMul computes x·A before the product node, which then multiplies by B (transposed for a Gemm with
 * transB) and keeps its bias, alpha and beta; the old weight goes when nothing else reads it.</li>
 * </ol>
 * The report's table gives per matrix its shape, the rank, bytes before and after, and the energy kept.
 */
@Component(service = Technique.class)
public final class LowRankFactorization implements Technique {
    public static final String ID = "lowrank.svd";
    static final String ENERGY = "energy";
    static final String RANK_RATIO = "rank-ratio";
    static final String TARGETS = "targets";
    static final String BLOCKS = "blocks";
    static final String AWARE = "activation-aware";
    static final String TEXTS = "calibration-texts";

    private static final TechniqueDescriptor DESCRIPTOR = new TechniqueDescriptor(ID, "Low-rank factorisation (SVD)", "lowrank",
            "replaces projection weights by two thinner factors from a truncated SVD where that is cheaper", false,
            List.of(ParameterSpec.real(ENERGY, 0.99, 0, 1, "share of each weight's squared singular values (‖W‖²) to keep; "
                            + "the rank is the smallest that keeps it (above 0, at most 1)"),
                    ParameterSpec.real(RANK_RATIO, 0, 0, 1, "when above 0: the rank as this share of min(rows, columns) "
                            + "instead of the energy rule"),
                    ParameterSpec.choice(TARGETS, "all", List.of("attention", "ffn", "all"), "which projections: attention "
                            + "(Q, K, V, output), ffn (gate, up, down) or all"),
                    ParameterSpec.intList(BLOCKS, List.of(), 1, 10_000, "blocks, from 1, whose projections are factored (empty: all)"),
                    ParameterSpec.bool(AWARE, true, "truncate for the projection's inputs on calibration text (whitened "
                            + "SVD): keeps what matters for the data, far closer than a plain SVD of the weight at the same "
                            + "rank; energy is then the share of the output energy kept"),
                    ParameterSpec.integer(TEXTS, 64, 1, 100_000, "calibration texts the input statistics are measured on "
                            + "(with activation-aware)")),
            Set.of(GraphForm.PLAIN, GraphForm.FUSED), Double.NaN);

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** One factored (or kept) matrix. */
    private record Site(Block block, String role, Projection projection, ProjectionWeights weights, Svd svd,
            Whitening whitening, int rank, boolean factored) {
        long bytesBefore() {
            return weights.bytes();
        }

        long bytesAfter() {
            if (!factored) return bytesBefore();
            long elements = (long) rank * (weights.in() + weights.out());
            return weights.tensor().type().byteSize(elements);
        }
    }

    @Override
    public Change apply(Model model, Parameters params, TechniqueContext context) {
        double energy = params.getDouble(ENERGY);
        double ratio = params.getDouble(RANK_RATIO);
        if (!(energy > 0)) {
            throw new TechniqueException("energy must be above 0 (and at most 1), not " + energy
                    + ": it is the share of each weight's squared singular values to keep");
        }
        if (ratio >= 1) throw new TechniqueException("rank-ratio must be below 1, not " + ratio + ": a full rank saves nothing");
        TransformerStructure s;
        try {
            s = context.structure();
        } catch (StructureException e) {
            throw new TechniqueException(ID + " needs a transformer whose blocks it can recognise: " + e.getMessage(), e);
        }
        String targets = params.getString(TARGETS);
        Set<Integer> chosen = new TreeSet<>(params.getIntList(BLOCKS));
        for (int b : chosen) {
            if (b > s.blockCount()) {
                throw new TechniqueException("blocks: there is no block " + b + "; the model has blocks 1 to " + s.blockCount());
            }
        }
        List<Site> sites = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        var monitor = context.monitor();
        List<Block> blocks = s.blocks().stream().filter(b -> chosen.isEmpty() || chosen.contains(b.number())).toList();
        List<Map.Entry<Block, Map.Entry<String, Projection>>> todo = new ArrayList<>();
        for (Block b : blocks) {
            for (Map.Entry<String, Projection> p : projections(b, targets, skipped).entrySet()) todo.add(Map.entry(b, p));
        }
        // read every weight first: a quantized or computed one refuses the step before anything is decomposed
        List<ProjectionWeights> weights = new ArrayList<>();
        for (var t : todo) weights.add(ProjectionWeights.of(t.getValue().getValue()));
        Map<String, Whitening> whitening = params.getBoolean(AWARE)
                ? InputMoments.measure(model, todo.stream().map(t -> t.getValue().getValue()).toList(), context, params.getInt(TEXTS))
                : Map.of();
        monitor.begin("decomposing " + todo.size() + " weights", todo.size());
        for (int i = 0; i < todo.size(); i++) {
            monitor.checkCanceled();
            var t = todo.get(i);
            ProjectionWeights w = weights.get(i);
            monitor.subTask("block " + t.getKey().number() + " " + t.getValue().getKey());
            Whitening white = whitening.get(t.getValue().getValue().input().name());
            Svd svd = white == null ? Svd.of(w.matrix(), w.in(), w.out()) : Svd.of(white.apply(w.matrix(), w.out()), w.in(), w.out());
            int full = Math.min(w.in(), w.out());
            int rank = ratio > 0 ? Math.max(1, (int) Math.round(ratio * full)) : svd.rankForEnergy(energy);
            boolean cheaper = (long) rank * (w.in() + w.out()) < (long) w.in() * w.out();
            sites.add(new Site(t.getKey(), t.getValue().getKey(), t.getValue().getValue(), w, svd, white, rank, cheaper));
            monitor.worked(1);
        }
        Graph g = model.graph();
        int nodesBefore = g.nodes().size();
        int added = 0;
        for (Site site : sites) {
            if (!site.factored()) continue;
            factor(g, site);
            added++;
        }
        g.removeDeadNodes();
        g.sortTopologically();
        int removed = nodesBefore + added - g.nodes().size();

        AnalysisTable table = table(sites);
        long before = sites.stream().mapToLong(Site::bytesBefore).sum();
        long after = sites.stream().mapToLong(Site::bytesAfter).sum();
        long factored = sites.stream().filter(Site::factored).count();
        Set<Integer> touched = new TreeSet<>();
        sites.stream().filter(Site::factored).forEach(x -> touched.add(x.block().number()));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("rule", (ratio > 0 ? "rank " + ratio + " of min(rows, columns)" : "energy " + energy)
                + (whitening.isEmpty() ? "" : ", activation-aware"));
        details.put("weight bytes", before + " → " + after);
        if (!skipped.isEmpty()) details.put("not factored", String.join("; ", skipped));
        if (factored == 0) {
            details.put("modified", "false");
            return new Change("no weight factored: at " + details.get("rule") + " no factorisation of the " + sites.size()
                    + " weights would be smaller", 0, 0, List.of(), details, List.of(table));
        }
        String summary = String.format(Locale.ROOT, "factored %d of %d weights (%s); their bytes %d → %d (%.1f %%)", factored,
                sites.size(), details.get("rule"), before, after, 100.0 * after / Math.max(1, before));
        context.log(summary);
        return new Change(summary, added, removed, new ArrayList<>(touched), details, List.of(table));
    }

    /** The block's projections for {@code targets}, by role; a QKV inside a fused node is noted in {@code skipped}. */
    private static Map<String, Projection> projections(Block b, String targets, List<String> skipped) {
        Map<String, Projection> out = new LinkedHashMap<>();
        var a = b.attention();
        if (!targets.equals("ffn")) {
            if (a.qkv() != null) {
                if (a.layout() == QkvLayout.FUSED_NODE && a.qkv().node() == a.core()) {
                    skipped.add("block " + b.number() + " QKV (packed inside " + a.core().opType() + ")");
                } else {
                    out.put("qkv", a.qkv());
                }
            } else {
                out.put("q", a.q());
                out.put("k", a.k());
                out.put("v", a.v());
            }
            out.put("o", a.o());
        }
        if (!targets.equals("attention")) {
            if (b.ffn().gate() != null) out.put("gate", b.ffn().gate());
            out.put("up", b.ffn().up());
            out.put("down", b.ffn().down());
        }
        // an earlier lowrank.svd step's factors are left as they are (a rank is not lowered twice)
        out.entrySet().removeIf(e -> {
            boolean factored = e.getValue().quantization() == Quantization.LOW_RANK;
            if (factored) skipped.add("block " + b.number() + " " + e.getKey() + " (already factored)");
            return factored;
        });
        return out;
    }

    /** x·W → (x·A)·B at the product node. */
    private static void factor(Graph g, Site site) {
        Projection p = site.projection();
        ProjectionWeights w = site.weights();
        Svd.Factors f = site.svd().factors(site.rank());
        float[] left = site.whitening() == null ? f.a() : site.whitening().solve(f.a(), f.rank());
        Node product = p.node();
        var type = w.tensor().type();
        String base = p.weight().name();
        Value a = g.addInitializer(base + "_lowrank_a", TensorCodec.fromFloats(base + "_lowrank_a", type,
                new long[] {f.rows(), f.rank()}, left));
        boolean transB = product.is("Gemm") && product.attrInt("transB", 0) == 1;
        float[] b = transB ? transpose(f.b(), f.rank(), f.cols()) : f.b();
        long[] bDims = transB ? new long[] {f.cols(), f.rank()} : new long[] {f.rank(), f.cols()};
        Value bValue = g.addInitializer(base + "_lowrank_b", TensorCodec.fromFloats(base + "_lowrank_b", type, bDims, b));
        Node first = g.addNode("MatMul", List.of(product.input(0), a), g.uniqueName(base + "_lowrank_xa"));
        g.insertBefore(product, first);
        product.setInput(0, first.output(0));
        product.setInput(1, bValue);
    }

    private static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) t[c * rows + r] = m[r * cols + c];
        return t;
    }

    private static AnalysisTable table(List<Site> sites) {
        List<String> rows = new ArrayList<>();
        double[][] v = new double[sites.size()][];
        for (int i = 0; i < sites.size(); i++) {
            Site s = sites.get(i);
            rows.add("block " + s.block().number() + " " + s.role() + (s.factored() ? "" : " (kept)"));
            int full = Math.min(s.weights().in(), s.weights().out());
            int rank = s.factored() ? s.rank() : full;
            v[i] = new double[] {s.weights().in(), s.weights().out(), rank, s.bytesBefore(), s.bytesAfter(),
                    s.factored() ? s.svd().energy(s.rank()) : 1.0};
        }
        return new AnalysisTable("lowrank-factors", "Low-rank factorisation per weight", AnalysisTable.Kind.TABLE, rows,
                List.of("rows", "columns", "rank", "bytes before", "bytes after", "energy kept"), v, "",
                "Each weight W (rows × columns) becomes A (rows × rank) · B (rank × columns) where that is smaller; energy "
                        + "kept is the share of ‖W‖² the rank keeps. Weights marked kept would not get smaller at the chosen rank.");
    }
}
