package org.strata.technique.quantize.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Component;
import org.strata.core.Change;
import org.strata.core.GraphForm;
import org.strata.core.ParameterSpec;
import org.strata.core.Parameters;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueDescriptor;
import org.strata.core.TechniqueException;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.structure.StructureException;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.technique.quantize.internal.QuantizationPlan.AttentionSite;
import org.strata.technique.quantize.internal.QuantizationPlan.ProductSite;
import org.strata.technique.quantize.internal.QuantizationPlan.Site;
import org.strata.technique.quantize.internal.QuantizationPlan.TableSite;

/**
 * {@code quantize.dynamic-int8}: dynamic quantization of the linear products and embedding tables of a
 * float transformer, after Jacob et al., "Quantization and Training of Neural Networks for Efficient
 * Integer-Arithmetic-Only Inference" (CVPR 2018; {@code real = scale · (q - zeroPoint)}), in the dynamic
 * form ONNX Runtime's {@code quantize_dynamic} uses: weights quantized once, here; activations quantized to
 * uint8 at run time from their own min/max (DynamicQuantizeLinear), so no calibration data is needed.
 *
 * <p>Rules, in order:
 * <ol>
 * <li>A model that already holds quantized ops (DynamicQuantizeLinear, MatMulInteger, QuantizeLinear,
 * DequantizeLinear, MatMulNBits, …) is refused: quantizing twice compounds the error.</li>
 * <li>Candidates are MatMul and Gemm nodes whose second input is a 2-D float32 constant (through Identity and
 * Transpose): the projections of the recognised blocks, and, unless {@code quantize-other-products} is off, any
 * other (LM head, pooler). Products of two run-time values (attention scores) stay float, as do norms,
 * Softmax and nonlinearities. {@code exclude-op-types}, {@code exclude-blocks} and {@code exclude-nodes}
 * leave chosen candidates float.</li>
 * <li>Each weight becomes int8 (or uint8) codes with a scale per output column (per-channel) or one scale,
 * by {@link QuantizationScheme}; a Gemm's alpha is folded into the weight, its {@code beta·C} into a bias.</li>
 * <li>Each product is written in the {@link ProductForm} chosen; products reading the same activation share
 * one DynamicQuantizeLinear; a bias Add is folded into the com.microsoft forms, and so is the bias of a fused
 * BiasGelu or FastGelu reading the product (BiasGelu becomes Gelu), so that fusing with {@code bias-gelu} on first
 * costs nothing (a BiasGelu after DynamicQuantizeMatMul measured 6 % slower on MiniLM at seq 256).</li>
 * <li>A com.microsoft Attention (a fused graph) becomes a QAttention with its packed QKV weight quantized per
 * column, as ORT's quantizer does, in the com.microsoft forms; in {@code matmul-integer} it stays float.</li>
 * <li>With {@code quantize-embeddings}, the token, position and token-type tables the structure names are
 * stored as integers and dequantized after their Gathers ({@link TableWriter}).</li>
 * </ol>
 * Lossy: the engine records fidelity against the float model. Deterministic: the same model and parameters
 * give the same bytes.
 */
@Component(service = Technique.class)
public final class DynamicInt8Quantization implements Technique {
    public static final String ID = "quantize.dynamic-int8";
    static final String FORM = "form";
    static final String PER_CHANNEL = "per-channel";
    static final String SYMMETRIC = "symmetric";
    static final String WEIGHT_TYPE = "weight-type";
    static final String REDUCE_RANGE = "reduce-range";
    static final String QUANTIZE_EMBEDDINGS = "quantize-embeddings";
    static final String OTHER_PRODUCTS = "quantize-other-products";
    static final String EXCLUDE_OP_TYPES = "exclude-op-types";
    static final String EXCLUDE_BLOCKS = "exclude-blocks";
    static final String EXCLUDE_NODES = "exclude-nodes";

    /**
     * What {@link ProductForm#AUTO} means on ONNX Runtime: the form measured fastest there. MiniLM-L6 at
     * sequence 128, ORT 1.29 Java, 1 thread, median of 100 interleaved runs: at ORT_ENABLE_ALL all four forms
     * take 8.96–9.01 ms (ORT's own fusions turn each into DynamicQuantizeMatMul / MatMulIntegerToFloat); at
     * ORT_ENABLE_BASIC the com.microsoft forms take 7.84–7.95 ms and matmul-integer 8.27–8.30 ms. {@code fused}
     * is the fastest everywhere with the fewest quantizers.
     */
    static final ProductForm FASTEST = ProductForm.FUSED;

