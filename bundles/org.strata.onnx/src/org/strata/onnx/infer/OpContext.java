package org.strata.onnx.infer;

import java.util.List;

import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Shape;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;

/**
 * What a {@link ShapeRule} sees of one node: the opset its domain is imported at, what is known of each input
 * (type, shape, constant or propagated contents), and where it states its outputs. Inputs are numbered as
 * in the node; an omitted optional input reads as absent ({@link #hasInput} false, type null).
 *
 * <p>A context lives for one rule call. Outputs stated here are committed by {@link ShapeInference} after the
 * rule returns: a type already declared for the output is kept and completed, or reported as a conflict.
 */
public final class OpContext {
    private final Node node;
    private final long opset;
    private final InferenceRun run;
    final TensorType[] outputTypes;
    final SymbolicTensor[] outputData;

    OpContext(Node node, long opset, InferenceRun run) {
        this.node = node;
        this.opset = opset;
        this.run = run;
        this.outputTypes = new TensorType[node.outputs().size()];
        this.outputData = new SymbolicTensor[node.outputs().size()];
    }

    /**
     * An integer list an operator takes as an attribute up to some opset and as an input since: whether it was
     * given at all, and its values when known.
     *
     * @param given false when neither the attribute nor the input is present
     * @param values the integers, or null when given but not known (computed at run time)
     */
    public record IntsArgument(boolean given, long[] values) {
        static final IntsArgument ABSENT = new IntsArgument(false, null);

        public boolean known() {
            return values != null;
        }
    }

    public Node node() {
        return node;
    }

    /** The version the model imports the node's domain at (1 for a custom domain it does not import). */
    public long opset() {
        return opset;
    }

    public int inputCount() {
        return node.inputs().size();
    }

    public boolean hasInput(int i) {
        return node.input(i) != null;
    }

    /** Input {@code i}'s type, or null when absent or unknown. */
    public TensorType type(int i) {
        Value v = node.input(i);
        return v == null ? null : v.type();
    }

    /** Input {@code i}'s element type, or null when absent or unknown. */
    public DataType elementType(int i) {
        TensorType t = type(i);
        return t == null || t.elementType() == DataType.UNDEFINED ? null : t.elementType();
    }

    /** Input {@code i}'s shape, or null when absent or its rank is unknown. */
    public Shape shape(int i) {
        TensorType t = type(i);
        return t == null ? null : t.shape();
    }

    /** Input {@code i}'s rank, or -1 when unknown. */
    public int rank(int i) {
        Shape s = shape(i);
        return s == null ? -1 : s.rank();
    }

    /** The contents of input {@code i} as far as data propagation knows them (small integer tensors), or null. */
    public SymbolicTensor data(int i) {
        return run.data(node.input(i));
    }

    /** Input {@code i}'s contents when every element is a known integer, else null. */
    public long[] longs(int i) {
        SymbolicTensor d = data(i);
        return d == null ? null : d.longs();
    }

    /**
     * Input {@code i} when it is constant (an initializer that is not also a graph input — before IR 4, any
     * initializer — or a Constant's output), else null.
     */
    public Tensor constant(int i) {
        return run.constant(node.input(i));
    }

    public int outputCount() {
        return outputTypes.length;
    }

    /** States output {@code i}: element type (null: unknown) and shape (null: rank unknown). */
    public void output(int i, DataType elementType, Shape shape) {
        if (i >= outputTypes.length || (elementType == null && shape == null)) return;
        outputTypes[i] = new TensorType(elementType == null ? DataType.UNDEFINED : elementType, shape);
    }

    public void output(int i, TensorType t) {
        if (t != null) output(i, t.elementType() == DataType.UNDEFINED ? null : t.elementType(), t.shape());
    }

    /** States output {@code i}'s contents (and with them its type). */
    public void outputData(int i, SymbolicTensor d) {
        if (i >= outputTypes.length || d == null) return;
        outputData[i] = d;
        output(i, d.elementType(), d.shape());
    }

    /** Output {@code out} has input {@code in}'s type and shape (element-wise activations, normalisations). */
    public void sameAsInput(int out, int in) {
        output(out, type(in));
    }

    /** An error naming this node, for the rule to throw when its inputs contradict the operator. */
    public ShapeInferenceException error(String reason) {
        return new ShapeInferenceException(node, reason);
    }

    /** {@code axis} counted from 0, for a tensor of {@code rank}. @throws ShapeInferenceException when out of range */
    public int axis(long axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw error("axis " + axis + " is out of range for rank " + rank);
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }

    public long attrInt(String name, long fallback) {
        return node.attrInt(name, fallback);
    }

    /** An integer list attribute, or null when absent. */
    public long[] attrInts(String name) {
        return node.attrInts(name);
    }

    /**
     * An integer list given as attribute {@code attribute} before opset {@code inputSince} and as input
     * {@code input} from it on (Unsqueeze/Squeeze axes, Split sizes, Reduce axes, Slice starts, Pad pads).
     *
     * @throws ShapeInferenceException when the node uses the form its opset does not have
     */
    public IntsArgument intsArgument(String attribute, int input, long inputSince) {
        if (opset < inputSince) {
            if (hasInput(input)) throw error("takes '" + attribute + "' as an attribute at opset " + opset + ", not as input " + input);
            long[] a = attrInts(attribute);
            return a == null ? IntsArgument.ABSENT : new IntsArgument(true, a);
        }
        if (node.hasAttribute(attribute)) {
            throw error("takes '" + attribute + "' as input " + input + " since opset " + inputSince + ", not as an attribute (the model imports opset " + opset + ")");
        }
        if (!hasInput(input)) return IntsArgument.ABSENT;
        return new IntsArgument(true, longs(input));
    }

    /** Product of dimensions as a dimension (symbolic when a factor is; unknown when one is unknown). */
    public static Dim product(List<Dim> dims) {
        SymbolicInt p = SymbolicInt.of(1);
        for (Dim d : dims) p = p.times(SymbolicInt.of(d));
        return p.toDim();
    }

    /**
     * Infers the types in a subgraph (If branch, Loop body) as part of this run: its inputs get
     * {@code inputTypes} where they have no type yet, its nodes are inferred, and its outputs' types are
     * returned (null entries where unknown).
     */
    public List<TensorType> inferBody(Graph body, List<TensorType> inputTypes) {
        return run.subgraph(body, inputTypes);
    }
}
