package org.strata.technique.fuse.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Shape;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.Norm;
import org.strata.onnx.structure.NormKind;
import org.strata.onnx.structure.NormPlacement;
import org.strata.onnx.structure.Residual;

/**
 * Norm fusions of {@code fuse.transformer}, from the discovered norms and residuals.
 *
 * <ol>
 * <li><b>skip norm</b>: a residual Add whose sum a decomposed LayerNorm (RMSNorm) reads becomes one com.microsoft
 * {@code SkipLayerNormalization(branch, stream, γ, β)} ({@code SkipSimplifiedLayerNormalization(branch, stream, γ)}).
 * Post-LN (BERT, MiniLM) only the norm reads the sum; pre-LN (GPT, ViT, LLaMA, pre-LN BERT) the attention residual's
 * sum also goes on in the residual stream, and the fused node hands it on as its optional output 3 (input + skip +
 * bias). A pre-LN FFN residual is left as it is: the block's output would be inside the next block's (or the final)
 * skip norm, which structure discovery rejects ("chained skip norms"), so later steps could no longer see the blocks;
 * its norm becomes a plain LayerNormalization. When the
 * branch ends in {@code MatMul + Add(bias)} and nothing else reads that sum, the bias becomes the fused node's bias
 * input.</li>
 * <li><b>plain norm</b>: any other decomposed LayerNorm becomes {@code LayerNormalization(x, γ, β)} and any other
 * RMSNorm {@code SimplifiedLayerNormalization(x, γ)}, axis −1. Below opset 17 both are the schemas ONNX Runtime
 * registers as contrib ops in the default domain (see {@link #LN_DOMAIN}).</li>
 * </ol>
 * A norm is fused only when it is plain float32, reduces over the last axis alone, squares with exponent exactly 2,
 * has a constant 1-D γ (and β) and a readable ε; anything else is left as it is and the log says why.
 */
final class NormFusion {
    /**
     * The domain of LayerNormalization and SimplifiedLayerNormalization: the default one. ONNX Runtime registers
     * both as contrib schemas in the ONNX domain from version 1 (so below opset 17 such a model runs on ORT only);
     * com.microsoft:LayerNormalization is not registered (ORT 1.29: "not a registered function/op").
     */
    static final String LN_DOMAIN = Node.DEFAULT_DOMAIN;

    private final FusionRun run;
    private final List<Norm> norms = new ArrayList<>();
    /** Norms fused, or left with a logged reason: each is decided once. */
    private final Set<Norm> done = Collections.newSetFromMap(new IdentityHashMap<>());

    NormFusion(FusionRun run) {
        this.run = run;
        var s = run.structure;
        if (s.embeddings() != null && s.embeddings().norm() != null) norms.add(s.embeddings().norm());
        for (Block b : s.blocks()) norms.addAll(b.norms());
        if (s.finalNorm() != null) norms.add(s.finalNorm());
    }