    /** Ops whose presence means the model is quantized already. */
    private static final Set<String> QUANTIZED_OPS = Set.of("DynamicQuantizeLinear", "MatMulInteger", "QuantizeLinear",
            "DequantizeLinear", "QLinearMatMul", "QLinearConv", "ConvInteger", "com.microsoft::DynamicQuantizeMatMul",
            "com.microsoft::MatMulIntegerToFloat", "com.microsoft::MatMulNBits", "com.microsoft::QAttention",
            "com.microsoft::QGemm", "com.microsoft::DynamicQuantizeLSTM", "com.microsoft::QuantizeLinear",
            "com.microsoft::DequantizeLinear", "com.microsoft::GatherBlockQuantized", "com.microsoft::QEmbedLayerNormalization");

    private static final TechniqueDescriptor DESCRIPTOR = new TechniqueDescriptor(ID, "Dynamic int8 quantization", "quantize",
            "int8 weights with a scale per output channel, uint8 activations quantized at run time, int8 embedding tables",
            false,
            List.of(ParameterSpec.choice(FORM, ProductForm.AUTO.choice(), ProductForm.choices(),
                            "operators of each product: auto (fastest the target allows: fused on onnxruntime, matmul-integer on onnx), "
                                    + "matmul-integer (standard ONNX: DynamicQuantizeLinear, MatMulInteger, Cast, Mul, as ORT quantize_dynamic), "
                                    + "matmul-integer-to-float (com.microsoft, shared DynamicQuantizeLinear), "
                                    + "dynamic-quantize-matmul (com.microsoft, one node per product), "
                                    + "fused (DynamicQuantizeMatMul, or MatMulIntegerToFloat where products share an input)"),
                    ParameterSpec.bool(PER_CHANNEL, true, "one scale per output column of a weight and per row of an embedding "
                            + "table; off: one scale per tensor (smaller, less accurate)"),
                    ParameterSpec.bool(SYMMETRIC, true, "weights symmetric around 0 (zero point 0 for int8); off: asymmetric, "
                            + "using the full range between each channel's min and max"),
                    ParameterSpec.choice(WEIGHT_TYPE, "int8", List.of("int8", "uint8"), "integer type of weights and tables; "
                            + "int8 (with uint8 activations) is the fast path of ONNX Runtime on x86 and ARM"),
                    ParameterSpec.bool(REDUCE_RANGE, false, "7-bit weights, for x86 CPUs without VNNI (before Cascade Lake / "
                            + "Zen 4) where uint8×int8 products can saturate 16-bit sums; costs accuracy elsewhere"),
                    ParameterSpec.bool(QUANTIZE_EMBEDDINGS, true, "store token, position and token-type tables as integers "
                            + "and dequantize the rows each Gather picks (the token table is most of a small model's size)"),
                    ParameterSpec.bool(OTHER_PRODUCTS, true, "also quantize products with a constant weight outside the "
                            + "blocks (LM head, pooler, classifier)"),
                    ParameterSpec.textList(EXCLUDE_OP_TYPES, List.of(), QuantizationSettings.EXCLUDABLE_OPS,
                            "op types to leave float: MatMul, Gemm, Gather (the embedding tables), Attention (com.microsoft "
                                    + "fused attention, otherwise made a QAttention)"),
                    ParameterSpec.intList(EXCLUDE_BLOCKS, List.of(), 1, 10_000, "blocks, numbered from 1, whose products stay float"),
                    ParameterSpec.textList(EXCLUDE_NODES, List.of(), List.of(), "names of MatMul, Gemm, Gather or Attention nodes to leave float")),
            Set.of(GraphForm.PLAIN, GraphForm.FUSED), Double.NaN);

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Change apply(Model model, Parameters params, TechniqueContext context) {
        QuantizationSettings settings = QuantizationSettings.from(params, context.target());
        Graph graph = model.graph();
        refuseQuantized(graph);
        if (model.opset("") < 11) {
            throw new TechniqueException("the model imports ONNX opset " + model.opset("") + "; dynamic quantization needs "
                    + "DynamicQuantizeLinear from opset 11: convert the model to opset 11 or later first");
        }
        TransformerStructure structure = structureOrNull(context);
        QuantizationPlan plan = QuantizationPlan.of(graph, structure, settings);
        if (plan.products.isEmpty() && plan.attentions.isEmpty() && plan.tables.isEmpty()) {
            return Change.none("nothing to quantize: no MatMul, Gemm or Attention with a constant float weight and no embedding table"
                    + (plan.skipped.isEmpty() ? "" : " left after the exclusions " + plan.skipped));
        }
        long bytesBefore = model.initializerBytes();
        GraphEdits edits = new GraphEdits(graph);
        ProductWriter products = new ProductWriter(graph, settings, plan, edits);
        TableWriter tables = new TableWriter(model, settings, edits);
        var monitor = context.monitor();
        int work = plan.products.size() + plan.attentions.size() + plan.tables.size();
        monitor.begin("quantizing " + work + " products, attentions and table reads", work);
        Set<Integer> blocks = new TreeSet<>();
        Map<String, Integer> productOps = new LinkedHashMap<>();
        // in graph order, so that a shared DynamicQuantizeLinear lands before the first of its readers
        for (Site site : plan.sitesInGraphOrder(graph)) {
            monitor.checkCanceled();
            switch (site) {
                case ProductSite p -> {
                    products.write(p);
                    productOps.merge(p.node().opType(), 1, Integer::sum);
                }
                case AttentionSite a -> {
                    products.write(a);
                    productOps.merge("Attention", 1, Integer::sum);
                }
            }
            if (site.block() > 0) blocks.add(site.block());
            monitor.worked(1);
        }
        for (TableSite s : plan.tables) {
            monitor.checkCanceled();
            tables.write(s);
            monitor.worked(1);
        }
        if (graph.domainsUsed().contains(Node.MS_DOMAIN) && model.opset(Node.MS_DOMAIN) < 1) model.setOpset(Node.MS_DOMAIN, 1);
        long bytesAfter = model.initializerBytes();

        String written = String.join(" + ", products.written.keySet().stream().filter(op -> !op.equals("DynamicQuantizeLinear")).toList());
        List<String> what = counted(productOps);
        if (tables.tableCount() > 0) what.add(tables.tableCount() + " embedding table" + (tables.tableCount() == 1 ? "" : "s"));
        String summary = "quantized " + listing(what) + " to " + settings.weights().type().onnxName()
                + (written.isEmpty() ? "" : " (" + written + ")");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("form", settings.form().choice());
        details.put("weights", settings.weights().describe());
        if (tables.tableCount() > 0) details.put("tables", settings.tables().describe() + (settings.tables().perChannel() ? " (per row)" : ""));
        products.written.forEach((op, n) -> details.put("nodes " + op, Integer.toString(n)));
        details.put("initializer bytes", bytesBefore + " → " + bytesAfter);
        if (!plan.skipped.isEmpty()) details.put("left float", plan.skipped.toString());
        if (structure == null) details.put("structure", "not recognised: products found by op type, embedding tables left float");
        context.log(summary + "; " + (bytesBefore - bytesAfter) + " bytes of weights saved"
                + (plan.skipped.isEmpty() ? "" : "; left float: " + plan.skipped));
        return new Change(summary, edits.added, edits.removed, new ArrayList<>(blocks), details);
    }

