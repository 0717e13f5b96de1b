package org.strata.technique.quantize.internal;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Attention;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.Projection;
import org.strata.onnx.structure.QkvLayout;
import org.strata.onnx.structure.TransformerStructure;

/**
 * Divides an activation by a per-channel scale (its last axis) for the products that read it, as AWQ needs,
 * preferably by folding {@code 1/s} into what computes the activation, so that the graph keeps its form. Rules,
 * for an activation read by nothing but those products (intermediate values read once):
 * <ul>
 * <li>LayerNormalization, SimplifiedLayerNormalization, com.microsoft SkipLayerNormalization and
 * SkipSimplifiedLayerNormalization (output 0): γ and β divided;</li>
 * <li>{@code Mul(a, c)} with a constant c of one value or one per channel: c divided (a norm's γ, GELU's ½);</li>
 * <li>{@code Add(a, c)} with such a constant: c divided and the rule applied to a (a norm's {@code γ·x̂ + β}, a
 * projection's bias);</li>
 * <li>{@code Mul(a, b)} of two run-time values: the rule applied to a or b (SwiGLU's up projection);</li>
 * <li>a product: a float MatMul's constant weight columns, or a com.microsoft MatMulNBits' block scales per output
 * column and its bias, divided;</li>
 * <li>an attention's context (the output projection's input): the columns of its value projection divided — the
 * context channel of head h, element j is V's column h·d + j when every query head has its own value head;
 * with grouped-query attention or a fused attention node there is no exact place, and the group is left
 * unscaled ({@link #placement} returns null).</li>
 * </ul>
 * The constants of an FFN nonlinearity (GELU's ½, √(2/π), …) are not folded into: structure discovery recognises the
 * nonlinearity by them. Otherwise a {@code Div} by s is inserted before the products — a Div by a 1-D constant,
 * which discovery reads as part of the 4-bit projection (a Mul by 1/s would be taken for a norm's γ). Constants are
 * replaced by divided copies, never edited in place, so other readers are unaffected.
 */
final class ScaleFolding {
    /** Where a scale goes. */
    enum Placement {
        FOLDED, VALUE_PROJECTION, DIV
    }

    private final Graph graph;
    private final GraphEdits edits;
    private final Map<Value, Attention> contexts = new IdentityHashMap<>();
    /** Nodes whose constants must keep their values (FFN nonlinearities). */
    private final java.util.Set<Node> fixed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final UnaryOperator<Node> current;
    int folded;
    int inserted;

    /**
     * @param structure the model's structure (attention contexts), or null
     * @param current the node that now computes what a planned product computed (its MatMulNBits once written)
     */
    ScaleFolding(Graph graph, GraphEdits edits, TransformerStructure structure, UnaryOperator<Node> current) {
        this.graph = graph;
        this.edits = edits;
        this.current = current;
        if (structure != null) {
            for (Block b : structure.blocks()) {
                contexts.put(b.attention().o().input(), b.attention());
                fixed.addAll(b.ffn().activationNodes());
            }
        }
    }

    /**
     * How {@code x} would be divided for {@code readers}, judged before anything is written; null when it cannot
     * be divided exactly without breaking the attention's form.
     */
    Placement placement(Value x, Collection<Node> readers) {
        Attention a = contexts.get(x);
        if (a != null) return valueColumns(a) != null ? Placement.VALUE_PROJECTION : null;
        if (readOnlyBy(x, readers) && checkFold(x, channels(readers))) return Placement.FOLDED;
        return Placement.DIV;
    }

    /**
     * Makes {@code readers} see {@code x / s}.
     *
     * @param original the activation as planned (attention contexts are known by it)
     * @param x the value the readers read now
     * @param anchor the first of the readers in graph order (an inserted Div goes before it)
     */
    void divide(Value original, Value x, float[] s, Collection<Node> readers, Node anchor) {
        Attention a = contexts.get(original);
        if (a != null) {
            ValueColumns v = valueColumns(a);
            divideColumns(current.apply(v.product()), v.offset(), s, true);
            folded++;
            return;
        }
        if (readOnlyBy(x, readers) && checkFold(x, s.length)) {
            fold(x, s);
            folded++;
            return;
        }
        Value c = graph.addInitializer(x.name() + "_awq_scale", TensorCodec.fromFloats(x.name() + "_awq_scale", new long[] {s.length}, s));
        Value scaled = edits.insert(anchor, Node.DEFAULT_DOMAIN, "Div", x.name() + "_awq_scaled", List.of(x, c), List.of()).output(0);
        for (Node r : readers) {
            for (int i = 0; i < r.inputs().size(); i++) if (r.input(i) == x) r.setInput(i, scaled);
        }
        inserted++;
    }