    /**
     * The residual Adds and the norms reading their sums, fused into skip norms; then any other decomposed norm
     * reading an Add of two run-time values (the embeddings' token + position sum), the second of which may be
     * broadcast over the batch as SkipLayerNormalization allows ([1, S, H] or [S, H]); not when the sum is also the
     * residual stream (GPT's embeddings), which discovery must see as an Add.
     */
    void fuseSkipNorms() {
        for (Block b : run.structure.blocks()) {
            for (Residual r : b.residuals()) {
                run.context.monitor().checkCanceled();
                if (r == null || r.fusedWithNorm()) continue;
                Value sum = r.node().output(0);
                Norm norm = norms.stream().filter(n -> !done.contains(n) && !n.fused() && n.input() == sum).findFirst().orElse(null);
                if (norm == null) continue;
                String where = "block " + b.number() + ": " + norm + " after " + r.node().describe();
                String why = r.branch() == r.stream() ? "the residual adds a value to itself"
                        : r == b.ffnResidual() && b.placement() == NormPlacement.PRE_LN
                                ? "pre-LN, the block's output would be fused into the next norm (the next block's or the final"
                                        + " one), which structure discovery (and so every later step) cannot follow"
                                : null;
                if (why != null) {
                    run.leave(where, why); // the norm alone may still be fused
                    continue;
                }
                fuseSkip(where, b.number(), r.node(), run.current(r.branch()), run.current(r.stream()), norm, true);
            }
        }
        Set<Node> residuals = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Block b : run.structure.blocks()) for (Residual r : b.residuals()) if (r != null) residuals.add(r.node());
        for (Norm norm : norms) {
            run.context.monitor().checkCanceled();
            if (done.contains(norm) || norm.fused()) continue;
            Value x = run.current(norm.input());
            Node add = x.producer();
            if (add == null || residuals.contains(add) || !add.is(Node.DEFAULT_DOMAIN, "Add") || add.inputs().size() != 2 || add.input(0) == add.input(1)) continue;
            if (ConstantValues.isConstant(add.input(0)) || ConstantValues.isConstant(add.input(1))) continue;
            Shape sum = run.inferredShape(x);
            if (sum == null || sum.rank() != 3) continue;
            int full = skipBroadcasts(sum, run.inferredShape(add.input(1))) ? 0 : skipBroadcasts(sum, run.inferredShape(add.input(0))) ? 1 : -1;
            if (full < 0 || !AttentionFusion.sameDims(run.inferredShape(add.input(full)), sum.dim(0), sum.dim(1), sum.dim(2))) continue;
            if (passesSumOn(x, norm)) continue; // the sum starts the residual stream (GPT): discovery needs it as an Add
            fuseSkip(norm + " after " + add.describe(), blockOf(norm), add, add.input(full), add.input(1 - full), norm, false);
        }
    }

    /** True when SkipLayerNormalization can take {@code skip} for an input of shape {@code input} [B, S, H]. */
    private static boolean skipBroadcasts(Shape input, Shape skip) {
        return AttentionFusion.sameDims(skip, input.dim(0), input.dim(1), input.dim(2))
                || AttentionFusion.sameDims(skip, Dim.of(1), input.dim(1), input.dim(2))
                || AttentionFusion.sameDims(skip, input.dim(1), input.dim(2));
    }

    private int blockOf(Norm norm) {
        for (Block b : run.structure.blocks()) if (b.norms().contains(norm)) return b.number();
        return 0;
    }

    private void fuseSkip(String where, int block, Node add, Value branch, Value stream, Norm norm, boolean foldBias) {
        Value sum = add.output(0);
        String why = unfusable(run.model, norm, run.current(norm.input()));
        if (why != null) {
            run.leave(where, why);
            done.add(norm);
            return;
        }
        boolean layerNorm = norm.kind() == NormKind.LAYER_NORM;
        boolean keepSum = passesSumOn(sum, norm);
        List<Value> inputs = new ArrayList<>(List.of(branch, stream, norm.scale()));
        if (layerNorm) inputs.add(norm.bias());
        Node biasAdd = foldBias ? foldableBias(branch, norm) : null;
        if (biasAdd != null) {
            boolean first = isBias(biasAdd.input(0), norm);
            inputs.set(0, first ? biasAdd.input(1) : biasAdd.input(0));
            inputs.add(first ? biasAdd.input(0) : biasAdd.input(1));
            run.fused("biases-folded", block);
        }
        String base = norm.output().name();
        List<String> outputs = keepSum ? List.of(base + "_skip", base + "_mean", base + "_inv_std", sum.name() + "_skip_sum")
                : List.of(base + "_skip");
        Node fused = run.addContribNode(layerNorm ? "SkipLayerNormalization" : "SkipSimplifiedLayerNormalization", inputs,
                outputs, List.of(Attribute.of("epsilon", (float) norm.epsilon())));
        run.graph.insertBefore(add, fused);
        run.replace(norm.output(), fused.output(0));
        if (keepSum) run.replace(sum, fused.output(3));
        done.add(norm);
        run.fused(layerNorm ? "skip-layer-norms" : "skip-rms-norms", block);
        if (keepSum) run.fused("sums-kept", block);
    }

    /** The decomposed norms no skip norm took, fused on their own. */
    void fusePlainNorms() {
        boolean standard = run.model.opset(Node.DEFAULT_DOMAIN) >= 17;
        for (Norm norm : norms) {
            run.context.monitor().checkCanceled();
            if (done.contains(norm) || norm.fused()) continue;
            Value x = run.current(norm.input());
            String why = unfusable(run.model, norm, x);
            if (why != null) {
                run.leave(norm + " reading '" + norm.input().name() + "'", why);
                done.add(norm);
                continue;
            }
            boolean layerNorm = norm.kind() == NormKind.LAYER_NORM;
            List<Value> inputs = new ArrayList<>(List.of(x, norm.scale()));
            if (layerNorm && norm.bias() != null) inputs.add(norm.bias());
            Node fused = run.graph.addNode(standard ? Node.DEFAULT_DOMAIN : LN_DOMAIN,
                    layerNorm ? "LayerNormalization" : "SimplifiedLayerNormalization", inputs,
                    List.of(norm.output().name() + (layerNorm ? "_ln" : "_rms")),
                    List.of(Attribute.of("axis", -1L), Attribute.of("epsilon", (float) norm.epsilon())));
            run.graph.insertBefore(norm.output().producer(), fused);
            run.replace(norm.output(), fused.output(0));
            done.add(norm);
            run.fused(layerNorm ? "layer-norms" : "rms-norms", blockOf(norm));
        }
    }

    /**
     * The Add of a 1-D float bias to a MatMul's product that computes {@code branch}, when the skip norm can take
     * the bias as its bias input instead: only the residual Add reads the branch.
     */
    private static Node foldableBias(Value branch, Norm norm) {
        Node add = branch.producer();
        if (add == null || !add.is(Node.DEFAULT_DOMAIN, "Add") || add.inputs().size() != 2) return null;
        if (branch.isGraphOutput() || branch.consumers().size() != 1) return null;
        for (int i = 0; i < 2; i++) {
            Value product = add.input(1 - i);
            if (!isBias(add.input(i), norm) || product == null) continue;
            Node mm = product.producer();
            if (mm != null && mm.is(Node.DEFAULT_DOMAIN, "MatMul") && !product.isInitializer()) return add;
        }
        return null;
    }

    private static boolean isBias(Value v, Norm norm) {
        return v != null && oneDimFloat(v, "bias") == null && v.initializer().dims()[0] == norm.scale().initializer().dims()[0];
    }

    /** True when {@code sum} is needed besides by {@code norm}, so a skip norm would have to pass it on as output 3. */
    private static boolean passesSumOn(Value sum, Norm norm) {
        return sum.isGraphOutput() || !onlyReadBy(sum, norm);
    }

    /** True when every reader of {@code sum} belongs to {@code norm}. */
    private static boolean onlyReadBy(Value sum, Norm norm) {
        Set<Node> own = Collections.newSetFromMap(new IdentityHashMap<>());
        own.addAll(norm.nodes());
        return sum.consumers().stream().allMatch(own::contains);
    }

    /** Why {@code norm} cannot become one fused float32 norm over the last axis reading {@code x}, or null when it can. */
    static String unfusable(Model model, Norm norm, Value x) {
        if (norm.fused()) return "it is fused already";
        if (norm.kind() != NormKind.LAYER_NORM && norm.kind() != NormKind.RMS_NORM) return "it is a " + norm.kind();
        if (Double.isNaN(norm.epsilon()) || norm.epsilon() < 0) return "its ε cannot be read";
        if (norm.scale() == null) return "it has no scale γ";
        String p = oneDimFloat(norm.scale(), "γ");
        if (p == null && norm.bias() != null) p = oneDimFloat(norm.bias(), "β");
        if (p != null) return p;
        long width = norm.scale().initializer().dims()[0];
        if (norm.bias() != null && norm.bias().initializer().dims()[0] != width) return "γ and β differ in length";
        boolean layerNorm = norm.kind() == NormKind.LAYER_NORM;
        boolean readsX = layerNorm
                ? norm.nodes().stream().anyMatch(n -> n.is("ReduceMean") && n.input(0) == x)
                        && norm.nodes().stream().anyMatch(n -> n.is("Sub") && n.input(0) == x)
                : norm.nodes().stream().anyMatch(n -> (n.is("Pow") || n.is("Mul")) && n.input(0) == x)
                        && norm.nodes().stream().anyMatch(n -> (n.is("Div") || n.is("Mul")) && n.inputs().contains(x));
        if (!readsX) return "it does not read '" + x.name() + "' directly (a cast or copy in between)";
        TensorType xt = x.type();
        if (xt != null && xt.elementType() != DataType.FLOAT) return "it normalises " + xt.elementType() + ", not float";
        for (Node n : norm.nodes()) {
            if (!n.domain().equals(Node.DEFAULT_DOMAIN)) return "it contains " + n.describe();
            switch (n.opType()) {
                case "ReduceMean" -> {
                    String why = lastAxisOnly(n, xt);
                    if (why != null) return why;
                }
                case "Pow" -> {
                    if (!ConstantValues.isScalar(n.input(1), 2, 0)) return n.describe() + " does not square (exponent is not 2)";
                }
                case "Div" -> {
                    if (ConstantValues.isConstant(n.input(0)) && !ConstantValues.isScalar(n.input(0), 1, 0)) {
                        return n.describe() + " divides a constant other than 1";
                    }
                }
                case "Sub", "Add", "Sqrt", "Mul", "Reciprocal" -> {
                }
                default -> {
                    return "it contains " + n.describe();
                }
            }
        }
        return null;
    }

    private static String oneDimFloat(Value v, String what) {
        if (!v.isInitializer()) return what + " '" + v.name() + "' is not an initializer";
        Tensor t = v.initializer();
        if (t.type() != DataType.FLOAT || t.rank() != 1) return what + " '" + v.name() + "' is not a 1-D float tensor";
        return null;
    }

    private static String lastAxisOnly(Node reduce, TensorType xt) {
        long keep = reduce.attrInt("keepdims", 1);
        if (keep != 1) return reduce.describe() + " does not keep dims";
        long[] axes;
        if (reduce.hasAttribute("axes")) {
            axes = reduce.attrInts("axes");
        } else if (reduce.inputs().size() > 1 && reduce.input(1) != null && reduce.input(1).isInitializer()) {
            Tensor t = reduce.input(1).initializer();
            if (t.type() != DataType.INT64) return reduce.describe() + " has axes of type " + t.type();
            java.nio.LongBuffer b = t.data().asLongBuffer();
            axes = new long[b.remaining()];
            b.get(axes);
        } else {
            return reduce.describe() + " has no constant axes";
        }
        if (axes.length != 1) return reduce.describe() + " reduces " + axes.length + " axes";
        if (axes[0] == -1) return null;
        if (xt != null && xt.shape() != null && xt.shape().rank() == axes[0] + 1) return null;
        return reduce.describe() + " reduces axis " + axes[0] + ", not (known to be) the last";
    }
}