    /** "36 MatMuls", "12 Gemms", "2 Attentions", in that order, for the ops present. */
    private static List<String> counted(Map<String, Integer> ops) {
        List<String> parts = new ArrayList<>();
        for (String op : List.of("MatMul", "Gemm", "Attention")) {
            int n = ops.getOrDefault(op, 0);
            if (n > 0) parts.add(n + " " + op + (n == 1 ? "" : "s"));
        }
        return parts;
    }

    /** "a", "a and b", "a, b and c". */
    private static String listing(List<String> parts) {
        if (parts.size() <= 1) return String.join("", parts);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String qualifiedType(Node n) {
        return n.domain().isEmpty() ? n.opType() : n.domain() + "::" + n.opType();
    }

    /** @throws TechniqueException naming the first quantized node */
    private static void refuseQuantized(Graph graph) {
        for (Node n : graph.allNodes()) {
            if (QUANTIZED_OPS.contains(qualifiedType(n))) {
                long count = graph.allNodes().stream().filter(m -> QUANTIZED_OPS.contains(qualifiedType(m))).count();
                String others = count == 1 ? "" : " and " + (count - 1) + " other quantized node" + (count == 2 ? "" : "s");
                throw new TechniqueException("the model is already quantized: " + n.describe() + others + "; " + ID
                        + " takes a float model — apply it to the original float32 model instead");
            }
        }
    }

    private static TransformerStructure structureOrNull(TechniqueContext context) {
        try {
            return context.structure();
        } catch (StructureException e) {
            context.log("no transformer structure (" + e.getMessage() + "): quantizing every MatMul and Gemm with a "
                    + "constant weight; embedding tables stay float");
            return null;
        }
    }
}
