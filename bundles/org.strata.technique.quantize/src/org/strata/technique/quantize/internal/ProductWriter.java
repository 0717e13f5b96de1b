package org.strata.technique.quantize.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.strata.core.TechniqueException;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.technique.quantize.internal.QuantizationPlan.AttentionSite;
import org.strata.technique.quantize.internal.QuantizationPlan.ProductSite;

/**
 * Replaces float products by dynamically quantized ones in the chosen {@link ProductForm}, and fused
 * Attention nodes by QAttention, in graph order.
 * One DynamicQuantizeLinear serves every product reading the same activation (Q, K and V; gate and up), placed
 * before the first of them; a weight read by several products (tied layers) is quantized once. The float
 * product, a bias Add folded into the new node, and the float weights nobody reads any more are removed.
 */
final class ProductWriter {
    private record WeightKey(Value stored, boolean transposed, float alpha) {
    }

    private record WeightValues(Value codes, Value scale, Value zeroPoint) {
    }

    private final Graph graph;
    private final QuantizationSettings settings;
    private final GraphEdits edits;
    private final Map<Value, Integer> readers = new HashMap<>();
    private final Map<Value, Node> quantizers = new HashMap<>();
    private final Map<WeightKey, WeightValues> weights = new HashMap<>();
    /** Product nodes written, by op type. */
    final Map<String, Integer> written = new TreeMap<>();

    ProductWriter(Graph graph, QuantizationSettings settings, QuantizationPlan plan, GraphEdits edits) {
        this.graph = graph;
        this.settings = settings;
        this.edits = edits;
        for (ProductSite s : plan.products) readers.merge(s.activation(), 1, Integer::sum);
        for (AttentionSite s : plan.attentions) readers.merge(s.activation(), 1, Integer::sum);
    }

    /** The form a product reading {@code activation} is written in: {@link ProductForm#FUSED} decides per activation. */
    private ProductForm formOf(Value activation) {
        if (settings.form() != ProductForm.FUSED) return settings.form();
        return readers.getOrDefault(activation, 0) > 1 ? ProductForm.MATMUL_INTEGER_TO_FLOAT
                : ProductForm.DYNAMIC_QUANTIZE_MATMUL;
    }

    /**
     * Makes every reader of {@code old} read {@code replacement}. A later site may read {@code old} as its
     * activation (an attention's output feeding the output projection), so the count of its readers moves too.
     */
    private void replace(Value old, Value replacement) {
        graph.replaceAllUsesWith(old, replacement);
        Integer n = readers.remove(old);
        if (n != null) readers.merge(replacement, n, Integer::sum);
    }

    void write(ProductSite s) {
        Node anchor = s.node();
        Value x = anchor.input(0); // not s.activation(): an earlier rewrite may have replaced it
        ProductForm form = formOf(x);
        WeightValues w = weight(s);
        String base = baseName(anchor);
        boolean foldBias = form != ProductForm.MATMUL_INTEGER;
        Value bias = s.bias() == null ? null : s.biasValue() != null ? s.biasValue()
                : graph.addInitializer(base + "_bias", TensorCodec.fromFloats(base + "_bias", new long[] {s.out()}, s.bias()));
        Value result;
        switch (form) {
            case MATMUL_INTEGER -> {
                Node q = quantizer(x, anchor);
                Node product = edits.insert(anchor, Node.DEFAULT_DOMAIN, "MatMulInteger", base + "_quant",
                        inputs(q.output(0), w.codes(), q.output(2), w.zeroPoint()), List.of());
                Node cast = edits.insert(anchor, Node.DEFAULT_DOMAIN, "Cast", base + "_cast", inputs(product.output(0)),
                        List.of(Attribute.of("to", (long) DataType.FLOAT.code())));
                Node scales = edits.insert(anchor, Node.DEFAULT_DOMAIN, "Mul", base + "_scales", inputs(q.output(1), w.scale()), List.of());
                result = edits.insert(anchor, Node.DEFAULT_DOMAIN, "Mul", base + "_rescale",
                        inputs(cast.output(0), scales.output(0)), List.of()).output(0);
                if (s.biasAdd() == null && bias != null) {
                    result = edits.insert(anchor, Node.DEFAULT_DOMAIN, "Add", base + "_bias_add", inputs(result, bias), List.of()).output(0);
                }
                written.merge("MatMulInteger", 1, Integer::sum);
            }
            case MATMUL_INTEGER_TO_FLOAT -> {
                Node q = quantizer(x, anchor);
                result = edits.insert(anchor, Node.MS_DOMAIN, "MatMulIntegerToFloat", base + "_quant",
                        inputs(q.output(0), w.codes(), q.output(1), w.scale(), q.output(2), w.zeroPoint(), bias), List.of())
                        .output(0);
                written.merge("MatMulIntegerToFloat", 1, Integer::sum);
            }
            case DYNAMIC_QUANTIZE_MATMUL -> {
                result = edits.insert(anchor, Node.MS_DOMAIN, "DynamicQuantizeMatMul", base + "_quant",
                        inputs(x, w.codes(), w.scale(), w.zeroPoint(), bias), List.of()).output(0);
                written.merge("DynamicQuantizeMatMul", 1, Integer::sum);
            }
            default -> throw new IllegalStateException("form " + form + " is resolved before writing");
        }
        Node foldedAdd = foldBias ? s.biasAdd() : null;
        if (foldedAdd != null) result = edits.withoutBias(foldedAdd, result);
        retire(anchor, foldedAdd, foldedAdd != null ? foldedAdd.output(0) : anchor.output(0), result);
    }

