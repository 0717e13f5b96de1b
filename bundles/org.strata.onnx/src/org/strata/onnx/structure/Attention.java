package org.strata.onnx.structure;

import java.util.ArrayList;
import java.util.List;

import org.strata.onnx.Node;
import org.strata.onnx.Value;

/**
 * The self-attention of one block.
 *
 * @param core the Softmax over the scores, or the fused attention node (com.microsoft Attention, QAttention,
 *        MultiHeadAttention, GroupQueryAttention, ONNX Attention)
 * @param input the value Q, K and V are projected from (the block input, or its norm in pre-LN)
 * @param q the query projection; null when {@code qkv} is set
 * @param k the key projection; null when {@code qkv} is set
 * @param v the value projection; null when {@code qkv} is set
 * @param qkv the fused QKV projection, or null
 * @param layout how Q, K and V are obtained; {@code splitNodes} are the Split/Slice/Gather nodes dividing a fused QKV
 * @param o the output projection
 * @param kvHeads key/value heads: equal to {@code heads}, or fewer for grouped-query attention
 * @param rotary the rotary position embedding, or null
 * @param masks the attention-mask values this attention consumes (additive biases and Where conditions,
 *        nearest the Softmax first, or the fused node's mask inputs); empty when there are none
 * @param causal true when each position attends only to itself and earlier positions
 * @param nodes every node of the attention branch, from the projections to the output projection
 */
public record Attention(Node core, Value input, Projection q, Projection k, Projection v, Projection qkv,
        QkvLayout layout, List<Node> splitNodes, Projection o, int heads, int kvHeads, int headSize, Rotary rotary,
        List<Value> masks, boolean causal, List<Node> nodes) {
    public Attention {
        splitNodes = List.copyOf(splitNodes);
        masks = List.copyOf(masks);
        nodes = List.copyOf(nodes);
    }

    /** The same attention with its nodes and the bias a fused consumer supplies to the output projection. */
    Attention completed(List<Node> branchNodes, Value outputBias) {
        Projection out = o.bias() == null && outputBias != null ? o.withBias(outputBias) : o;
        return new Attention(core, input, q, k, v, qkv, layout, splitNodes, out, heads, kvHeads, headSize, rotary, masks,
                causal, branchNodes);
    }

    /** True when {@link #core()} is a fused attention node rather than a Softmax. */
    public boolean fused() {
        return !core.is("Softmax");
    }

    /** The input projections: Q, K, V, or the one fused QKV. */
    public List<Projection> inputProjections() {
        List<Projection> out = new ArrayList<>(3);
        if (qkv != null) out.add(qkv);
        else out.addAll(List.of(q, k, v));
        return out;
    }

    @Override
    public String toString() {
        return (fused() ? core.opType() : "Softmax attention") + " " + heads + " heads"
                + (kvHeads != heads ? " (" + kvHeads + " KV heads)" : "") + " of " + headSize + ", " + layout + " QKV"
                + (rotary != null ? ", rotary" : "") + (causal ? ", causal" : "");
    }
}
