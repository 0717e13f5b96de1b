package org.strata.technique.fuse.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.strata.core.Change;
import org.strata.core.GraphForm;
import org.strata.core.ParameterSpec;
import org.strata.core.Parameters;
import org.strata.core.TargetRuntime;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueDescriptor;
import org.strata.core.TechniqueException;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.Norm;
import org.strata.onnx.structure.NormKind;
import org.strata.onnx.structure.NormPlacement;
import org.strata.onnx.structure.Residual;
import org.strata.onnx.structure.TransformerStructure;

/**
 * {@code fuse.transformer}: lossless operator fusion for ONNX Runtime, from the discovered structure (never
 * from names).
 *
 * <ol>
 * <li>{@code skip-layer-norm}: a residual Add whose sum only a decomposed LayerNorm reads (post-LN, as in
 * BERT/MiniLM) becomes one com.microsoft {@code SkipLayerNormalization(branch, stream, γ, β)}. A site whose sum
 * has other readers is left alone.</li>
 * <li>{@code layer-norm}: any other decomposed LayerNorm (e.g. the embedding norm) becomes
 * {@code LayerNormalization(x, γ, β)} with axis −1: the standard op from opset 17; below, the op of the same
 * name ONNX Runtime registers as a contrib schema in the default domain (see {@link #LN_DOMAIN_BEFORE_17}).</li>
 * </ol>
 * A norm is fused only when it is plain float32, reduces over the last axis alone, has a constant 1-D γ (and
 * β, if any) and a readable ε; anything else is left as it is. The target must be ONNX Runtime.
 */
@Component(service = Technique.class)
public final class TransformerFusion implements Technique {
    static final String ID = "fuse.transformer";
    static final String SKIP_LAYER_NORM = "skip-layer-norm";
    static final String LAYER_NORM = "layer-norm";
    /**
     * The domain of LayerNormalization for a model below opset 17: the default one. ONNX Runtime registers
     * LayerNormalization as a contrib schema in the ONNX domain from version 1 (so such a model runs on ORT only);
     * com.microsoft:LayerNormalization is not registered (ORT 1.29: "not a registered function/op").
     */
    static final String LN_DOMAIN_BEFORE_17 = Node.DEFAULT_DOMAIN;