    /**
     * Replaces a com.microsoft Attention by a QAttention reading the shared quantized input and the int8 packed
     * weight (scale per output column); the bias becomes required, zeros when the Attention had none.
     */
    void write(AttentionSite s) {
        Node anchor = s.node();
        String base = baseName(anchor);
        int columns = s.weight().cols();
        WeightValues w = weight(anchor, s.weight(), false, 1f, s.weight().rows(), columns);
        Value bias = anchor.input(2) != null ? anchor.input(2)
                : graph.addInitializer(base + "_bias", TensorCodec.fromFloats(base + "_bias", new long[] {columns}, new float[columns]));
        Node x = quantizer(anchor.input(0), anchor);
        Node qAttention = edits.insert(anchor, Node.MS_DOMAIN, "QAttention", base + "_quant",
                inputs(x.output(0), w.codes(), bias, x.output(1), w.scale(), anchor.input(3), x.output(2), w.zeroPoint()),
                List.copyOf(anchor.attributes().values()));
        written.merge("QAttention", 1, Integer::sum);
        retire(anchor, null, anchor.output(0), qAttention.output(0));
    }

    /**
     * Points the readers of {@code old} at {@code result}, removes {@code node} (and the bias Add folded into
     * the new node, if any), and drops the float constants only they read.
     */
    private void retire(Node node, Node foldedAdd, Value old, Value result) {
        replace(old, result);
        List<Value> released = new ArrayList<>(node.inputs());
        if (foldedAdd != null) {
            released.addAll(foldedAdd.inputs());
            edits.remove(foldedAdd);
        }
        edits.remove(node);
        released.forEach(edits::dropIfUnused);
    }

    /** The shared DynamicQuantizeLinear of {@code x}, made before {@code firstReader} when there is none yet. */
    private Node quantizer(Value x, Node firstReader) {
        return quantizers.computeIfAbsent(x, v -> {
            Node q = edits.insert(firstReader, Node.DEFAULT_DOMAIN, "DynamicQuantizeLinear", v.name() + "_QuantizeLinear",
                    inputs(v), List.of(), v.name() + "_quantized", v.name() + "_scale", v.name() + "_zero_point");
            written.merge("DynamicQuantizeLinear", 1, Integer::sum);
            return q;
        });
    }

    /** The quantized weight of {@code s} as [in, out] codes, scales and (when not all zero) zero points. */
    private WeightValues weight(ProductSite s) {
        return weight(s.node(), s.weight(), s.transB(), s.alpha(), s.in(), s.out());
    }

    /**
     * {@code alpha ·} the {@code rows × cols} matrix {@code reader} multiplies by (the transpose of what it reads
     * when {@code transpose}), quantized per column, as initializers; made once per weight, alpha and layout.
     */
    private WeightValues weight(Node reader, ConstantWeight weight, boolean transpose, float alpha, int rows, int cols) {
        WeightKey key = new WeightKey(weight.stored(), transpose, alpha);
        WeightValues known = weights.get(key);
        if (known != null) return known;
        float[] w = weight.values(transpose);
        if (alpha != 1f) for (int i = 0; i < w.length; i++) w[i] *= alpha;
        QuantizedWeight q;
        try {
            q = settings.weights().quantize(w, rows, cols, false);
        } catch (IllegalArgumentException e) {
            throw new TechniqueException("cannot quantize the weight '" + weight.stored().name() + "' of "
                    + reader.describe() + ": " + e.getMessage() + "; fix the model or exclude the node with exclude-nodes");
        }
        String name = weight.stored().name();
        Value codes = graph.addInitializer(name + "_quantized", q.codesTensor(name + "_quantized"));
        Value scale = graph.addInitializer(name + "_scale", q.scaleTensor(name + "_scale"));
        Value zp = q.hasZeroPoint() ? graph.addInitializer(name + "_zero_point", q.zeroPointTensor(name + "_zero_point")) : null;
        WeightValues v = new WeightValues(codes, scale, zp);
        weights.put(key, v);
        return v;
    }

    /** Node inputs, where null marks an omitted optional input. */
    private static List<Value> inputs(Value... values) {
        return Arrays.asList(values);
    }

    static String baseName(Node n) {
        return n.name().isEmpty() ? n.output(0).name() : n.name();
    }
}