    private static boolean readOnlyBy(Value x, Collection<Node> readers) {
        return x.hasUses() && !x.isGraphOutput() && !x.isGraphInput() && x.consumers().stream().allMatch(readers::contains);
    }

    /** The input width of the products (MatMul/Gemm weights as planned: K of [K, N] or of [N, K] with transB). */
    private static int channels(Collection<Node> readers) {
        Node r = readers.iterator().next();
        ConstantWeight w = ConstantWeight.behind(r.input(1));
        if (w == null) return -1;
        return r.is("Gemm") && r.attrInt("transB", 0) != 0 ? w.cols() : w.rows();
    }

    /** The product computing V and where V's columns start in its output, or null when there is no exact fold. */
    private record ValueColumns(Node product, int offset) {
    }

    private static ValueColumns valueColumns(Attention a) {
        if (a.fused() || a.kvHeads() != a.heads()) return null;
        int width = a.heads() * a.headSize();
        if (a.layout() == QkvLayout.SEPARATE && a.v() != null) {
            return foldableProduct(a.v(), width) ? new ValueColumns(a.v().node(), 0) : null;
        }
        if (a.qkv() != null && (a.layout() == QkvLayout.SPLIT || a.layout() == QkvLayout.SLICE || a.layout() == QkvLayout.GATHER)
                && a.qkv().outFeatures() == 3L * width && foldableProduct(a.qkv(), 3 * width)) {
            return new ValueColumns(a.qkv().node(), 2 * width);
        }
        return null;
    }

    private static boolean foldableProduct(Projection p, int out) {
        return p.outFeatures() == out && (p.node().is("MatMul") || p.node().is(Node.MS_DOMAIN, "MatMulNBits"))
                && p.quantization() == org.strata.onnx.structure.Quantization.NONE;
    }

    /** Whether {@code 1/s} over {@code channels} channels folds exactly into the producer of {@code v}. */
    private boolean checkFold(Value v, int channels) {
        if (channels <= 0) return false;
        Node p = v.producer();
        if (p == null || p.output(0) != v || p.graph() != graph) return false;
        if (isNorm(p)) {
            int[] params = normParameters(p);
            for (int i : params) if (p.input(i) != null && !perChannel(p.input(i), channels)) return false;
            return p.input(params[0]) != null;
        }
        if (p.is("Mul")) {
            if (constantSide(p, channels) >= 0) return !fixed.contains(p);
            return p.inputs().size() == 2 && (foldableOperand(p.input(0), channels) || foldableOperand(p.input(1), channels));
        }
        if (p.is("Add")) {
            int c = constantSide(p, channels);
            return c >= 0 && !fixed.contains(p) && foldableOperand(p.input(1 - c), channels);
        }
        if (p.is(Node.MS_DOMAIN, "MatMulNBits")) return p.attrInt("N", 0) == channels && QuantizationPlan.constantTensor(p.input(2)) != null;
        if (p.is("MatMul")) {
            ConstantWeight w = ConstantWeight.behind(p.input(1));
            return w != null && w.cols() == channels && ConstantWeight.behind(p.input(0)) == null;
        }
        return false;
    }

    /** A value read once, by the node being folded through, whose producer takes the scale too. */
    private boolean foldableOperand(Value a, int channels) {
        return a != null && a.uses().size() == 1 && !a.isGraphOutput() && checkFold(a, channels);
    }

    private void fold(Value v, float[] s) {
        Node p = v.producer();
        if (isNorm(p)) {
            for (int i : normParameters(p)) if (p.input(i) != null) divideInput(p, i, s);
        } else if (p.is("Mul")) {
            int c = constantSide(p, s.length);
            if (c >= 0) divideInput(p, c, s);
            else fold(foldableOperand(p.input(0), s.length) ? p.input(0) : p.input(1), s);
        } else if (p.is("Add")) {
            int c = constantSide(p, s.length);
            divideInput(p, c, s);
            fold(p.input(1 - c), s);
        } else {
            divideColumns(p, 0, s, false); // a bias Add after it was divided on the way here
        }
    }

