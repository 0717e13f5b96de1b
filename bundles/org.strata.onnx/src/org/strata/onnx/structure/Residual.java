package org.strata.onnx.structure;

import org.strata.onnx.Node;
import org.strata.onnx.Value;

/**
 * A residual connection: {@code node} adds {@code branch} to {@code stream}. The node is an Add, or a
 * SkipLayerNormalization / SkipSimplifiedLayerNormalization that also normalises the sum. {@code stream} is
 * the operand as the node reads it: the block's stream value, or a QuantizeLinear/DequantizeLinear copy of it.
 */
public record Residual(Node node, Value stream, Value branch) {
    /** True when the Add is inside a skip norm. */
    public boolean fusedWithNorm() {
        return !node.is("Add");
    }
}
