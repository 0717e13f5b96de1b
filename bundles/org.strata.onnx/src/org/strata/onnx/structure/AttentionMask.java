package org.strata.onnx.structure;

import java.util.List;

import org.strata.onnx.Node;
import org.strata.onnx.Value;

/**
 * The path from the mask input to what the attentions consume.
 *
 * @param input the model input holding the padding mask, or null (a causal-only decoder)
 * @param consumed the mask values block 1's attention consumes (additive biases, Where conditions, fused-node
 *        mask inputs), nearest the Softmax first
 * @param causal true when the mask (or the fused attention) hides later positions
 * @param nodes the nodes between them, shared by all blocks
 */
public record AttentionMask(Value input, List<Value> consumed, boolean causal, List<Node> nodes) {
    public AttentionMask {
        consumed = List.copyOf(consumed);
        nodes = List.copyOf(nodes);
    }
}
