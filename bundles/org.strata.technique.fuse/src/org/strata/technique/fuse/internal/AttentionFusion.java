package org.strata.technique.fuse.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Node;
import org.strata.onnx.Shape;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Attention;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.Projection;
import org.strata.onnx.structure.QkvLayout;
import org.strata.onnx.structure.Quantization;

/**
 * Attention fusion of {@code fuse.transformer}: the self-attention of an encoder block, written out as
 *
 * <pre>
 * Q, K, V = x·Wq + bq, x·Wk + bk, x·Wv + bv                    (three MatMul [+ Add])
 * Q, V → Reshape [B, S, h, d] → Transpose (0,2,1,3);  K → Reshape → Transpose (0,2,3,1)
 * P = Softmax(Q·Kᵀ · scale + mask)                          (scale: Div/Mul by constants on the scores, Q or K)
 * context = Transpose (0,2,1,3) (P·V) → Reshape [B, S, h·d]
 * </pre>
 *
 * becomes one com.microsoft {@code Attention(x, [Wq|Wk|Wv], [bq|bk|bv], mask_index)} with {@code num_heads = h} and
 * the graph's {@code scale}. The mask must be the padding mask as BERT exporters write it,
 * {@code (1 − float(unsqueeze(attention_mask))) · c}: it becomes {@code mask_index = int32(attention_mask)}, a
 * 2-D 0/1 mask, with {@code mask_filter_value = c}; both agree for a 0/1 mask (what tokenizers produce). No
 * mask (ViT) gives an Attention without one.
 *
 * <p>Everything is checked before the rewrite: the projections are float MatMuls of one input with constant
 * weights; the Reshapes give {@code [B, S, h, d]} and {@code [B, S, h·d]} by shape inference (B and S those of
 * the input); the Transposes compose to the permutations above; only constant scalars scale; and nothing
 * outside the attention reads a value inside it. Left as they are, with the reason in the log: rotary
 * embeddings and grouped-query attention (LLaMA; the packed Attention op has neither), causal masks (GPT), a
 * QKV projection already divided by Split/Slice/Gather, quantized projections, other mask forms.
 */
final class AttentionFusion {
    private static final int[] HEADS_FIRST = {0, 2, 1, 3};
    private static final int[] KEYS_TRANSPOSED = {0, 2, 3, 1};

    /** Why an attention cannot be fused; caught per attention and logged. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** What a Q, K or V path from its projection to the attention core passes through. */
    private record HeadPath(List<Node> nodes, double scale) {
    }

    /** The padding-mask input and the value the graph adds where it hides a key. */
    private record MaskSource(Value input, double filter) {
    }

    /** A checked attention, ready to be rewritten. */
    private record Site(Block block, Value x, Value context, Projection q, Projection k, Projection v, int heads,
            double scale, MaskSource mask, Node anchor) {
    }

    private final FusionRun run;
    private final Map<Value, Value> maskIndex = new IdentityHashMap<>();

    AttentionFusion(FusionRun run) {
        this.run = run;
    }

    void fuse() {
        for (Block b : run.structure.blocks()) {
            run.context.monitor().checkCanceled();
            Attention a = b.attention();
            if (a == null || a.fused()) continue;
            try {
                rewrite(check(b, a));
            } catch (Refused e) {
                run.leave("block " + b.number() + ": " + a, e.getMessage());
            }
        }
    }

    // ---- checking -------------------------------------------------------------------------------------

