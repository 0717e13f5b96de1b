package org.strata.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Shape;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;

/**
 * Emits nodes into a {@link Graph} the way an exporter would: under a scope ("/encoder/layer.0/attention/self"),
 * with the op forms of the chosen opset, names from the chosen {@link TransformerSpec.Naming}, and seeded
 * random weights.
 */
final class SyntheticGraph {
    private static final Pattern LAYER = Pattern.compile("(layer|layers|h)\\.(\\d+)");

    final Graph graph;
    private final TransformerSpec.Naming naming;
    private final int opset;
    private final int layers;
    private final Random random;
    private final Map<String, Integer> used = new HashMap<>();
    private String scope = "";
    private int counter;
    private int matmulWeights = 1000;
    private boolean contrib;

    SyntheticGraph(String name, TransformerSpec.Naming naming, int opset, int layers, long seed) {
        this.graph = new Graph(name);
        this.naming = naming;
        this.opset = opset;
        this.layers = layers;
        this.random = new Random(seed);
    }

    boolean usesContribOps() {
        return contrib;
    }

    int opset() {
        return opset;
    }

    /** The exporter scope of the nodes and parameters that follow. */
    void scope(String s) {
        scope = naming == TransformerSpec.Naming.MISLEADING ? mislead(s) : s;
    }

