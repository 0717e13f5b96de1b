package org.strata.technique.quantize.internal;

import java.util.ArrayList;
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
import org.strata.technique.quantize.internal.ActivationRanges.Range;
import org.strata.technique.quantize.internal.QuantizationPlan.ProductSite;
import org.strata.technique.quantize.internal.QuantizationPlan.TableSite;
import org.strata.technique.quantize.internal.QuantizationScheme.ScaleZeroPoint;

/**
 * {@code quantize.static-int8}: static (calibrated) int8 quantization in the QDQ format, as ONNX Runtime's
 * {@code quantize_static(quant_format=QDQ)} writes it (Jacob et al., CVPR 2018: {@code real = scale · (q - zp)}).
 * Unlike dynamic quantization, each activation's scale and zero point are fixed here from the calibration
 * split, so no quantization parameters are computed at run time.
 *
 * <p>Rules, in order:
 * <ol>
 * <li>Candidates are the MatMul and Gemm nodes (as {@code op-types} allows) whose second input is a 2-D float32
 * constant, found as for {@code quantize.dynamic-int8}; {@code exclude-blocks} (from 1), {@code exclude-nodes} and
 * {@code quantize-other-products} leave some float. Products already quantized (MatMulInteger, QDQ, MatMulNBits)
 * are not candidates: they are left as they are and counted. Fused com.microsoft Attention (a packed QKV weight
 * inside one node) stays float.</li>
 * <li>Calibration: the model runs on {@code calibration-texts} texts of the calibration split with every
 * candidate's activation captured; padding is ignored. The range of each activation comes from the
 * {@code calibration} method: minmax, percentile ({@code percentile} of the values, of |x| when symmetric), or
 * entropy (least KL divergence of a 2048-bin histogram against 128 levels, TensorRT's method). The ranges are
 * cached by graph fingerprint ({@link TechniqueContext#statistics}).</li>
 * <li>Activations: uint8 asymmetric by default (ORT's default), or int8 / symmetric; one QuantizeLinear →
 * DequantizeLinear pair per activation, shared by the products reading it.</li>
 * <li>Weights: int8 symmetric, per output channel ({@code per-channel}) or per tensor, stored as codes behind
 * a DequantizeLinear; the float weight is removed. Bias Adds stay float.</li>
 * <li>With {@code quantize-embeddings}, the embedding tables become int8 with a scale per row, dequantized
 * after their Gathers (as {@code quantize.dynamic-int8} does).</li>
 * </ol>
 * Lossy; deterministic for the same model, parameters and calibration texts.
 */
@Component(service = Technique.class)
public final class StaticInt8Quantization implements Technique {
    public static final String ID = "quantize.static-int8";
    static final String CALIBRATION = "calibration";
    static final String PERCENTILE = "percentile";
    static final String CALIBRATION_TEXTS = "calibration-texts";
    static final String ACTIVATION_TYPE = "activation-type";
    static final String SYMMETRIC_ACTIVATIONS = "symmetric-activations";
    static final String PER_CHANNEL = "per-channel";
    static final String REDUCE_RANGE = "reduce-range";
    static final String OP_TYPES = "op-types";
    static final String QUANTIZE_EMBEDDINGS = "quantize-embeddings";
    static final String OTHER_PRODUCTS = "quantize-other-products";
    static final String EXCLUDE_BLOCKS = "exclude-blocks";
    static final String EXCLUDE_NODES = "exclude-nodes";

    /** Op types this technique can quantize. */
    static final List<String> PRODUCT_OPS = List.of("MatMul", "Gemm");