    private Site check(Block b, Attention a) throws Refused {
        if (a.rotary() != null) {
            throw new Refused("it applies a rotary position embedding to Q and K, which com.microsoft Attention cannot do");
        }
        if (a.kvHeads() != a.heads()) {
            throw new Refused("grouped-query attention (" + a.kvHeads() + " key/value heads for " + a.heads()
                    + " query heads) does not fit Attention's packed QKV weight");
        }
        if (a.causal()) throw new Refused("its mask is causal; only padding masks (encoders) are fused");
        if (a.layout() != QkvLayout.SEPARATE) {
            throw new Refused("Q, K and V come from one projection divided by " + a.layout() + "; only separate Q, K, V"
                    + " projections are packed");
        }
        Projection q = a.q();
        Projection k = a.k();
        Projection v = a.v();
        Value x = q.input();
        for (Projection p : List.of(q, k, v)) {
            checkProjection(p);
            if (p.input() != x) throw new Refused("Q, K and V do not project the same value ('" + p.input().name() + "' vs '" + x.name() + "')");
            if (p.outFeatures() != (long) a.heads() * a.headSize()) {
                throw new Refused(p + " is " + p.outFeatures() + " wide, not " + a.heads() + " heads × " + a.headSize());
            }
        }
        Shape xs = shapeOf(x);
        if (xs == null || xs.rank() != 3) throw new Refused("its input '" + x.name() + "' is not known to be [batch, sequence, hidden]");
        if (typeOf(x) == null || typeOf(x).elementType() != DataType.FLOAT) throw new Refused("its input is not float");

        Node softmax = a.core();
        long axis = softmax.attrInt("axis", run.model.opset(Node.DEFAULT_DOMAIN) >= 13 ? -1 : 1);
        if (axis != -1 && axis != 3) throw new Refused(softmax.describe() + " is not over the last axis");
        Set<Node> doomed = Collections.newSetFromMap(new IdentityHashMap<>());
        doomed.add(softmax);
        double scale = 1;
        Value maskBias = null;
        Value s = softmax.input(0);
        Node product = null;
        for (int step = 0; step < 8 && product == null; step++) {
            Node p = s.producer();
            if (p == null) throw new Refused("the Softmax input is not computed from Q·Kᵀ");
            doomed.add(p);
            if (p.is(Node.DEFAULT_DOMAIN, "MatMul")) {
                product = p;
            } else if (p.is(Node.DEFAULT_DOMAIN, "Mul") || p.is(Node.DEFAULT_DOMAIN, "Div")) {
                int c = ConstantValues.scalarOperand(p);
                if (c < 0 || p.is("Div") && c != 1) throw new Refused(p.describe() + " on the scores is not a scaling by a constant");
                double f = ConstantValues.scalar(p.input(c));
                scale = p.is("Div") ? scale / f : scale * f;
                s = p.input(1 - c);
            } else if (p.is(Node.DEFAULT_DOMAIN, "Add") && p.inputs().size() == 2) {
                int m = a.masks().contains(p.input(0)) ? 0 : a.masks().contains(p.input(1)) ? 1 : -1;
                if (m < 0 || maskBias != null) throw new Refused(p.describe() + " adds something other than the one padding mask to the scores");
                maskBias = p.input(m);
                s = p.input(1 - m);
            } else {
                throw new Refused("found " + p.describe() + " between the Q·Kᵀ product and the Softmax");
            }
        }
        if (product == null) throw new Refused("the Softmax input is not computed from Q·Kᵀ within a few steps");
        if (maskBias == null && !a.masks().isEmpty()) throw new Refused("its mask is not one Add to the scores");

        HeadPath qPath = headPath(product.input(0), q.output(), HEADS_FIRST, true, a, xs);
        HeadPath kPath = headPath(product.input(1), k.output(), KEYS_TRANSPOSED, true, a, xs);
        List<Node> probsReaders = softmax.output(0).consumers();
        Node contextProduct = probsReaders.size() == 1 ? probsReaders.get(0) : null;
        if (contextProduct == null || !contextProduct.is(Node.DEFAULT_DOMAIN, "MatMul") || contextProduct.input(0) != softmax.output(0)) {
            throw new Refused("the probabilities do not go straight into one MatMul with V");
        }
        HeadPath vPath = headPath(contextProduct.input(1), v.output(), HEADS_FIRST, false, a, xs);
        doomed.add(contextProduct);

        Value context = a.o().input();
        List<Node> merge = mergeHeads(context, contextProduct.output(0), xs, a);
        doomed.addAll(merge);
        for (HeadPath h : List.of(qPath, kPath, vPath)) doomed.addAll(h.nodes());
        for (Projection p : List.of(q, k, v)) doomed.addAll(p.nodes());

        MaskSource mask = maskBias == null ? null : maskSource(maskBias, xs);
        List<Value> sources = new ArrayList<>(List.of(x));
        if (mask != null) sources.add(mask.input());
        StringBuilder why = new StringBuilder();
        if (!run.allDeadAfterReplacing(context, sources, doomed, why)) throw new Refused(why.toString());
        return new Site(b, x, context, q, k, v, a.heads(), scale * qPath.scale() * kPath.scale(), mask, a.o().node());
    }