    /**
     * Divides output columns {@code [offset, offset + s.length)} of a float MatMul or a MatMulNBits, with the bias
     * MatMulNBits takes as input 5 and, when {@code followingBias}, the bias Add after the product.
     */
    private void divideColumns(Node product, int offset, float[] s, boolean followingBias) {
        if (product.is(Node.MS_DOMAIN, "MatMulNBits")) {
            int n = (int) product.attrInt("N", 0);
            Tensor st = QuantizationPlan.constantTensor(product.input(2));
            float[] scales = TensorCodec.toFloats(st);
            int blocks = scales.length / n;
            for (int c = 0; c < s.length; c++) {
                for (int b = 0; b < blocks; b++) scales[(offset + c) * blocks + b] /= s[c];
            }
            replaceInput(product, 2, TensorCodec.fromFloats("", st.dims(), scales));
            if (product.input(5) != null) divideBias(product, 5, offset, s);
            else if (followingBias) divideFollowingBias(product, offset, s);
            return;
        }
        ConstantWeight w = ConstantWeight.behind(product.input(1));
        float[] values = w.values(false);
        int cols = w.cols();
        for (int r = 0; r < w.rows(); r++) {
            for (int c = 0; c < s.length; c++) values[r * cols + offset + c] /= s[c];
        }
        replaceInput(product, 1, TensorCodec.fromFloats("", new long[] {w.rows(), cols}, values));
        if (followingBias) divideFollowingBias(product, offset, s);
    }

    /** The bias Add right after a product, if any, divided over the same columns. */
    private void divideFollowingBias(Node product, int offset, float[] s) {
        Value y = product.output(0);
        if (y.uses().size() != 1) return;
        Node add = y.uses().get(0).node();
        if (!add.is("Add")) return;
        int c = add.input(0) == y ? 1 : 0;
        Tensor t = QuantizationPlan.constantTensor(add.input(c));
        if (t != null && t.rank() == 1 && t.type() == DataType.FLOAT) divideBias(add, c, offset, s);
    }

    private void divideBias(Node n, int index, int offset, float[] s) {
        Tensor t = QuantizationPlan.constantTensor(n.input(index));
        float[] b = TensorCodec.toFloats(t);
        for (int c = 0; c < s.length; c++) b[offset + c] /= s[c];
        replaceInput(n, index, TensorCodec.fromFloats("", t.dims(), b));
    }

    private static boolean isNorm(Node p) {
        return p.is("LayerNormalization") || p.is("SimplifiedLayerNormalization") || p.is(Node.MS_DOMAIN, "LayerNormalization")
                || p.is(Node.MS_DOMAIN, "SimplifiedLayerNormalization") || p.is(Node.MS_DOMAIN, "SkipLayerNormalization")
                || p.is(Node.MS_DOMAIN, "SkipSimplifiedLayerNormalization");
    }

    /** Input indices of γ and β (β absent for the simplified norms). */
    private static int[] normParameters(Node p) {
        if (p.is(Node.MS_DOMAIN, "SkipLayerNormalization")) return new int[] {2, 3};
        if (p.is(Node.MS_DOMAIN, "SkipSimplifiedLayerNormalization")) return new int[] {2};
        if (p.opType().equals("SimplifiedLayerNormalization")) return new int[] {1};
        return new int[] {1, 2};
    }

    /** The index (0 or 1) of the input of a binary node that is a per-channel constant beside a run-time value, or -1. */
    private static int constantSide(Node p, int channels) {
        if (p.inputs().size() != 2) return -1;
        if (perChannel(p.input(1), channels) && QuantizationPlan.constantTensor(p.input(0)) == null) return 1;
        if (perChannel(p.input(0), channels) && QuantizationPlan.constantTensor(p.input(1)) == null) return 0;
        return -1;
    }

    /** A float32 constant of one value or of {@code [channels]} values. */
    private static boolean perChannel(Value v, int channels) {
        Tensor t = v == null ? null : QuantizationPlan.constantTensor(v);
        if (t == null || t.type() != DataType.FLOAT) return false;
        return t.elementCount() == 1 && t.rank() <= 1 || t.rank() == 1 && t.elementCount() == channels;
    }

    private void divideInput(Node p, int index, float[] s) {
        Tensor t = QuantizationPlan.constantTensor(p.input(index));
        float[] c = TensorCodec.toFloats(t);
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i++) out[i] = c[c.length == 1 ? 0 : i] / s[i];
        replaceInput(p, index, TensorCodec.fromFloats("", new long[] {s.length}, out));
    }

    /** Points input {@code index} of {@code n} at a new initializer holding {@code t}; the old constant goes if unread. */
    private void replaceInput(Node n, int index, Tensor t) {
        Value old = n.input(index);
        String name = old.name() + "_awq";
        n.setInput(index, graph.addInitializer(name, t.withName(name)));
        edits.dropIfUnused(old);
    }
}