    private static final TechniqueDescriptor DESCRIPTOR = new TechniqueDescriptor(ID, "Static int8 quantization (QDQ)", "quantize",
            "int8 weights and activations with ranges calibrated on the calibration texts, in QuantizeLinear/DequantizeLinear form",
            false,
            List.of(ParameterSpec.choice(CALIBRATION, CalibrationMethod.MINMAX.choice(), CalibrationMethod.choices(),
                            "how an activation's range is chosen: minmax (observed extremes), percentile (clip the rarest values), "
                                    + "entropy (least KL divergence between the values and their quantized form, as TensorRT)"),
                    ParameterSpec.real(PERCENTILE, 99.999, 90, 100, "for calibration=percentile: the share of values, in percent, "
                            + "the range keeps (of |x| when activations are symmetric, else cut evenly from both ends)"),
                    ParameterSpec.integer(CALIBRATION_TEXTS, 64, 1, 100_000, "calibration texts to run (from the calibration "
                            + "split, never the evaluation split; random tokens for a model without a tokenizer)"),
                    ParameterSpec.choice(ACTIVATION_TYPE, "uint8", List.of("uint8", "int8"), "integer type of activations"),
                    ParameterSpec.bool(SYMMETRIC_ACTIVATIONS, false, "activation ranges symmetric around 0; off (default, "
                            + "as ONNX Runtime): asymmetric with a zero point, using the whole range"),
                    ParameterSpec.bool(PER_CHANNEL, true, "one weight scale per output channel; off: one per weight"),
                    ParameterSpec.bool(REDUCE_RANGE, false, "7-bit weights, for x86 CPUs without VNNI"),
                    ParameterSpec.textList(OP_TYPES, PRODUCT_OPS, PRODUCT_OPS, "op types whose products are quantized; the others stay float"),
                    ParameterSpec.bool(QUANTIZE_EMBEDDINGS, true, "store the embedding tables as int8 with a scale per row "
                            + "and dequantize the rows each Gather picks"),
                    ParameterSpec.bool(OTHER_PRODUCTS, true, "also quantize products with a constant weight outside the "
                            + "blocks (LM head, pooler, classifier)"),
                    ParameterSpec.intList(EXCLUDE_BLOCKS, List.of(), 1, 10_000, "blocks, numbered from 1, whose products stay float"),
                    ParameterSpec.textList(EXCLUDE_NODES, List.of(), List.of(), "names of MatMul, Gemm or Gather nodes to leave float")),
            Set.of(GraphForm.PLAIN, GraphForm.FUSED, GraphForm.QUANTIZED), Double.NaN);

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Change apply(Model model, Parameters params, TechniqueContext context) {
        Graph graph = model.graph();
        if (model.opset("") < 10) {
            throw new TechniqueException("the model imports ONNX opset " + model.opset("") + "; QuantizeLinear and "
                    + "DequantizeLinear need opset 10 or later: convert the model first");
        }
        List<String> opTypes = params.getStringList(OP_TYPES);
        if (opTypes.isEmpty()) throw new TechniqueException(OP_TYPES + " is empty: name MatMul, Gemm or both");
        CalibrationMethod method = CalibrationMethod.ofChoice(params.getString(CALIBRATION));
        double percentile = params.getDouble(PERCENTILE);
        int texts = params.getInt(CALIBRATION_TEXTS);
        DataType activationType = "int8".equals(params.getString(ACTIVATION_TYPE)) ? DataType.INT8 : DataType.UINT8;
        boolean symmetric = params.getBoolean(SYMMETRIC_ACTIVATIONS);
        QuantizationScheme activations = QuantizationScheme.of(activationType, symmetric, false, false);

        // per-channel DequantizeLinear needs opset 13, or com.microsoft's on ONNX Runtime
        boolean perChannel = params.getBoolean(PER_CHANNEL);
        String weightDomain = Node.DEFAULT_DOMAIN;
        String perChannelNote = null;
        if (perChannel && model.opset("") < 13) {
            if (context.target() == TargetRuntime.ONNXRUNTIME) {
                weightDomain = Node.MS_DOMAIN;
                perChannelNote = "com.microsoft DequantizeLinear (opset " + model.opset("") + " has no axis)";
            } else {
                perChannel = false;
                perChannelNote = "per-tensor: opset " + model.opset("") + " has no per-channel DequantizeLinear and the target "
                        + "is plain ONNX (convert to opset 13 or target onnxruntime for per-channel)";
            }
        }
        QuantizationScheme weights = QuantizationScheme.of(DataType.INT8, true, params.getBoolean(REDUCE_RANGE), perChannel);
        QuantizationScheme tables = QuantizationScheme.of(DataType.INT8, true, false, true);

        Set<String> excludeOps = new LinkedHashSet<>(PRODUCT_OPS);
        excludeOps.removeAll(opTypes);
        // FUSED: the plan lists fused Attention nodes separately, which this technique leaves float
        QuantizationSettings planSettings = new QuantizationSettings(ProductForm.FUSED, weights, tables,
                params.getBoolean(QUANTIZE_EMBEDDINGS), params.getBoolean(OTHER_PRODUCTS), excludeOps,
                new LinkedHashSet<>(params.getIntList(EXCLUDE_BLOCKS)), new LinkedHashSet<>(params.getStringList(EXCLUDE_NODES)));
        TransformerStructure structure = Structures.orNull(context);
        ProductCandidates candidates = ProductCandidates.of(graph, structure, planSettings,
                "fused Attention (packed QKV weight; QDQ covers MatMul and Gemm)");
        if (candidates.empty()) return candidates.nothingToDo();
        QuantizationPlan plan = candidates.plan;
        Map<String, Integer> skipped = candidates.skipped;

        // calibration, before anything is edited
        List<String> activationNames = candidates.byActivation().keySet().stream().map(Value::name).toList();
        Map<String, Range> ranges = Map.of();
        if (!activationNames.isEmpty()) {
            String key = ID + "/ranges/" + method.choice() + "/" + percentile + "/" + symmetric + "/" + texts + "/"
                    + String.join(",", activationNames);
            ranges = context.statistics(key, () -> ActivationRanges.calibrate(context.runner(), model, activationNames, texts,
                    method, percentile, symmetric, context.monitor()));
        }

        long bytesBefore = model.initializerBytes();
        GraphEdits edits = new GraphEdits(graph);
        QdqWriter qdq = new QdqWriter(graph, edits, weights, weightDomain);
        Set<Integer> blocks = new TreeSet<>();
        Map<String, Integer> ops = new LinkedHashMap<>();
        context.monitor().begin("writing " + plan.products.size() + " QDQ products", plan.products.size() + plan.tables.size());
        for (ProductSite s : candidates.products) {
            context.monitor().checkCanceled();
            Value x = s.node().input(0);
            Range r = ranges.get(x.name());
            ScaleZeroPoint p = activations.forRange(r.low(), r.high());
            s.node().setInput(0, qdq.activation(x, s.node(), p, activationType));
            qdq.weight(s);
            ops.merge(s.node().opType(), 1, Integer::sum);
            if (s.block() > 0) blocks.add(s.block());
            context.monitor().worked(1);
        }
        TableWriter tableWriter = new TableWriter(model, planSettings, edits);
        for (TableSite t : plan.tables) {
            tableWriter.write(t);
            context.monitor().worked(1);
        }
        if (graph.domainsUsed().contains(Node.MS_DOMAIN) && model.opset(Node.MS_DOMAIN) < 1) model.setOpset(Node.MS_DOMAIN, 1);
        long bytesAfter = model.initializerBytes();

        List<String> what = new ArrayList<>();
        ops.forEach((op, n) -> what.add(n + " " + op + (n == 1 ? "" : "s")));
        if (tableWriter.tableCount() > 0) what.add(tableWriter.tableCount() + " embedding table" + (tableWriter.tableCount() == 1 ? "" : "s"));
        String summary = "static int8 (QDQ): " + String.join(", ", what) + "; " + qdq.quantizers.size() + " activations "
                + activations.type().onnxName() + " " + (symmetric ? "symmetric" : "asymmetric") + ", calibrated by "
                + method.choice() + " on " + Structures.calibrationData(context, texts);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("calibration", method.choice() + (method == CalibrationMethod.PERCENTILE ? " " + percentile + "%" : "")
                + " on " + Structures.calibrationData(context, texts));
        details.put("activations", activations.describe());
        details.put("weights", weights.describe() + (perChannelNote == null ? "" : "; " + perChannelNote));
        details.put("initializer bytes", bytesBefore + " → " + bytesAfter);
        if (!skipped.isEmpty()) details.put("left float", skipped.toString());
        if (structure == null) details.put("structure", "not recognised: products found by op type, embedding tables left float");
        context.log(summary + (skipped.isEmpty() ? "" : "; left float: " + skipped));
        return new Change(summary, edits.added, edits.removed, new ArrayList<>(blocks), details,
                ranges.isEmpty() ? List.of() : List.of(rangeTable(ranges, method)));
    }

    /** The calibrated ranges for the report: observed and chosen ends of each activation. */
    private static AnalysisTable rangeTable(Map<String, Range> ranges, CalibrationMethod method) {
        List<String> rows = new ArrayList<>(ranges.keySet());
        double[][] v = new double[rows.size()][];
        int i = 0;
        for (Range r : ranges.values()) v[i++] = new double[] {r.min(), r.max(), r.low(), r.high(), r.count()};
        return new AnalysisTable("activation-ranges", "Calibrated activation ranges (" + method.choice() + ")",
                AnalysisTable.Kind.TABLE, rows, List.of("min seen", "max seen", "range low", "range high", "values"), v, "",
                "Per quantized activation: the extremes calibration saw and the range the " + method.choice()
                        + " method chose; a range narrower than what was seen clips outliers for a finer scale.");
    }
}
