package org.strata.technique.tokens.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;

/**
 * Writes standard ONNX nodes into a graph at the model's default-domain opset (11 or later), hiding where
 * operator signatures changed: axes of Unsqueeze, Squeeze and ReduceSum became an input at opset 13, those
 * of the other reductions at opset 18. Constants become initializers, shared when equal. Every node it adds
 * is named under a common prefix, so the rewrite can be recognised in a graph viewer.
 */
final class OpBuilder {
    /** The oldest opset with everything used here: TopK with {@code largest}, GatherElements, ScatterElements, Range, CumSum. */
    static final long MIN_OPSET = 11;

    private final Graph graph;
    private final long opset;
    private final String prefix;
    private final Map<String, Value> constants = new HashMap<>();
    private final Set<String> nodeNames = new HashSet<>();
    private String scope = "";

    OpBuilder(Model model, String prefix) {
        this.graph = model.graph();
        this.opset = model.opset(Node.DEFAULT_DOMAIN);
        this.prefix = prefix;
        for (Node n : graph.nodes()) nodeNames.add(n.name());
    }

    /** Names the nodes added from now on {@code prefix/scope/Op}. */
    void scope(String s) {
        this.scope = s;
    }

    // ---- nodes ----------------------------------------------------------------------------------------

    Node node(String op, int outputs, List<Attribute> attrs, Value... inputs) {
        String base = prefix + (scope.isEmpty() ? "" : "/" + scope) + "/" + op;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < outputs; i++) names.add(base + "_output_" + i);
        Node n = graph.addNode(Node.DEFAULT_DOMAIN, op, Arrays.asList(inputs), names, attrs);
        String name = base;
        for (int i = 1; !nodeNames.add(name); i++) name = base + "_" + i;
        n.setName(name);
        return n;
    }

    /** A node like {@code n} (domain, op, attributes, as many outputs) reading {@code inputs}. */
    Node copy(Node n, List<Value> inputs) {
        String base = prefix + (scope.isEmpty() ? "" : "/" + scope) + "/" + n.opType();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n.outputs().size(); i++) names.add(base + "_output_" + i);
        Node c = graph.addNode(n.domain(), n.opType(), inputs, names, List.copyOf(n.attributes().values()));
        String name = base;
        for (int i = 1; !nodeNames.add(name); i++) name = base + "_" + i;
        c.setName(name);
        return c;
    }

    Value op(String op, List<Attribute> attrs, Value... inputs) {
        return node(op, 1, attrs, inputs).output(0);
    }

    Value op(String op, Value... inputs) {
        return op(op, List.of(), inputs);
    }

    // ---- constants ------------------------------------------------------------------------------------

    Value f(float v) {
        return constant("f" + Float.floatToIntBits(v), TensorCodec.fromFloats("c", new long[0], new float[] {v}));
    }

    Value i(long v) {
        return constant("i" + v, TensorCodec.fromLongs("c", new long[0], new long[] {v}));
    }

    /** A 1-D int64 constant. */
    Value ints(long... v) {
        return constant("I" + Arrays.toString(v), TensorCodec.fromLongs("c", new long[] {v.length}, v));
    }

    private Value constant(String key, Tensor t) {
        return constants.computeIfAbsent(key, k -> graph.addInitializer(graph.uniqueName(prefix + "/const"), t));
    }

    // ---- opset-dependent forms ------------------------------------------------------------------------

    Value unsqueeze(Value x, long... axes) {
        return opset >= 13 ? op("Unsqueeze", x, ints(axes)) : op("Unsqueeze", List.of(Attribute.ofInts("axes", axes)), x);
    }

    Value squeeze(Value x, long... axes) {
        return opset >= 13 ? op("Squeeze", x, ints(axes)) : op("Squeeze", List.of(Attribute.ofInts("axes", axes)), x);
    }

    /** {@code ReduceSum|ReduceMean|ReduceMax|ReduceMin|ReduceL2} over {@code axes}. */
    Value reduce(String op, Value x, boolean keepDims, long... axes) {
        long inputFrom = op.equals("ReduceSum") ? 13 : 18;
        Attribute keep = Attribute.of("keepdims", keepDims ? 1L : 0L);
        return opset >= inputFrom ? op(op, List.of(keep), x, ints(axes)) : op(op, List.of(keep, Attribute.ofInts("axes", axes)), x);
    }

    // ---- shorthands -----------------------------------------------------------------------------------

    Value cast(Value x, DataType to) {
        return op("Cast", List.of(Attribute.of("to", (long) to.code())), x);
    }

    Value add(Value a, Value b) {
        return op("Add", a, b);
    }

    Value sub(Value a, Value b) {
        return op("Sub", a, b);
    }

    Value mul(Value a, Value b) {
        return op("Mul", a, b);
    }

    Value div(Value a, Value b) {
        return op("Div", a, b);
    }

    Value max(Value a, Value b) {
        return op("Max", a, b);
    }

    Value min(Value a, Value b) {
        return op("Min", a, b);
    }

    Value where(Value c, Value a, Value b) {
        return op("Where", c, a, b);
    }

    Value less(Value a, Value b) {
        return op("Less", a, b);
    }

    Value greater(Value a, Value b) {
        return op("Greater", a, b);
    }

    Value equal(Value a, Value b) {
        return op("Equal", a, b);
    }

    Value and(Value a, Value b) {
        return op("And", a, b);
    }

    Value not(Value a) {
        return op("Not", a);
    }

    Value matMul(Value a, Value b) {
        return op("MatMul", a, b);
    }

    Value transpose(Value x, long... perm) {
        return op("Transpose", List.of(Attribute.ofInts("perm", perm)), x);
    }

    Value shape(Value x) {
        return op("Shape", x);
    }

    /** Gather along {@code axis}. */
    Value gather(Value x, Value indices, long axis) {
        return op("Gather", List.of(Attribute.of("axis", axis)), x, indices);
    }

    Value gatherElements(Value x, Value indices, long axis) {
        return op("GatherElements", List.of(Attribute.of("axis", axis)), x, indices);
    }

    Value scatterElements(Value data, Value indices, Value updates, long axis) {
        return op("ScatterElements", List.of(Attribute.of("axis", axis)), data, indices, updates);
    }

    Value concat(long axis, Value... parts) {
        return op("Concat", List.of(Attribute.of("axis", axis)), parts);
    }

    Value expand(Value x, Value shape) {
        return op("Expand", x, shape);
    }

    Value range(Value start, Value limit, Value delta) {
        return op("Range", start, limit, delta);
    }

    /** A tensor of {@code shape} filled with {@code fill} (a one-element tensor of the element type wanted). */
    Value filled(Value shape, Tensor fill) {
        return op("ConstantOfShape", List.of(Attribute.of("value", fill)), shape);
    }

    Value zerosLong(Value shape) {
        return filled(shape, TensorCodec.fromLongs("value", new long[] {1}, new long[] {0}));
    }

    Value zerosFloat(Value shape) {
        return filled(shape, TensorCodec.fromFloats("value", new long[] {1}, new float[] {0}));
    }

    Value onesFloat(Value shape) {
        return filled(shape, TensorCodec.fromFloats("value", new long[] {1}, new float[] {1}));
    }

    /** {values, indices} of the {@code k} (a 1-D int64 of one element) largest (or smallest) along {@code axis}, sorted. */
    Value[] topK(Value x, Value k, long axis, boolean largest) {
        Node n = node("TopK", 2, List.of(Attribute.of("axis", axis), Attribute.of("largest", largest ? 1L : 0L),
                Attribute.of("sorted", 1L)), x, k);
        return new Value[] {n.output(0), n.output(1)};
    }

    Value argMax(Value x, long axis) {
        return op("ArgMax", List.of(Attribute.of("axis", axis), Attribute.of("keepdims", 0L)), x);
    }

    Value argMin(Value x, long axis) {
        return op("ArgMin", List.of(Attribute.of("axis", axis), Attribute.of("keepdims", 0L)), x);
    }

    Value cumSum(Value x, long axis) {
        return op("CumSum", x, i(axis));
    }

    // ---- composites used by every reduction -----------------------------------------------------------

    /** Dimension {@code axis} of {@code x} as a 1-D int64 of one element. */
    Value dim(Value x, long axis) {
        return gather(shape(x), ints(axis), 0);
    }

    /** Dimension {@code axis} of {@code x} as an int64 scalar. */
    Value scalarDim(Value x, long axis) {
        return gather(shape(x), i(axis), 0);
    }

    /** {@code [0, 1, …, n-1]} for an int64 scalar {@code n}. */
    Value iota(Value n) {
        return range(i(0), n, i(1));
    }

    /**
     * Rows {@code index} [B, R] (int64, per batch row) of {@code x} [B, N, H]: [B, R, H]. One Gather from the
     * flattened [B·N, H] rows at {@code index + b·N}, which costs far less than a GatherElements with an index
     * widened to [B, R, H].
     */
    Value gatherRows(Value x, Value index) {
        Value shape = shape(x);
        Value offsets = mul(iota(gather(shape, i(0), 0)), gather(shape, i(1), 0)); // [B]: b·N
        Value flat = op("Reshape", x, concat(0, ints(-1), gather(shape, ints(2), 0)));
        return gather(flat, add(index, unsqueeze(offsets, 1)), 0);
    }

    /** {@code x / max(‖x‖, ε)} along the last axis of [B, N, H]. */
    Value unitRows(Value x) {
        return div(x, max(reduce("ReduceL2", x, true, 2), f(1e-6f)));
    }

    /**
     * The one-hot matrix [B, R, N] of {@code assign} [B, N] (int64 slot of each token) against the slots
     * {@code slots} [R] (int64), as float, each column weighted by {@code weight} [B, N].
     */
    Value assignment(Value assign, Value slots, Value weight) {
        return weighted(oneHot(assign, slots), weight);
    }

    /** The one-hot matrix [B, R, N] (float) of {@code assign} [B, N] (int64 slot of each token) against the slots {@code slots} [R]. */
    Value oneHot(Value assign, Value slots) {
        return cast(equal(unsqueeze(assign, 1), unsqueeze(slots, 0, 2)), DataType.FLOAT);
    }

    /** {@code onehot} [B, R, N] with each column weighted by {@code weight} [B, N]. */
    Value weighted(Value onehot, Value weight) {
        return mul(onehot, unsqueeze(weight, 1));
    }
}