    private static void checkProjection(Projection p) throws Refused {
        if (p.quantization() == Quantization.LOW_RANK) {
            throw new Refused(p + " is stored as two low-rank factors (lowrank.svd), which com.microsoft Attention's one packed"
                    + " QKV weight cannot hold");
        }
        if (!p.node().is(Node.DEFAULT_DOMAIN, "MatMul") || p.quantization() != Quantization.NONE || p.weightTransposed()) {
            throw new Refused(p + " is not a float MatMul with an [in, out] weight");
        }
        float[] w = ConstantValues.floats(p.weight(), 2);
        if (w == null || p.weight() != p.node().input(1)) throw new Refused(p + " has no constant float [in, out] weight as its input 1");
        if (p.bias() != null) {
            float[] bias = ConstantValues.floats(p.bias(), 1);
            if (bias == null || bias.length != p.outFeatures()) throw new Refused(p + " has no constant 1-D float bias");
        }
        for (Node n : p.nodes()) {
            if (n != p.node() && !(n.is(Node.DEFAULT_DOMAIN, "Add") && p.bias() != null && n.inputs().contains(p.bias()))) {
                throw new Refused(p + " includes " + n.describe());
            }
        }
    }

    /**
     * The path from a projection's output {@code from} to the operand {@code to} of a product: scalings by
     * constants (when {@code scaled}), one Reshape to [B, S, h, d], then Transposes composing to {@code perm}.
     */
    private HeadPath headPath(Value to, Value from, int[] perm, boolean scaled, Attention a, Shape xs) throws Refused {
        List<Node> nodes = new ArrayList<>();
        List<int[]> perms = new ArrayList<>();
        Node reshape = null;
        double scale = 1;
        Value v = to;
        for (int step = 0; step < 12 && v != from; step++) {
            Node p = v.producer();
            if (p == null) throw new Refused("'" + to.name() + "' is not computed from the projection '" + from.name() + "'");
            nodes.add(p);
            if (p.is(Node.DEFAULT_DOMAIN, "Transpose") && reshape == null) {
                long[] pp = p.attrInts("perm");
                if (pp == null || pp.length != 4) throw new Refused(p.describe() + " has no 4-D perm");
                perms.add(0, Arrays.stream(pp).mapToInt(l -> (int) l).toArray());
                v = p.input(0);
            } else if (p.is(Node.DEFAULT_DOMAIN, "Reshape") && reshape == null) {
                reshape = p;
                v = p.input(0);
            } else if (scaled && (p.is(Node.DEFAULT_DOMAIN, "Mul") || p.is(Node.DEFAULT_DOMAIN, "Div"))) {
                int c = ConstantValues.scalarOperand(p);
                if (c < 0 || p.is("Div") && c != 1) throw new Refused(p.describe() + " is not a scaling by a constant");
                double f = ConstantValues.scalar(p.input(c));
                scale = p.is("Div") ? scale / f : scale * f;
                v = p.input(1 - c);
            } else {
                throw new Refused("found " + p.describe() + " on the way from '" + from.name() + "' to the attention");
            }
        }
        if (v != from || reshape == null) throw new Refused("'" + to.name() + "' is not a reshape of '" + from.name() + "' into heads");
        Shape rs = shapeOf(reshape.output(0));
        if (!sameDims(rs, xs.dim(0), xs.dim(1), Dim.of(a.heads()), Dim.of(a.headSize()))) {
            throw new Refused(reshape.describe() + " gives " + rs + ", not [" + xs.dim(0) + ", " + xs.dim(1) + ", " + a.heads()
                    + ", " + a.headSize() + "]");
        }
        int[] layout = {0, 1, 2, 3};
        for (int[] p : perms) {
            int[] next = new int[4];
            for (int i = 0; i < 4; i++) next[i] = layout[p[i]];
            layout = next;
        }
        if (!Arrays.equals(layout, perm)) {
            throw new Refused("the Transposes after " + reshape.describe() + " give the layout " + Arrays.toString(layout) + ", not "
                    + Arrays.toString(perm));
        }
        return new HeadPath(nodes, scale);
    }

