package org.strata.technique.quantize.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Component;
import org.strata.core.AnalysisTable;
import org.strata.core.Change;
import org.strata.core.GraphForm;
import org.strata.core.ParameterSpec;
import org.strata.core.Parameters;
import org.strata.core.TargetRuntime;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueDescriptor;
import org.strata.core.TechniqueException;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Value;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.technique.quantize.internal.QuantizationPlan.ProductSite;
import org.strata.technique.quantize.internal.QuantizationPlan.TableSite;

/**
 * {@code quantize.int4-weights}: weight-only 4-bit blockwise quantization for ONNX Runtime. Each MatMul/Gemm
 * weight becomes a com.microsoft MatMulNBits ({@link NBitsWriter}): 4-bit codes in blocks of {@code block-size}
 * inputs, a float scale per block and output, and either an implied zero point (symmetric) or a stored one per
 * block. Activations stay float; the kernel dequantizes (or, with {@code accuracy-level} 4, quantizes the
 * activation to int8 on the fly).
 *
 * <p>Rules, in order:
 * <ol>
 * <li>Only for target onnxruntime (MatMulNBits and GatherBlockQuantized are com.microsoft ops); a plain-ONNX
 * pipeline is refused.</li>
 * <li>Candidates as for the other quantizers: MatMul and Gemm with a constant 2-D float32 weight, minus the
 * exclusions (op types, blocks from 1, node names, products outside the blocks); products already quantized are
 * left as they are and counted; a fused com.microsoft Attention stays float.</li>
 * <li>{@code method=rtn}: round to nearest per block (MLAS arithmetic, {@link Int4Blocks}).
 * {@code method=awq}: for the products reading one activation, a per-input-channel scale is searched on
 * calibration activations ({@link AwqSearch}, AWQ's auto-scale), the weight rows multiplied by it before
 * rounding, and the activation divided by it — folded into the norm or Mul that computes it when exact
 * ({@link ScaleFolding}: a norm, a Mul by a constant, the value projection for the attention output, the up projection
 * of a gated FFN), else by an inserted Div.</li>
 * <li>{@code embeddings}: the embedding tables the structure names stay float ({@code none}), become int8 with a
 * scale per row dequantized after the Gather ({@code int8}, standard ops), or 4-bit blocks read by
 * GatherBlockQuantized ({@code int4}; a table whose width is not a whole number of blocks falls back to int8).</li>
 * </ol>
 * Lossy; deterministic for the same model, parameters and calibration texts.
 */
@Component(service = Technique.class)
public final class Int4WeightQuantization implements Technique {
    public static final String ID = "quantize.int4-weights";
    static final String METHOD = "method";
    static final String BLOCK_SIZE = "block-size";
    static final String SYMMETRIC = "symmetric";
    static final String ACCURACY_LEVEL = "accuracy-level";
    static final String EMBEDDINGS = "embeddings";
    static final String CALIBRATION_TEXTS = "calibration-texts";
    static final String AWQ_TOKENS = "awq-tokens";
    static final String AWQ_GRID = "awq-grid";
    static final String OTHER_PRODUCTS = "quantize-other-products";
    static final String EXCLUDE_OP_TYPES = "exclude-op-types";
    static final String EXCLUDE_BLOCKS = "exclude-blocks";
    static final String EXCLUDE_NODES = "exclude-nodes";

