package org.strata.technique.fuse.internal;

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
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;

/**
 * {@code fuse.transformer}: lossless operator fusion for ONNX Runtime, from the discovered
 * {@link org.strata.onnx.structure.TransformerStructure} (never from names). Four switchable rules, applied in
 * this order (each reads what the earlier ones left):
 *
 * <ol>
 * <li>{@code attention}: an encoder's self-attention written out (Q/K/V MatMuls, head Reshape/Transpose, scaled
 * Q·Kᵀ, padding mask, Softmax, context MatMul) → com.microsoft {@code Attention} with a packed QKV weight
 * ({@link AttentionFusion}).</li>
 * <li>{@code gelu}: erf GELU → {@code Gelu} / {@code BiasGelu}, tanh GELU → {@code FastGelu} ({@link GeluFusion}).</li>
 * <li>{@code skip-layer-norm}: residual Add + decomposed LayerNorm / RMSNorm → {@code SkipLayerNormalization} /
 * {@code SkipSimplifiedLayerNormalization}: post-LN both residuals, pre-LN the attention residual; and the norm of
 * the embeddings' token + position sum ({@link NormFusion}).</li>
 * <li>{@code layer-norm}: the other decomposed norms → {@code LayerNormalization} /
 * {@code SimplifiedLayerNormalization} ({@link NormFusion}).</li>
 * </ol>
 * What a rule cannot prove equivalent it leaves as it is and logs why. The target must be ONNX Runtime.
 */
@Component(service = Technique.class)
public final class TransformerFusion implements Technique {
    static final String ID = "fuse.transformer";
    static final String ATTENTION = "attention";
    static final String GELU = "gelu";
    static final String BIAS_GELU = "bias-gelu";
    static final String SKIP_LAYER_NORM = "skip-layer-norm";
    static final String LAYER_NORM = "layer-norm";

    private static final TechniqueDescriptor DESCRIPTOR = new TechniqueDescriptor(ID, "Transformer op fusion", "fuse",
            "Fuses encoder self-attention into Attention, GELU into Gelu/BiasGelu/FastGelu, residual Add + LayerNorm/RMSNorm into"
                    + " SkipLayerNormalization/SkipSimplifiedLayerNormalization and other norms into LayerNormalization/"
                    + "SimplifiedLayerNormalization (ONNX Runtime); outputs match within the lossless tolerance",
            true,
            List.of(ParameterSpec.bool(ATTENTION, true,
                            "fuse an encoder's written-out self-attention (separate Q/K/V MatMuls, padding mask or none) into"
                                    + " com.microsoft Attention with a packed QKV weight"),
                    ParameterSpec.bool(GELU, true,
                            "fuse the erf GELU into com.microsoft Gelu and the tanh GELU into FastGelu"),
                    ParameterSpec.bool(BIAS_GELU, true,
                            "with gelu: take the up-projection bias Add into the GELU (BiasGelu, FastGelu with bias); off keeps the"
                                    + " Add. A later int8 step folds the bias into its quantized product either way"),
                    ParameterSpec.bool(SKIP_LAYER_NORM, true,
                            "fuse a residual Add and the decomposed LayerNorm/RMSNorm reading its sum into com.microsoft"
                                    + " SkipLayerNormalization/SkipSimplifiedLayerNormalization: post-LN both residuals, pre-LN the"
                                    + " attention residual (passing the sum on as output 3); also the embedding sum's norm"),
                    ParameterSpec.bool(LAYER_NORM, true,
                            "fuse the remaining decomposed LayerNorms into LayerNormalization and RMSNorms into SimplifiedLayerNormalization")),
            EnumSet.allOf(GraphForm.class), Double.NaN);

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Change apply(Model model, Parameters params, TechniqueContext context) {
        if (context.target() != TargetRuntime.ONNXRUNTIME) {
            throw new TechniqueException(ID + " needs the com.microsoft contrib ops of ONNX Runtime (Attention, Gelu,"
                    + " SkipLayerNormalization, LayerNormalization below opset 17), but the pipeline's target runtime is "
                    + context.target() + "; set the target to ONNXRUNTIME or leave this step out");
        }
        Graph g = model.graph();
        FusionRun run = new FusionRun(model, context.structure(), context);
        int nodesBefore = g.nodes().size();
        Set<Node> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(g.nodes());

        if (params.getBoolean(ATTENTION)) new AttentionFusion(run).fuse();
        if (params.getBoolean(GELU)) new GeluFusion(run, params.getBoolean(BIAS_GELU)).fuse();
        NormFusion norms = new NormFusion(run);
        if (params.getBoolean(SKIP_LAYER_NORM)) norms.fuseSkipNorms();
        if (params.getBoolean(LAYER_NORM)) norms.fusePlainNorms();

        int fused = run.counts.entrySet().stream().filter(e -> !e.getKey().equals("biases-folded") && !e.getKey().equals("sums-kept")).mapToInt(Map.Entry::getValue).sum();
        if (fused == 0) {
            return new Change("nothing to fuse (" + run.left.size() + " site(s) left as they are)", 0, 0, List.of(),
                    Map.of("modified", "false", "left", Integer.toString(run.left.size())));
        }
        g.removeDeadNodes();
        g.sortTopologically();

        int added = (int) g.nodes().stream().filter(n -> !before.contains(n)).count();
        int removed = nodesBefore + added - g.nodes().size();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("modified", "true");
        for (String key : List.of("attentions", "gelus", "fast-gelus", "skip-layer-norms", "skip-rms-norms", "sums-kept",
                "layer-norms", "rms-norms", "biases-folded")) {
            details.put(key, Integer.toString(run.count(key)));
        }
        details.put("left", Integer.toString(run.left.size()));
        details.put("nodes-before", Integer.toString(nodesBefore));
        details.put("nodes-after", Integer.toString(g.nodes().size()));
        return new Change(summary(run, nodesBefore, g.nodes().size()), added, removed, run.blocksTouched(), details);
    }

    private static String summary(FusionRun run, int before, int after) {
        StringBuilder b = new StringBuilder("fused");
        String[][] parts = {{"attentions", "Attention"}, {"gelus", "Gelu/BiasGelu"}, {"fast-gelus", "FastGelu"},
                {"skip-layer-norms", "SkipLayerNormalization"}, {"skip-rms-norms", "SkipSimplifiedLayerNormalization"},
                {"sums-kept", "skip norms passing the sum on (pre-LN)"}, {"layer-norms", "LayerNormalization"},
                {"rms-norms", "SimplifiedLayerNormalization"}};
        String sep = " ";
        for (String[] p : parts) {
            int n = run.count(p[0]);
            if (n == 0) continue;
            b.append(sep).append(n).append(" × ").append(p[1]);
            sep = ", ";
        }
        int biases = run.count("biases-folded");
        if (biases > 0) b.append(", folding ").append(biases).append(" projection bias Add").append(biases == 1 ? "" : "s");
        b.append(": ").append(before).append(" → ").append(after).append(" nodes");
        if (!run.left.isEmpty()) b.append(" (").append(run.left.size()).append(" site(s) left as they are; see the log)");
        return b.toString();
    }
}
