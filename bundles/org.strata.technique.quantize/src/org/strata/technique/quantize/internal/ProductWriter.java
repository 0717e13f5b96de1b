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
import org.strata.technique.quantize.internal.QuantizationPlan.ProductSite;

/**
 * Replaces float products by dynamically quantized ones in the chosen {@link ProductForm}, in graph order.
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

    ProductWriter(Graph graph, QuantizationSettings settings, List<ProductSite> sites, GraphEdits edits) {
        this.graph = graph;
        this.settings = settings;
        this.edits = edits;
        for (ProductSite s : sites) readers.merge(s.activation(), 1, Integer::sum);
    }

    /** The form {@code site} is written in: {@link ProductForm#FUSED} decides per activation. */
    ProductForm formOf(ProductSite site) {
        if (settings.form() != ProductForm.FUSED) return settings.form();
        return readers.getOrDefault(site.activation(), 0) > 1 ? ProductForm.MATMUL_INTEGER_TO_FLOAT
                : ProductForm.DYNAMIC_QUANTIZE_MATMUL;
    }

    void write(ProductSite s) {
        ProductForm form = formOf(s);
        WeightValues w = weight(s);
        Node anchor = s.node();
        String base = baseName(anchor);
        boolean foldBias = form != ProductForm.MATMUL_INTEGER;
        Value bias = s.bias() == null ? null : s.biasValue() != null ? s.biasValue()
                : graph.addInitializer(base + "_bias", TensorCodec.fromFloats(base + "_bias", new long[] {s.out()}, s.bias()));
        Value result;
        switch (form) {
            case MATMUL_INTEGER -> {
                Node q = quantizer(s.activation(), anchor);
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
                Node q = quantizer(s.activation(), anchor);
                result = edits.insert(anchor, Node.MS_DOMAIN, "MatMulIntegerToFloat", base + "_quant",
                        inputs(q.output(0), w.codes(), q.output(1), w.scale(), q.output(2), w.zeroPoint(), bias), List.of())
                        .output(0);
                written.merge("MatMulIntegerToFloat", 1, Integer::sum);
            }
            case DYNAMIC_QUANTIZE_MATMUL -> {
                result = edits.insert(anchor, Node.MS_DOMAIN, "DynamicQuantizeMatMul", base + "_quant",
                        inputs(s.activation(), w.codes(), w.scale(), w.zeroPoint(), bias), List.of()).output(0);
                written.merge("DynamicQuantizeMatMul", 1, Integer::sum);
            }
            default -> throw new IllegalStateException("form " + form + " is resolved before writing");
        }
        Value replaced = foldBias && s.biasAdd() != null ? s.biasAdd().output(0) : anchor.output(0);
        graph.replaceAllUsesWith(replaced, result);
        List<Value> released = new ArrayList<>(anchor.inputs());
        if (foldBias && s.biasAdd() != null) {
            released.addAll(s.biasAdd().inputs());
            edits.remove(s.biasAdd());
        }
        edits.remove(anchor);
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
        WeightKey key = new WeightKey(s.weight().stored(), s.transB(), s.alpha());
        WeightValues known = weights.get(key);
        if (known != null) return known;
        float[] w = s.weight().values(s.transB());
        if (s.alpha() != 1f) for (int i = 0; i < w.length; i++) w[i] *= s.alpha();
        QuantizedWeight q;
        try {
            q = settings.weights().quantize(w, s.in(), s.out(), false);
        } catch (IllegalArgumentException e) {
            throw new TechniqueException("cannot quantize the weight '" + s.weight().stored().name() + "' of "
                    + s.node().describe() + ": " + e.getMessage() + "; fix the model or exclude the node with exclude-nodes");
        }
        String name = s.weight().stored().name();
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
