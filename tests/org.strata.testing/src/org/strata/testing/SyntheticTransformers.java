package org.strata.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Value;
import org.strata.testing.TransformerSpec.ActivationForm;
import org.strata.testing.TransformerSpec.AttentionForm;
import org.strata.testing.TransformerSpec.Family;
import org.strata.testing.TransformerSpec.Head;
import org.strata.testing.TransformerSpec.Naming;
import org.strata.testing.TransformerSpec.NormForm;
import org.strata.testing.TransformerSpec.ProjectionForm;
import org.strata.testing.TransformerSpec.QkvForm;

/**
 * Small transformer models built in memory with the IR's public API, for tests: valid graphs that ONNX
 * Runtime runs, with seeded random weights, in the shapes real exporters write (BERT post-LN and pre-LN,
 * GPT-2, LLaMA with grouped-query attention, rotary embedding, RMSNorm and SwiGLU, ViT), as plain ops or
 * com.microsoft fused ops, and with exporter-like, anonymous or misleading names.
 *
 * <pre>{@code
 * Model bert = SyntheticTransformers.bertPostLn().layers(5).build();
 * Model llama = SyntheticTransformers.llama().heads(8).kvHeads(2).opset(11).build();
 * SyntheticTransformers.scrambleNames(llama.graph(), 7);
 * }</pre>
 *
 * Inputs: {@code input_ids}, {@code attention_mask} (0/1) and for BERT {@code token_type_ids}, int64
 * [batch_size, sequence_length]; ViT: {@code pixel_values} float [batch_size, channels, side, side].
 * Outputs: {@code last_hidden_state} (plus {@code pooler_output}) or {@code logits}.
 */
public final class SyntheticTransformers {
    private SyntheticTransformers() {
    }

    /** Post-LN BERT: 2 layers, hidden 64, 4 heads, FFN 256, vocabulary 100, 64 positions, plain ops, opset 17. */
    public static TransformerSpec bertPostLn() {
        return new TransformerSpec(Family.BERT_POST_LN, 2, 64, 4, 4, 256, 100, 64, 0, 0, 0, 0, Head.HIDDEN_STATES,
                AttentionForm.PLAIN, QkvForm.SEPARATE, ProjectionForm.MATMUL, NormForm.DECOMPOSED, ActivationForm.DECOMPOSED,
                true, Naming.EXPORTER, 17, 1);
    }

    /** Pre-LN BERT with the sizes of {@link #bertPostLn()}. */
    public static TransformerSpec bertPreLn() {
        return new TransformerSpec(Family.BERT_PRE_LN, 2, 64, 4, 4, 256, 100, 64, 0, 0, 0, 0, Head.HIDDEN_STATES,
                AttentionForm.PLAIN, QkvForm.SEPARATE, ProjectionForm.MATMUL, NormForm.DECOMPOSED, ActivationForm.DECOMPOSED,
                true, Naming.EXPORTER, 17, 2);
    }

    /** GPT-2 style: 2 layers, hidden 64, 4 heads, FFN 256, fused QKV with Split, causal mask, tied LM head. */
    public static TransformerSpec gpt() {
        return new TransformerSpec(Family.GPT, 2, 64, 4, 4, 256, 100, 64, 0, 0, 0, 0, Head.LM_HEAD, AttentionForm.PLAIN,
                QkvForm.SPLIT, ProjectionForm.MATMUL, NormForm.DECOMPOSED, ActivationForm.DECOMPOSED, true, Naming.EXPORTER,
                17, 3);
    }

    /** LLaMA style: 2 layers, hidden 64, 8 heads with 2 KV heads, FFN 176, rotary, RMSNorm, SwiGLU, LM head. */
    public static TransformerSpec llama() {
        return new TransformerSpec(Family.LLAMA, 2, 64, 8, 2, 176, 100, 64, 0, 0, 0, 0, Head.LM_HEAD, AttentionForm.PLAIN,
                QkvForm.SEPARATE, ProjectionForm.MATMUL, NormForm.DECOMPOSED, ActivationForm.DECOMPOSED, true,
                Naming.EXPORTER, 17, 4);
    }

    /** ViT: 2 layers, hidden 64, 4 heads, FFN 256, 32×32×3 images in 8×8 patches, no classifier. */
    public static TransformerSpec vit() {
        return new TransformerSpec(Family.VIT, 2, 64, 4, 4, 256, 0, 64, 32, 8, 3, 0, Head.HIDDEN_STATES,
                AttentionForm.PLAIN, QkvForm.SEPARATE, ProjectionForm.MATMUL, NormForm.DECOMPOSED, ActivationForm.DECOMPOSED,
                true, Naming.EXPORTER, 17, 5);
    }

    /** Builds the model {@code spec} describes. The same spec gives the same model. */
    public static Model build(TransformerSpec spec) {
        return new TransformerAssembler(spec).build();
    }

    /**
     * Renames every value (inputs, outputs and initializers included) and node of {@code graph} to random
     * tokens drawn from {@code seed}, so a test can show that nothing depends on names.
     */
    public static void scrambleNames(Graph graph, long seed) {
        Random random = new Random(seed);
        List<Value> values = new ArrayList<>(graph.values());
        values.sort(java.util.Comparator.comparing(Value::name));
        Set<String> taken = new HashSet<>();
        for (Value v : values) taken.add(v.name());
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String n;
            do {
                n = token(random);
            } while (!taken.add(n));
            fresh.add(n);
        }
        for (int i = 0; i < values.size(); i++) values.get(i).rename(fresh.get(i));
        for (Node n : graph.nodes()) n.setName(random.nextInt(3) == 0 ? "" : token(random));
    }

    /** Removes every node name (value names are the graph's wiring and stay). */
    public static void stripNodeNames(Graph graph) {
        for (Node n : graph.nodes()) n.setName("");
    }

    private static String token(Random random) {
        StringBuilder b = new StringBuilder("n");
        for (int i = 0; i < 8; i++) b.append(Character.forDigit(random.nextInt(36), 36));
        return b.toString();
    }
}