    /** The Transposes and the Reshape from the heads' context {@code heads} [B, h, S, d] to {@code context} [B, S, h·d]. */
    private List<Node> mergeHeads(Value context, Value heads, Shape xs, Attention a) throws Refused {
        Node reshape = context.producer();
        if (reshape == null || !reshape.is(Node.DEFAULT_DOMAIN, "Reshape")) {
            throw new Refused("the output projection does not read a Reshape of the heads' context");
        }
        List<Node> nodes = new ArrayList<>(List.of(reshape));
        List<int[]> perms = new ArrayList<>();
        Value v = reshape.input(0);
        for (int step = 0; step < 4 && v != heads; step++) {
            Node p = v.producer();
            if (p == null || !p.is(Node.DEFAULT_DOMAIN, "Transpose") || p.attrInts("perm") == null || p.attrInts("perm").length != 4) {
                throw new Refused("found " + (p == null ? "'" + v.name() + "'" : p.describe()) + " between the context product and its Reshape");
            }
            nodes.add(p);
            perms.add(0, Arrays.stream(p.attrInts("perm")).mapToInt(l -> (int) l).toArray());
            v = p.input(0);
        }
        if (v != heads) throw new Refused("the output projection does not read the context product through Transpose and Reshape");
        int[] layout = {0, 1, 2, 3};
        for (int[] p : perms) {
            int[] next = new int[4];
            for (int i = 0; i < 4; i++) next[i] = layout[p[i]];
            layout = next;
        }
        if (!Arrays.equals(layout, HEADS_FIRST)) throw new Refused("the context is transposed to " + Arrays.toString(layout) + ", not [0, 2, 1, 3]");
        Shape cs = shapeOf(context);
        if (!sameDims(cs, xs.dim(0), xs.dim(1), Dim.of((long) a.heads() * a.headSize()))) {
            throw new Refused(reshape.describe() + " gives " + cs + ", not [" + xs.dim(0) + ", " + xs.dim(1) + ", "
                    + (long) a.heads() * a.headSize() + "]");
        }
        return nodes;
    }

    /**
     * The padding mask behind {@code bias = (1 − float(unsqueeze(mask))) · c}, as [B, 1, 1, S] for an input of
     * shape {@code xs} [B, S, H], from an integer or bool graph input [B, S].
     */
    private MaskSource maskSource(Value bias, Shape xs) throws Refused {
        MaskSource slots = slotMask(bias, xs);
        if (slots != null) return slots;
        Node mul = bias.producer();
        int c = mul == null || !mul.is(Node.DEFAULT_DOMAIN, "Mul") ? -1 : ConstantValues.scalarOperand(mul);
        double filter = c < 0 ? Double.NaN : ConstantValues.scalar(mul.input(c));
        if (c < 0 || !(filter < 0) || Double.isInfinite(filter)) {
            throw new Refused("its mask is not (1 − mask) · c with a finite negative constant c");
        }
        Node sub = mul.input(1 - c).producer();
        if (sub == null || !sub.is(Node.DEFAULT_DOMAIN, "Sub") || !ConstantValues.isScalar(sub.input(0), 1, 0)) {
            throw new Refused("its mask is not (1 − mask) · c");
        }
        Value m = sub.input(1);
        for (int step = 0; step < 6 && m.producer() != null; step++) {
            Node p = m.producer();
            boolean toFloat = p.is(Node.DEFAULT_DOMAIN, "Cast") && p.attrInt("to", -1) == DataType.FLOAT.code();
            if (!toFloat && !p.is(Node.DEFAULT_DOMAIN, "Unsqueeze")) throw new Refused("its mask passes " + p.describe());
            m = p.input(0);
        }
        if (!m.isGraphInput()) throw new Refused("its mask does not come from a model input");
        TensorType mt = m.type();
        if (mt == null || mt.elementType() != DataType.INT64 && mt.elementType() != DataType.INT32 && mt.elementType() != DataType.BOOL) {
            throw new Refused("the mask input '" + m.name() + "' is not integer or bool");
        }
        if (!sameDims(shapeOf(m), xs.dim(0), xs.dim(1))) throw new Refused("the mask input '" + m.name() + "' is not [batch, sequence]");
        if (!sameDims(shapeOf(bias), xs.dim(0), Dim.of(1), Dim.of(1), xs.dim(1))) {
            throw new Refused("the mask added to the scores is " + shapeOf(bias) + ", not [batch, 1, 1, sequence]");
        }
        return new MaskSource(m, filter);
    }

    /**
     * The mask of a token-reduced sequence ({@code tokens.*}): {@code bias = unsqueeze(Where(used, 0, c), [1, 2])} with
     * a boolean {@code used} [B, S] and a finite negative constant c, as [B, 1, 1, S]: {@code mask_index = int32(used)}
     * with {@code mask_filter_value = c}. Null when the bias has another form.
     */
    private MaskSource slotMask(Value bias, Shape xs) throws Refused {
        Node unsqueeze = bias.producer();
        if (unsqueeze == null || !unsqueeze.is(Node.DEFAULT_DOMAIN, "Unsqueeze")) return null;
        Node where = unsqueeze.input(0).producer();
        if (where == null || !where.is(Node.DEFAULT_DOMAIN, "Where") || !ConstantValues.isScalar(where.input(1), 0, 0)) return null;
        double filter = ConstantValues.scalar(where.input(2));
        if (!(filter < 0) || Double.isInfinite(filter)) return null;
        Value used = where.input(0);
        if (!isBoolean(used)) return null;
        if (!sameDims(shapeOf(used), xs.dim(0), xs.dim(1))) throw new Refused("the slot mask '" + used.name() + "' is not [batch, sequence]");
        if (!sameDims(shapeOf(bias), xs.dim(0), Dim.of(1), Dim.of(1), xs.dim(1))) {
            throw new Refused("the mask added to the scores is " + shapeOf(bias) + ", not [batch, 1, 1, sequence]");
        }
        return new MaskSource(used, filter);
    }

