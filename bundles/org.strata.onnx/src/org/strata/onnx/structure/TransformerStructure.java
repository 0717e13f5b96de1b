package org.strata.onnx.structure;

import java.util.List;

import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Value;

/**
 * What a transformer graph is made of, discovered from topology and op types — never from node or value
 * names — so that techniques can work on blocks, attention heads and FFNs whatever exporter wrote the
 * graph. Immutable; it refers to nodes and values of the graph it was discovered on and goes stale when
 * that graph is edited (discover again after each step).
 *
 * <p>Recognised: encoders (post-LN and pre-LN BERT, MiniLM), decoders (GPT-2 style with fused QKV and
 * causal mask, LLaMA style with RMSNorm, rotary embedding, grouped-query attention and SwiGLU) and vision
 * encoders (ViT with a Conv patch embedding), each as plain ops (decomposed LayerNorm/RMSNorm, written-out
 * GELU), fused com.microsoft ops (Attention, MultiHeadAttention, GroupQueryAttention, SkipLayerNormalization,
 * SkipSimplifiedLayerNormalization, FastGelu, Gelu, BiasGelu) or standard fused ops (LayerNormalization), with
 * float, QDQ, dynamic-int8 or MatMulNBits projections.
 *
 * <pre>{@code
 * TransformerStructure s = TransformerStructure.discover(model);
 * Block third = s.block(3);
 * graph.replaceAllUsesWith(third.output(), third.input());   // drop block 3
 * graph.removeDeadNodes();
 * }</pre>
 *
 * @param hiddenSize the width of the residual stream
 * @param blocks the blocks in order; {@code blocks.get(i).number() == i + 1}
 * @param attentionMask the mask path, or null when the attentions use no mask (a ViT)
 * @param finalNorm the norm after the last block (pre-LN models), or null
 */
public record TransformerStructure(ModelFamily family, int hiddenSize, Embeddings embeddings, List<Block> blocks,
        AttentionMask attentionMask, Norm finalNorm, OutputHead head) {
    public TransformerStructure {
        blocks = List.copyOf(blocks);
    }

    /**
     * Discovers the structure of {@code graph}.
     *
     * @throws StructureException when the graph is not a transformer this recognises; the message names the
     *         block (from 1), the node looked at and what was expected there
     * @throws org.strata.onnx.InvalidGraphException when the graph has a cycle
     */
    public static TransformerStructure discover(Graph graph) {
        return new StructureDiscovery(graph).discover();
    }

    /** Discovers the structure of the model's main graph; see {@link #discover(Graph)}. */
    public static TransformerStructure discover(Model model) {
        return discover(model.graph());
    }

    /**
     * Block {@code number}, counted from 1.
     *
     * @throws IllegalArgumentException when there is no such block
     */
    public Block block(int number) {
        if (number < 1 || number > blocks.size()) {
            throw new IllegalArgumentException("there is no block " + number + ": the model has blocks 1 to " + blocks.size());
        }
        return blocks.get(number - 1);
    }

    public int blockCount() {
        return blocks.size();
    }

    /**
     * The blocks after which the token sequence is reduced (a {@code tokens.*} step): block k is listed when block
     * k + 1 does not read block k's output but a shorter stream computed from it. Empty for an ordinary model.
     */
    public List<Integer> tokenReductions() {
        List<Integer> out = new java.util.ArrayList<>();
        for (int k = 1; k < blocks.size(); k++) if (blocks.get(k).input() != blocks.get(k - 1).output()) out.add(k);
        return out;
    }

    /** The norm placement of the blocks (that of block 1). */
    public NormPlacement placement() {
        return blocks.get(0).placement();
    }

    /** The graph outputs. */
    public List<Value> outputs() {
        return head.outputs();
    }

    /** A few lines describing the structure, for logs and the CLI. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(family).append(", ").append(blocks.size()).append(" blocks, hidden ").append(hiddenSize).append(", ")
                .append(placement()).append(", head ").append(head.kind()).append('\n');
        for (Block block : blocks) b.append("  ").append(block).append('\n');
        return b.toString();
    }

    @Override
    public String toString() {
        return "TransformerStructure[" + family + ", " + blocks.size() + " blocks, hidden " + hiddenSize + "]";
    }
}
