package org.strata.technique.quantize.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.strata.core.TechniqueException;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.technique.quantize.internal.QuantizationPlan.ProductSite;
import org.strata.technique.quantize.internal.QuantizationScheme.ScaleZeroPoint;

/**
 * Writes the QDQ form of a statically quantized product, as ONNX Runtime's {@code quantize_static} does in
 * its QDQ format: the activation goes through {@code QuantizeLinear → DequantizeLinear} with the calibrated
 * scale and zero point (one pair per activation, shared by every product reading it, placed before the first),
 * and the weight is stored as int8 codes behind a {@code DequantizeLinear} (per tensor, or per output channel
 * along {@code axis}). The product itself stays a float MatMul or Gemm reading the two dequantized values;
 * runtimes that know QDQ (ONNX Runtime at ORT_ENABLE_EXTENDED and above) fuse the pattern into integer kernels.
 *
 * <p>A per-channel DequantizeLinear needs ONNX opset 13 ({@code axis}); on older opsets it is written in the
 * com.microsoft domain, which ONNX Runtime treats the same way, when the caller allows contrib ops.
 */
final class QdqWriter {
    private record WeightKey(Value stored, boolean transposed, boolean channelsAreRows) {
    }

    private final Graph graph;
    private final GraphEdits edits;
    private final QuantizationScheme weights;
    private final String weightDomain;
    private final Map<Value, Value> activations = new HashMap<>();
    private final Map<WeightKey, Value> dequantizedWeights = new HashMap<>();
    final List<Node> quantizers = new ArrayList<>();

    /**
     * @param weightDomain the domain of per-channel weight DequantizeLinear nodes: "" (opset ≥ 13) or com.microsoft
     */
    QdqWriter(Graph graph, GraphEdits edits, QuantizationScheme weights, String weightDomain) {
        this.graph = graph;
        this.edits = edits;
        this.weights = weights;
        this.weightDomain = weightDomain;
    }

    /**
     * The dequantized copy of activation {@code x} the products read: {@code DequantizeLinear(QuantizeLinear(x))}
     * with {@code p}, made just before {@code firstReader} the first time.
     */
    Value activation(Value x, Node firstReader, ScaleZeroPoint p, DataType type) {
        Value known = activations.get(x);
        if (known != null) return known;
        String base = x.name();
        Value scale = graph.addInitializer(base + "_scale", TensorCodec.fromFloats(base + "_scale", new long[0], new float[] {p.scale()}));
        Value zeroPoint = graph.addInitializer(base + "_zero_point",
                TensorCodec.fromLongs(base + "_zero_point", type, new long[0], new long[] {p.zeroPoint()}));
        Node q = edits.insert(firstReader, Node.DEFAULT_DOMAIN, "QuantizeLinear", base + "_QuantizeLinear",
                List.of(x, scale, zeroPoint), List.of(), base + "_quantized");
        Node dq = edits.insert(firstReader, Node.DEFAULT_DOMAIN, "DequantizeLinear", base + "_DequantizeLinear",
                List.of(q.output(0), scale, zeroPoint), List.of(), base + "_dequantized");
        quantizers.add(q);
        activations.put(x, dq.output(0));
        return dq.output(0);
    }

    /** Points {@code s}'s product at the dequantized int8 copy of its weight, made once per weight and layout. */
    void weight(ProductSite s) {
        Node product = s.node();
        boolean channelsAreRows = s.transB();
        WeightKey key = new WeightKey(s.weight().stored(), s.weight().transposed(), channelsAreRows);
        Value dq = dequantizedWeights.get(key);
        if (dq == null) {
            dq = dequantize(s, channelsAreRows);
            dequantizedWeights.put(key, dq);
        }
        Value old = product.input(1);
        product.setInput(1, dq);
        edits.dropIfUnused(old);
    }

    private Value dequantize(ProductSite s, boolean channelsAreRows) {
        ConstantWeight w = s.weight();
        QuantizedWeight q;
        try {
            q = weights.quantize(w.values(false), w.rows(), w.cols(), channelsAreRows);
        } catch (IllegalArgumentException e) {
            throw new TechniqueException("cannot quantize the weight '" + w.stored().name() + "' of " + s.node().describe()
                    + ": " + e.getMessage() + "; fix the model or exclude the node with exclude-nodes");
        }
        String name = w.stored().name();
        Value codes = graph.addInitializer(name + "_quantized", q.codesTensor(name + "_quantized"));
        Value scale = graph.addInitializer(name + "_scale", q.scaleTensor(name + "_scale"));
        Value zeroPoint = graph.addInitializer(name + "_zero_point", q.zeroPointTensor(name + "_zero_point"));
        List<Attribute> attrs = q.perChannel() ? List.of(Attribute.of("axis", channelsAreRows ? 0L : 1L)) : List.of();
        String domain = q.perChannel() ? weightDomain : Node.DEFAULT_DOMAIN;
        return edits.insert(s.node(), domain, "DequantizeLinear", name + "_DequantizeLinear", List.of(codes, scale, zeroPoint),
                attrs, name + "_dequantized").output(0);
    }
}
