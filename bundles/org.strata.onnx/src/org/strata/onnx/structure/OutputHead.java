package org.strata.onnx.structure;

import java.util.List;

import org.strata.onnx.Node;
import org.strata.onnx.Value;

/**
 * What follows the last block.
 *
 * @param hiddenStates the final hidden states (after the final norm, if any)
 * @param projection the pooler, LM head or classifier projection; null for {@link HeadKind#HIDDEN_STATES}
 * @param outputs the graph outputs
 * @param nodes every node after the last block (final norm included)
 */
public record OutputHead(HeadKind kind, Value hiddenStates, Projection projection, List<Value> outputs,
        List<Node> nodes) {
    public OutputHead {
        outputs = List.copyOf(outputs);
        nodes = List.copyOf(nodes);
    }
}