    /** Layers numbered backwards; query, key and value rotated; FFN parts and norm/attention swapped. */
    private String mislead(String s) {
        Matcher m = LAYER.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, m.group(1) + "." + (layers - 1 - Integer.parseInt(m.group(2))));
        m.appendTail(b);
        return b.toString().replace("query", "#v").replace("value", "#k").replace("key", "query").replace("#v", "value")
                .replace("#k", "key").replace("intermediate", "#o").replace("/output/", "/intermediate/").replace("#o", "output")
                .replace("LayerNorm", "attention").replace("q_proj", "o_proj").replace("gate_proj", "down_proj")
                .replace("up_proj", "gate_proj").replace("ln_1", "ln_f").replace("c_fc", "c_attn");
    }

    // ---- values ---------------------------------------------------------------------------------------

    /** A model input; {@code dims} are Integers (fixed) or Strings (symbolic). */
    Value input(String name, DataType type, Object... dims) {
        return graph.addInput(name, new TensorType(type, shape(dims)));
    }

    /** Makes {@code v} the graph output {@code name} of float type and the given dims. */
    void output(Value v, String name, Object... dims) {
        v.rename(name);
        v.setType(new TensorType(DataType.FLOAT, shape(dims)));
        graph.addOutput(v);
    }

    private static Shape shape(Object... dims) {
        List<Dim> d = new ArrayList<>();
        for (Object o : dims) d.add(o instanceof String s ? Dim.of(s) : Dim.of(((Number) o).longValue()));
        return new Shape(d);
    }

    /** A weight of a MatMul (named like torch's transposed copies, "onnx::MatMul_1021", in EXPORTER naming). */
    Value matmulWeight(String param, long in, long out) {
        return weightParam(param, TensorCodec.fromFloats("w", new long[] {in, out}, matmulWeightValues(in, out)));
    }

    /** The values {@link #matmulWeight} holds, [in, out] row-major ~ N(0, 1/in), for callers that encode them themselves. */
    float[] matmulWeightValues(long in, long out) {
        return normal(count(in, out), 0, (float) (1 / Math.sqrt(in)));
    }

    /** A weight tensor, named like a MatMul weight ("onnx::MatMul_1021" in EXPORTER naming). */
    Value weightParam(String param, Tensor t) {
        String name = initializerName("onnx::MatMul_" + (++matmulWeights), param);
        return graph.addInitializer(name, t.withName(name));
    }

    /** A parameter with values ~ N(mean, std). */
    Value randomParam(String param, float mean, float std, long... dims) {
        return param(null, param, normal(count(dims), mean, std), dims);
    }

    /** A float parameter with the given values. */
    Value param(String param, float[] values, long... dims) {
        return param(null, param, values, dims);
    }

    private Value param(String exporterName, String param, float[] values, long... dims) {
        String name = initializerName(exporterName, param);
        return graph.addInitializer(name, TensorCodec.fromFloats(name, dims, values));
    }

    /** An integer (or bool) parameter or buffer. */
    Value intParam(String param, DataType type, long[] dims, long[] values) {
        String name = initializerName(null, param);
        return graph.addInitializer(name, TensorCodec.fromLongs(name, type, dims, values));
    }

    private String initializerName(String exporterName, String param) {
        return switch (naming) {
            case ANONYMOUS -> Integer.toString(++counter);
            case EXPORTER -> exporterName != null ? exporterName : param;
            case MISLEADING -> mislead("/" + param).substring(1);
        };
    }

    /** The parameter path of the current scope: "/encoder/layer.0/attention/self/query" + ".bias". */
    String paramPath(String leaf) {
        String s = scope.startsWith("/") ? scope.substring(1) : scope;
        return s.replace('/', '.') + "." + leaf;
    }

    private float[] normal(int n, float mean, float std) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = mean + std * (float) random.nextGaussian();
        return out;
    }

    private static int count(long... dims) {
        return Math.toIntExact(Shape.elementCount(dims));
    }

    /** A float scalar from a Constant node, as exporters write literals. */
    Value constant(float v) {
        return constant(TensorCodec.fromFloats("value", new long[0], new float[] {v}));
    }

    /** A 1-D int64 constant. */
    Value ints(long... v) {
        return constant(TensorCodec.fromLongs("value", new long[] {v.length}, v));
    }

    /** A scalar int64 constant. */
    Value scalarInt(long v) {
        return constant(TensorCodec.fromLongs("value", new long[0], new long[] {v}));
    }

    private Value constant(Tensor t) {
        return node("", "Constant", 1, List.of(Attribute.of("value", t))).output(0);
    }

    // ---- nodes ----------------------------------------------------------------------------------------

    /** A default-domain node with one output. */
    Value op(String opType, Value... inputs) {
        return node("", opType, 1, List.of(), inputs).output(0);
    }

    Value op(String opType, List<Attribute> attrs, Value... inputs) {
        return node("", opType, 1, attrs, inputs).output(0);
    }

    /** A com.microsoft node. */
    Node contrib(String opType, int outputs, List<Attribute> attrs, Value... inputs) {
        contrib = true;
        return node(Node.MS_DOMAIN, opType, outputs, attrs, inputs);
    }

    Node node(String domain, String opType, int outputs, List<Attribute> attrs, Value... inputs) {
        String nodeName = "";
        List<String> outNames = new ArrayList<>();
        if (naming == TransformerSpec.Naming.ANONYMOUS) {
            for (int i = 0; i < outputs; i++) outNames.add(Integer.toString(++counter));
        } else {
            String base = scope + "/" + opType;
            int k = used.merge(base, 1, Integer::sum) - 1;
            nodeName = k == 0 ? base : base + "_" + k;
            for (int i = 0; i < outputs; i++) outNames.add(nodeName + "_output_" + i);
        }
        Node n = graph.addNode(domain, opType, Arrays.asList(inputs), outNames, attrs);
        n.setName(nodeName);
        return n;
    }

    // ---- op forms that changed between opsets ---------------------------------------------------------

    Value unsqueeze(Value x, long... axes) {
        return opset >= 13 ? op("Unsqueeze", x, ints(axes)) : op("Unsqueeze", List.of(Attribute.ofInts("axes", axes)), x);
    }

    /** Mean over the last axis, kept (ReduceMean's axes became an input at opset 18; this builder stops at 17). */
    Value reduceMeanLast(Value x) {
        return op("ReduceMean", List.of(Attribute.ofInts("axes", -1)), x);
    }

    /** Split along {@code axis} into parts of {@code sizes}. */
    List<Value> split(Value x, long axis, long... sizes) {
        Node n = opset >= 13
                ? node("", "Split", sizes.length, List.of(Attribute.of("axis", axis)), x, ints(sizes))
                : node("", "Split", sizes.length, List.of(Attribute.of("axis", axis), Attribute.ofInts("split", sizes)), x);
        return n.outputs();
    }

    /** {@code x[start:end]} along {@code axis}. */
    Value slice(Value x, long start, long end, long axis) {
        return op("Slice", x, ints(start), ints(end), ints(axis));
    }

    Value transpose(Value x, long... perm) {
        return op("Transpose", List.of(Attribute.ofInts("perm", perm)), x);
    }

    Value reshape(Value x, Value shape) {
        return op("Reshape", x, shape);
    }

    /** Dimension {@code i} of {@code x} as a 1-element vector: Unsqueeze(Gather(Shape(x), i)). */
    Value dim(Value x, long i) {
        return unsqueeze(scalarDim(x, i), 0);
    }

    /** Dimension {@code i} of {@code x} as a scalar. */
    Value scalarDim(Value x, long i) {
        return op("Gather", List.of(Attribute.of("axis", 0L)), op("Shape", x), scalarInt(i));
    }

    /**
     * A shape vector of {@code parts}: a Long is a constant entry, a Value a 1-element vector computed at run
     * time; all constant parts make one constant.
     */
    Value shapeOf(Object... parts) {
        if (Arrays.stream(parts).allMatch(p -> p instanceof Long)) {
            return ints(Arrays.stream(parts).mapToLong(p -> (Long) p).toArray());
        }
        Value[] vs = new Value[parts.length];
        for (int i = 0; i < parts.length; i++) vs[i] = parts[i] instanceof Long l ? ints(l) : (Value) parts[i];
        return op("Concat", List.of(Attribute.of("axis", 0L)), vs);
    }

    Value cast(Value x, DataType to) {
        return op("Cast", List.of(Attribute.of("to", (long) to.code())), x);
    }
}