    private static final TechniqueDescriptor DESCRIPTOR = new TechniqueDescriptor(ID, "4-bit blockwise weights (MatMulNBits)", "quantize",
            "4-bit weights in blocks with a scale each (com.microsoft MatMulNBits), round-to-nearest or activation-aware (AWQ); "
                    + "int8 or 4-bit embedding tables",
            false,
            List.of(ParameterSpec.choice(METHOD, "awq", List.of("rtn", "awq"), "rtn: round each block to nearest; awq: scale the "
                            + "input channels by mean|activation|^α first, α searched per activation to minimise the products' "
                            + "output error on calibration texts"),
                    ParameterSpec.integer(BLOCK_SIZE, 32, 16, 256, "inputs per quantization block, a power of two: smaller "
                            + "blocks are more accurate and store more scales"),
                    ParameterSpec.bool(SYMMETRIC, false, "symmetric blocks with the zero point 8 implied; off (default, more accurate): a 4-bit zero "
                            + "point stored per block (asymmetric)"),
                    ParameterSpec.integer(ACCURACY_LEVEL, 4, 0, 4, "MatMulNBits accuracy_level: 0 unset (float compute), "
                            + "1 fp32, 2 fp16, 3 bf16, 4 int8 (activations quantized to int8 on the fly: fastest on CPU)"),
                    ParameterSpec.choice(EMBEDDINGS, "int8", List.of("none", "int8", "int4"), "embedding tables: none (float), "
                            + "int8 (a scale per row, dequantized after the Gather; standard ops) or int4 (4-bit blocks read by "
                            + "com.microsoft GatherBlockQuantized)"),
                    ParameterSpec.integer(CALIBRATION_TEXTS, 64, 1, 100_000, "for awq: calibration texts to run (from the "
                            + "calibration split; random tokens for a model without a tokenizer)"),
                    ParameterSpec.integer(AWQ_TOKENS, 256, 8, 100_000, "for awq: token rows sampled per activation to measure "
                            + "the output error on"),
                    ParameterSpec.integer(AWQ_GRID, 20, 2, 1000, "for awq: values of α tried, evenly from 0 (plain rounding) to 1"),
                    ParameterSpec.bool(OTHER_PRODUCTS, true, "also quantize products with a constant weight outside the "
                            + "blocks (LM head, pooler, classifier)"),
                    ParameterSpec.textList(EXCLUDE_OP_TYPES, List.of(), List.of("MatMul", "Gemm", "Gather"),
                            "op types to leave float: MatMul, Gemm, Gather (the embedding tables)"),
                    ParameterSpec.intList(EXCLUDE_BLOCKS, List.of(), 1, 10_000, "blocks, numbered from 1, whose products stay float"),
                    ParameterSpec.textList(EXCLUDE_NODES, List.of(), List.of(), "names of MatMul, Gemm or Gather nodes to leave float")),
            Set.of(GraphForm.PLAIN, GraphForm.FUSED, GraphForm.QUANTIZED), Double.NaN);

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Change apply(Model model, Parameters params, TechniqueContext context) {
        if (context.target() != TargetRuntime.ONNXRUNTIME) {
            throw new TechniqueException(ID + " writes com.microsoft MatMulNBits, which only ONNX Runtime runs, but the pipeline "
                    + "targets plain ONNX: set the pipeline's target to onnxruntime, or use quantize.static-int8 or "
                    + "quantize.dynamic-int8 (form matmul-integer)");
        }
        int blockSize = params.getInt(BLOCK_SIZE);
        if (Integer.bitCount(blockSize) != 1) {
            throw new TechniqueException(BLOCK_SIZE + " " + blockSize + " is not a power of two; MatMulNBits takes 16, 32, 64, 128 or 256");
        }
        boolean awq = "awq".equals(params.getString(METHOD));
        boolean symmetric = params.getBoolean(SYMMETRIC);
        String embeddings = params.getString(EMBEDDINGS);
        int texts = params.getInt(CALIBRATION_TEXTS);
        Graph graph = model.graph();

        QuantizationScheme tables = QuantizationScheme.of(DataType.INT8, true, false, true);
        QuantizationSettings planSettings = new QuantizationSettings(ProductForm.FUSED, tables, tables, !"none".equals(embeddings),
                params.getBoolean(OTHER_PRODUCTS), new LinkedHashSet<>(params.getStringList(EXCLUDE_OP_TYPES)),
                new LinkedHashSet<>(params.getIntList(EXCLUDE_BLOCKS)), new LinkedHashSet<>(params.getStringList(EXCLUDE_NODES)));
        TransformerStructure structure = Structures.orNull(context);
        ProductCandidates candidates = ProductCandidates.of(graph, structure, planSettings,
                "fused Attention (packed QKV weight inside the node)");
        if (candidates.empty()) return candidates.nothingToDo();
        QuantizationPlan plan = candidates.plan;
        Map<String, Integer> skipped = candidates.skipped;
        List<ProductSite> products = candidates.products;
        Map<Value, List<ProductSite>> groups = candidates.byActivation();

        long bytesBefore = model.initializerBytes();
        GraphEdits edits = new GraphEdits(graph);
        NBitsWriter writer = new NBitsWriter(graph, edits, blockSize, symmetric, params.getInt(ACCURACY_LEVEL));
        ScaleFolding folding = new ScaleFolding(graph, edits, structure, writer::current);
        Map<Value, AwqSearch.Result> scales = new IdentityHashMap<>();
        int unscalable = 0;
        AnalysisTable awqTable = null;
        if (awq && !groups.isEmpty()) {
            Map<Value, List<ProductSite>> scalable = new LinkedHashMap<>();
            for (Map.Entry<Value, List<ProductSite>> g : groups.entrySet()) {
                if (folding.placement(g.getKey(), g.getValue().stream().map(ProductSite::node).toList()) != null) {
                    scalable.put(g.getKey(), g.getValue());
                } else {
                    unscalable++;
                }
            }
            List<String> names = scalable.keySet().stream().map(Value::name).toList();
            int tokens = params.getInt(AWQ_TOKENS);
            Map<String, AwqSearch.Sample> samples = context.statistics(ID + "/awq-sample/" + texts + "/" + tokens + "/"
                    + String.join(",", names), () -> AwqSearch.collect(context.runner(), model, names, texts, tokens, context.monitor()));
            int grid = params.getInt(AWQ_GRID);
            context.monitor().begin("searching AWQ scales for " + scalable.size() + " activations", scalable.size());
            for (Map.Entry<Value, List<ProductSite>> g : scalable.entrySet()) {
                List<float[]> weights = new ArrayList<>();
                List<Integer> outs = new ArrayList<>();
                for (ProductSite s : g.getValue()) {
                    weights.add(NBitsWriter.transposedWeight(s));
                    outs.add(s.out());
                }
                scales.put(g.getKey(), AwqSearch.search(samples.get(g.getKey().name()), weights, outs, blockSize, symmetric, grid,
                        context.monitor()));
                context.monitor().worked(1);
            }
            awqTable = awqTable(scalable, scales);
        }

        Set<Integer> blocks = new TreeSet<>();
        Map<String, Integer> ops = new LinkedHashMap<>();
        context.monitor().begin("writing " + products.size() + " MatMulNBits", products.size() + plan.tables.size());
        for (Map.Entry<Value, List<ProductSite>> g : groups.entrySet()) {
            AwqSearch.Result r = scales.get(g.getKey());
            List<Node> readers = g.getValue().stream().map(ProductSite::node).toList();
            // the products' current input: an earlier rewrite may have replaced the value they read
            if (r != null) folding.divide(g.getKey(), readers.get(0).input(0), r.scales(), readers, readers.get(0));
            for (ProductSite s : g.getValue()) {
                context.monitor().checkCanceled();
                writer.write(s, r == null ? null : r.scales());
                ops.merge(s.node().opType(), 1, Integer::sum);
                if (s.block() > 0) blocks.add(s.block());
                context.monitor().worked(1);
            }
        }
        TableWriter int8Tables = new TableWriter(model, planSettings, edits);
        BlockTableWriter int4Tables = new BlockTableWriter(graph, edits, blockSize, symmetric);
        List<String> tableNotes = new ArrayList<>();
        for (TableSite t : plan.tables) {
            if ("int4".equals(embeddings) && int4Tables.fits(t)) {
                int4Tables.write(t);
            } else {
                if ("int4".equals(embeddings)) {
                    tableNotes.add("the " + t.role() + " table (width " + t.table().cols() + ", not a whole number of "
                            + blockSize + "-blocks) is int8 instead");
                }
                int8Tables.write(t);
            }
            context.monitor().worked(1);
        }
        if (model.opset(Node.MS_DOMAIN) < 1) model.setOpset(Node.MS_DOMAIN, 1);
        long bytesAfter = model.initializerBytes();

        List<String> what = new ArrayList<>();
        ops.forEach((op, n) -> what.add(n + " " + op + (n == 1 ? "" : "s")));
        int tableCount = int8Tables.tableCount() + int4Tables.tableCount();
        if (tableCount > 0) {
            what.add(tableCount + " embedding table" + (tableCount == 1 ? "" : "s") + " ("
                    + (int4Tables.tableCount() > 0 ? int4Tables.tableCount() + " int4" + (int8Tables.tableCount() > 0 ? ", " : "") : "")
                    + (int8Tables.tableCount() > 0 ? int8Tables.tableCount() + " int8" : "") + ")");
        }
        String summary = "4-bit weights (" + (awq ? "AWQ" : "round to nearest") + ", blocks of " + blockSize + "): " + String.join(", ", what);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("weights", "4-bit " + (symmetric ? "symmetric (zero point 8)" : "with a zero point per block") + ", blocks of "
                + blockSize + ", accuracy_level " + params.getInt(ACCURACY_LEVEL));
        if (awq && !scales.isEmpty()) {
            double rtn = 0;
            double best = 0;
            for (AwqSearch.Result r : scales.values()) {
                rtn += r.rtnError();
                best += r.error();
            }
            details.put("awq", scales.size() + " activations scaled on " + Structures.calibrationData(context, texts) + "; "
                    + folding.folded + " scales folded into the op before, " + folding.inserted + " Div inserted; output error "
                    + String.format(java.util.Locale.ROOT, "%.3f", best / rtn) + " × that of round to nearest on the sample"
                    + (unscalable == 0 ? "" : "; " + unscalable + " attention outputs rounded to nearest (grouped-query or "
                            + "fused attention: no exact place for the scale)"));
        }
        if (!tableNotes.isEmpty()) details.put("tables", String.join("; ", tableNotes));
        details.put("initializer bytes", bytesBefore + " → " + bytesAfter);
        if (!skipped.isEmpty()) details.put("left float", skipped.toString());
        if (structure == null) details.put("structure", "not recognised: products found by op type, embedding tables left float");
        context.log(summary + (skipped.isEmpty() ? "" : "; left float: " + skipped));
        return new Change(summary, edits.added, edits.removed, new ArrayList<>(blocks), details,
                awqTable == null ? List.of() : List.of(awqTable));
    }

    private static AnalysisTable awqTable(Map<Value, List<ProductSite>> groups, Map<Value, AwqSearch.Result> scales) {
        List<String> rows = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (Map.Entry<Value, List<ProductSite>> g : groups.entrySet()) {
            AwqSearch.Result r = scales.get(g.getKey());
            int block = g.getValue().get(0).block();
            rows.add((block > 0 ? "block " + block + ": " : "") + g.getValue().size() + " × " + g.getValue().get(0).node().opType()
                    + " reading " + g.getKey().name());
            values.add(new double[] {r.alpha(), r.rtnError(), r.error(), r.rtnError() == 0 ? 1 : r.error() / r.rtnError()});
        }
        return new AnalysisTable("awq-search", "AWQ: chosen α and output error per activation", AnalysisTable.Kind.TABLE, rows,
                List.of("α", "error, round to nearest", "error, AWQ", "ratio"), values.toArray(double[][]::new), "",
                "Squared output error of the products reading each activation on sampled calibration tokens; α = 0 is plain "
                        + "rounding, so the ratio is at most 1.");
    }
}