    private static final java.util.Set<String> COMPARISONS = java.util.Set.of("Greater", "Less", "Equal", "GreaterOrEqual",
            "LessOrEqual", "Not", "And", "Or", "Xor");

    /** Whether {@code v} is a bool tensor: typed so, or made by a comparison or logical op. */
    private boolean isBoolean(Value v) {
        TensorType t = typeOf(v) != null ? typeOf(v) : v.type();
        if (t != null && t.elementType() != null) return t.elementType() == DataType.BOOL;
        Node p = v.producer();
        return p != null && p.domain().isEmpty() && COMPARISONS.contains(p.opType());
    }

    // ---- rewriting ------------------------------------------------------------------------------------

    private void rewrite(Site s) {
        long in = s.q().inFeatures();
        long width = s.q().outFeatures();
        float[] packed = new float[(int) (in * 3 * width)];
        float[] bias = new float[(int) (3 * width)];
        List<Projection> parts = List.of(s.q(), s.k(), s.v());
        for (int j = 0; j < 3; j++) {
            Projection p = parts.get(j);
            float[] w = ConstantValues.floats(p.weight(), 2);
            for (int r = 0; r < in; r++) System.arraycopy(w, (int) (r * width), packed, (int) (r * 3 * width + j * width), (int) width);
            if (p.bias() != null) System.arraycopy(ConstantValues.floats(p.bias(), 1), 0, bias, (int) (j * width), (int) width);
        }
        String base = "block" + s.block().number() + "_attention_qkv";
        String wName = run.graph.uniqueName(base + "_weight");
        Value w = run.graph.addInitializer(wName, TensorCodec.fromFloats(wName, new long[] {in, 3 * width}, packed));
        String bName = run.graph.uniqueName(base + "_bias");
        Value b = run.graph.addInitializer(bName, TensorCodec.fromFloats(bName, new long[] {3 * width}, bias));
        List<Value> inputs = new ArrayList<>(List.of(run.current(s.x()), w, b));
        List<Attribute> attrs = new ArrayList<>(List.of(Attribute.of("num_heads", (long) s.heads()), Attribute.of("scale", (float) s.scale())));
        if (s.mask() != null) {
            inputs.add(maskIndex(s.mask().input()));
            attrs.add(Attribute.of("mask_filter_value", (float) s.mask().filter()));
        }
        Node attention = run.addContribNode("Attention", inputs, List.of(s.context().name() + "_attention"), attrs);
        run.graph.insertBefore(s.anchor(), attention);
        run.replace(s.context(), attention.output(0));
        run.fused("attentions", s.block().number());
    }

    /** The int32 [B, S] mask_index for the mask input {@code m}: one Cast shared by all attentions. */
    private Value maskIndex(Value m) {
        return maskIndex.computeIfAbsent(m, input -> {
            TensorType t = typeOf(input) != null ? typeOf(input) : input.type();
            if (t != null && t.elementType() == DataType.INT32) return input;
            Node cast = run.graph.addNode(Node.DEFAULT_DOMAIN, "Cast", List.of(input), List.of(input.name() + "_mask_index"),
                    List.of(Attribute.of("to", (long) DataType.INT32.code())));
            if (t != null) cast.output(0).setType(new TensorType(DataType.INT32, t.shape()));
            return cast.output(0);
        });
    }

    // ---- inferred shapes ------------------------------------------------------------------------------

    private TensorType typeOf(Value v) {
        return run.inferredType(v);
    }

    private Shape shapeOf(Value v) {
        return run.inferredShape(v);
    }

    /** True when {@code s} is known to have exactly {@code dims}: equal fixed sizes or the same symbol. */
    static boolean sameDims(Shape s, Dim... dims) {
        if (s == null || s.rank() != dims.length) return false;
        for (int i = 0; i < dims.length; i++) {
            Dim a = s.dim(i);
            Dim b = dims[i];
            boolean same = a instanceof Dim.Fixed fa && b instanceof Dim.Fixed fb && fa.size() == fb.size()
                    || a instanceof Dim.Symbolic sa && b instanceof Dim.Symbolic sb && sa.name().equals(sb.name());
            if (!same) return false;
        }
        return true;
    }
}
