package org.strata.onnx.structure;

import java.util.List;

import org.strata.onnx.Node;
import org.strata.onnx.Value;

/**
 * Rotary position embedding applied to queries and keys: {@code x·cos + rotate_half(x)·sin}, decomposed
 * as Mul/Add with Slice/Neg/Concat, or a fused RotaryEmbedding / GroupQueryAttention(do_rotary).
 *
 * @param cos the cosine table as the attention consumes it (null when inside a fused node and not an input)
 * @param sin the sine table likewise
 * @param nodes the rotary nodes on the query and key paths
 */
public record Rotary(boolean fused, Value cos, Value sin, List<Node> nodes) {
    public Rotary {
        nodes = List.copyOf(nodes);
    }
}