    private static final TechniqueDescriptor DESCRIPTOR = new TechniqueDescriptor(ID, "Transformer op fusion", "fuse",
            "Fuses residual Add + decomposed LayerNorm into SkipLayerNormalization and other decomposed LayerNorms into"
                    + " LayerNormalization (ONNX Runtime); outputs match within the lossless tolerance",
            true,
            List.of(ParameterSpec.bool(SKIP_LAYER_NORM, true,
                            "fuse a residual Add and the decomposed LayerNorm after it (post-LN) into com.microsoft SkipLayerNormalization"),
                    ParameterSpec.bool(LAYER_NORM, true, "fuse the remaining decomposed LayerNorms into LayerNormalization")),
            EnumSet.allOf(GraphForm.class), Double.NaN);

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Change apply(Model model, Parameters params, TechniqueContext context) {
        if (context.target() != TargetRuntime.ONNXRUNTIME) {
            throw new TechniqueException(ID + " needs the com.microsoft contrib ops of ONNX Runtime (SkipLayerNormalization,"
                    + " LayerNormalization below opset 17), but the pipeline's target runtime is " + context.target()
                    + "; set the target to ONNXRUNTIME or leave this step out");
        }
        Graph g = model.graph();
        TransformerStructure s = context.structure();
        int nodesBefore = g.nodes().size();
        Set<Node> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(g.nodes());

        List<Norm> norms = new ArrayList<>();
        if (s.embeddings() != null && s.embeddings().norm() != null) norms.add(s.embeddings().norm());
        for (Block b : s.blocks()) norms.addAll(b.norms());
        if (s.finalNorm() != null) norms.add(s.finalNorm());
        Set<Norm> done = Collections.newSetFromMap(new IdentityHashMap<>());
        // The structure was discovered before any rewrite: a value it names may since have been replaced.
        Map<Value, Value> replaced = new IdentityHashMap<>();
        List<Integer> blocks = new ArrayList<>();
        int skipped = 0;
        int sln = 0;
        int ln = 0;
        int biases = 0;

        if (params.getBoolean(SKIP_LAYER_NORM)) {
            for (Block b : s.blocks()) {
                for (Residual r : b.residuals()) {
                    context.monitor().checkCanceled();
                    if (r == null || r.fusedWithNorm()) continue;
                    Value sum = r.node().output(0);
                    // Post-LN only: the block's own norm reads the sum. (Pre-LN, the sum goes on in the stream; fusing
                    // the last one with the final norm would leave the last block without an output value.)
                    if (b.placement() != NormPlacement.POST_LN) continue;
                    Norm norm = b.norms().stream().filter(n -> n.input() == sum && !done.contains(n)).findFirst().orElse(null);
                    if (norm == null) continue;
                    String why = unfusable(model, norm, current(replaced, norm.input()));
                    if (why == null && !onlyReadBy(sum, norm)) why = "its residual sum '" + sum.name() + "' has other readers";
                    if (why == null && r.branch() == r.stream()) why = "the residual adds a value to itself";
                    if (why != null) {
                        context.log(ID + ": block " + b.number() + ": left " + norm + " after " + r.node().describe() + " as it is: " + why);
                        skipped++;
                        continue;
                    }
                    Value branch = current(replaced, r.branch());
                    Node biasAdd = foldableBias(branch, norm);
                    List<Value> inputs = new ArrayList<>(List.of(branch, current(replaced, r.stream()), norm.scale()));
                    if (norm.bias() != null) inputs.add(norm.bias());
                    if (biasAdd != null) {
                        boolean first = biasAdd.input(1).isInitializer();
                        inputs.set(0, first ? biasAdd.input(0) : biasAdd.input(1));
                        inputs.add(first ? biasAdd.input(1) : biasAdd.input(0));
                        biases++;
                    }
                    Node fused = g.addNode(Node.MS_DOMAIN, "SkipLayerNormalization", inputs,
                            List.of(norm.output().name() + "_skip_ln"), List.of(Attribute.of("epsilon", (float) norm.epsilon())));
                    fused.output(0).setType(norm.output().type());
                    g.insertBefore(r.node(), fused);
                    g.replaceAllUsesWith(norm.output(), fused.output(0));
                    replaced.put(norm.output(), fused.output(0));
                    done.add(norm);
                    if (!blocks.contains(b.number())) blocks.add(b.number());
                    sln++;
                }
            }
        }
        if (params.getBoolean(LAYER_NORM)) {
            boolean standard = model.opset(Node.DEFAULT_DOMAIN) >= 17;
            for (Norm norm : norms) {
                context.monitor().checkCanceled();
                if (done.contains(norm) || norm.fused() || norm.kind() != NormKind.LAYER_NORM) continue;
                String why = unfusable(model, norm, current(replaced, norm.input()));
                if (why != null) {
                    context.log(ID + ": left " + norm + " reading '" + norm.input().name() + "' as it is: " + why);
                    skipped++;
                    continue;
                }
                List<Value> inputs = new ArrayList<>(List.of(current(replaced, norm.input()), norm.scale()));
                if (norm.bias() != null) inputs.add(norm.bias());
                Node fused = g.addNode(standard ? Node.DEFAULT_DOMAIN : LN_DOMAIN_BEFORE_17, "LayerNormalization", inputs,
                        List.of(norm.output().name() + "_ln"),
                        List.of(Attribute.of("axis", -1L), Attribute.of("epsilon", (float) norm.epsilon())));
                fused.output(0).setType(norm.output().type());
                g.insertBefore(norm.output().producer(), fused);
                g.replaceAllUsesWith(norm.output(), fused.output(0));
                replaced.put(norm.output(), fused.output(0));
                done.add(norm);
                for (Block b : s.blocks()) if (b.norms().contains(norm) && !blocks.contains(b.number())) blocks.add(b.number());
                ln++;
            }
        }
        if (sln + ln == 0) {
            return new Change("nothing to fuse: no decomposed LayerNorm it could replace (" + norms.size() + " norms, "
                    + skipped + " left as they are)", 0, 0, List.of(), Map.of("modified", "false", "left", Integer.toString(skipped)));
        }
        boolean usesMs = g.nodes().stream().anyMatch(n -> n.domain().equals(Node.MS_DOMAIN));
        if (usesMs && model.opset(Node.MS_DOMAIN) < 0) model.setOpset(Node.MS_DOMAIN, 1);
        g.removeDeadNodes();
        g.sortTopologically();

        int added = (int) g.nodes().stream().filter(n -> !before.contains(n)).count();
        int removed = nodesBefore + added - g.nodes().size();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("modified", "true");
        details.put("skip-layer-norms", Integer.toString(sln));
        details.put("layer-norms", Integer.toString(ln));
        details.put("biases-folded", Integer.toString(biases));
        details.put("left", Integer.toString(skipped));
        details.put("nodes-before", Integer.toString(nodesBefore));
        details.put("nodes-after", Integer.toString(g.nodes().size()));
        String summary = "fused " + sln + " residual Add + LayerNorm into SkipLayerNormalization and " + ln
                + " LayerNorm into LayerNormalization, folding " + biases + " projection bias Add into them: " + nodesBefore + " → " + g.nodes().size() + " nodes"
                + (skipped > 0 ? " (" + skipped + " norm(s) left as they are)" : "");
        Collections.sort(blocks);
        return new Change(summary, added, removed, blocks, details);
    }

