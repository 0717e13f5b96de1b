package org.strata.technique.quantize.internal;

import java.util.Collection;
import java.util.List;

import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;

/**
 * Divides an activation by a per-channel scale (its last axis) for the products that read it, as AWQ needs:
 * folded into the op that computes it when that is exact, otherwise by a Mul inserted before the products.
 * Folding rules, for an activation read by nothing but those products:
 * <ul>
 * <li>LayerNormalization, SimplifiedLayerNormalization, com.microsoft SkipLayerNormalization and
 * SkipSimplifiedLayerNormalization (output 0 only): γ and β divided;</li>
 * <li>{@code Mul(a, c)} with a constant c of one value or one per channel: c divided (a decomposed norm's γ);</li>
 * <li>{@code Add(a, c)} with such a constant c and {@code a} read only by the Add and foldable itself: c
 * divided and the rule applied to a (a decomposed norm's {@code γ·x̂ + β}).</li>
 * </ul>
 * Constants are replaced by divided copies, never edited in place, so other readers are unaffected.
 */
final class ScaleFolding {
    private final Graph graph;
    private final GraphEdits edits;
    int folded;
    int inserted;

    ScaleFolding(Graph graph, GraphEdits edits) {
        this.graph = graph;
        this.edits = edits;
    }

    /**
     * Makes {@code readers} see {@code x / s}.
     *
     * @param anchor the first of the readers in graph order (an inserted Mul goes before it)
     */
    void divide(Value x, float[] s, Collection<Node> readers, Node anchor) {
        if (!x.isGraphOutput() && !x.isGraphInput() && x.consumers().stream().allMatch(readers::contains) && fold(x, s, true)) {
            folded++;
            return;
        }
        float[] inverse = new float[s.length];
        for (int i = 0; i < s.length; i++) inverse[i] = 1f / s[i];
        Value c = graph.addInitializer(x.name() + "_awq_inverse_scale", TensorCodec.fromFloats(x.name() + "_awq_inverse_scale",
                new long[] {s.length}, inverse));
        Value scaled = edits.insert(anchor, Node.DEFAULT_DOMAIN, "Mul", x.name() + "_awq_scale", List.of(x, c), List.of()).output(0);
        for (Node r : readers) {
            for (int i = 0; i < r.inputs().size(); i++) if (r.input(i) == x) r.setInput(i, scaled);
        }
        inserted++;
    }

    /** Folds {@code 1/s} into the producer of {@code v}; {@code apply} false only checks. */
    private boolean fold(Value v, float[] s, boolean apply) {
        if (!check(v, s)) return false;
        if (apply) doFold(v, s);
        return true;
    }

    private boolean check(Value v, float[] s) {
        Node p = v.producer();
        if (p == null || p.output(0) != v) return false;
        if (isNorm(p)) {
            int[] params = normParameters(p);
            for (int i : params) {
                if (p.input(i) != null && !perChannel(p.input(i), s.length)) return false;
            }
            return p.input(params[0]) != null;
        }
        if (p.is("Mul")) return constantSide(p, s.length) >= 0;
        if (p.is("Add")) {
            int c = constantSide(p, s.length);
            if (c < 0) return false;
            Value a = p.input(1 - c);
            return a.consumers().size() == 1 && !a.isGraphOutput() && check(a, s);
        }
        return false;
    }

    private void doFold(Value v, float[] s) {
        Node p = v.producer();
        if (isNorm(p)) {
            for (int i : normParameters(p)) if (p.input(i) != null) divideInput(p, i, s);
        } else if (p.is("Mul")) {
            divideInput(p, constantSide(p, s.length), s);
        } else {
            int c = constantSide(p, s.length);
            divideInput(p, c, s);
            doFold(p.input(1 - c), s);
        }
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

    /** The index (0 or 1) of the input of a binary node that is a per-channel constant, or -1. */
    private static int constantSide(Node p, int channels) {
        if (p.inputs().size() != 2) return -1;
        if (perChannel(p.input(1), channels) && QuantizationPlan.constantTensor(p.input(0)) == null) return 1;
        if (perChannel(p.input(0), channels) && QuantizationPlan.constantTensor(p.input(1)) == null) return 0;
        return -1;
    }

    /** A float32 constant of one value or {@code [channels]} values. */
    private static boolean perChannel(Value v, int channels) {
        Tensor t = v == null ? null : QuantizationPlan.constantTensor(v);
        if (t == null || t.type() != org.strata.onnx.DataType.FLOAT) return false;
        return t.elementCount() == 1 && t.rank() <= 1 || t.rank() == 1 && t.elementCount() == channels;
    }

    private void divideInput(Node p, int index, float[] s) {
        Value old = p.input(index);
        float[] c = TensorCodec.toFloats(QuantizationPlan.constantTensor(old));
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i++) out[i] = c[c.length == 1 ? 0 : i] / s[i];
        String name = old.name() + "_awq";
        p.setInput(index, graph.addInitializer(name, TensorCodec.fromFloats(name, new long[] {s.length}, out)));
        edits.dropIfUnused(old);
    }
}