    /**
     * The Add of a 1-D float bias to a MatMul's product that computes {@code branch}, when the skip norm can take
     * the bias as its input 4 instead: the branch is read by the residual Add alone, and the norm has a β (the
     * bias is the fifth input, so β must be present).
     */
    private static Node foldableBias(Value branch, Norm norm) {
        Node add = branch.producer();
        if (add == null || !add.is(Node.DEFAULT_DOMAIN, "Add") || add.inputs().size() != 2 || norm.bias() == null) return null;
        if (branch.isGraphOutput() || branch.consumers().size() != 1) return null;
        long width = norm.scale().initializer().dims()[0];
        for (int i = 0; i < 2; i++) {
            Value bias = add.input(i);
            Value product = add.input(1 - i);
            if (bias == null || product == null || oneDimFloat(bias, "bias") != null || bias.initializer().dims()[0] != width) continue;
            Node mm = product.producer();
            if (mm != null && mm.is(Node.DEFAULT_DOMAIN, "MatMul") && !product.isInitializer()) return add;
        }
        return null;
    }

    /** What {@code v} is now, after the replacements made so far. */
    private static Value current(Map<Value, Value> replaced, Value v) {
        Value out = v;
        while (replaced.containsKey(out)) out = replaced.get(out);
        return out;
    }

    /** True when every reader of {@code sum} belongs to {@code norm} and it is no graph output. */
    private static boolean onlyReadBy(Value sum, Norm norm) {
        if (sum.isGraphOutput()) return false;
        Set<Node> own = Collections.newSetFromMap(new IdentityHashMap<>());
        own.addAll(norm.nodes());
        return sum.consumers().stream().allMatch(own::contains);
    }

    /** Why {@code norm} cannot become one fused float32 LayerNorm over the last axis, or null when it can. */
    static String unfusable(Model model, Norm norm, Value x) {
        if (norm.fused()) return "it is fused already";
        if (norm.kind() != NormKind.LAYER_NORM) return "it is not a LayerNorm but " + norm.kind();
        if (Double.isNaN(norm.epsilon()) || norm.epsilon() < 0) return "its ε cannot be read";
        if (norm.scale() == null) return "it has no scale γ";
        String p = oneDimFloat(norm.scale(), "γ");
        if (p == null && norm.bias() != null) p = oneDimFloat(norm.bias(), "β");
        if (p != null) return p;
        long width = norm.scale().initializer().dims()[0];
        if (norm.bias() != null && norm.bias().initializer().dims()[0] != width) return "γ and β differ in length";
        boolean meanReadsX = norm.nodes().stream().anyMatch(n -> n.is("ReduceMean") && n.input(0) == x);
        boolean subReadsX = norm.nodes().stream().anyMatch(n -> n.is("Sub") && n.input(0) == x);
        if (!meanReadsX || !subReadsX) return "it does not read '" + x.name() + "' directly (a cast or copy in between)";
        TensorType xt = x.type();
        if (xt != null && xt.elementType() != DataType.FLOAT) return "it normalises " + xt.elementType() + ", not float";
        for (Node n : norm.nodes()) {
            if (!n.domain().equals(Node.DEFAULT_DOMAIN)) return "it contains " + n.describe();
            switch (n.opType()) {
                case "ReduceMean" -> {
                    String why = lastAxisOnly(model, n, xt);
                    if (why != null) return why;
                }
                case "Sub", "Pow", "Add", "Sqrt", "Div", "Mul", "Reciprocal" -> {
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

    private static String lastAxisOnly(Model model, Node reduce, TensorType xt) {
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
