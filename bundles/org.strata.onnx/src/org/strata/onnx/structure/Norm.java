package org.strata.onnx.structure;

import java.util.List;

import org.strata.onnx.Node;
import org.strata.onnx.Value;

/**
 * One normalisation.
 *
 * @param input the value normalised (for a skip norm: its first input; the residual sum is computed inside)
 * @param output the normalised value (for a skip norm: its output 0)
 * @param scale γ; null for a decomposed norm without scale
 * @param bias β, or null
 * @param epsilon ε as the graph states it, NaN when it cannot be read
 * @param nodes the fused node, or every node of the decomposed chain
 */
public record Norm(NormKind kind, boolean fused, Value input, Value output, Value scale, Value bias, double epsilon,
        List<Node> nodes) {
    public Norm {
        nodes = List.copyOf(nodes);
    }

    @Override
    public String toString() {
        return (fused ? "fused " : "decomposed ") + kind;
    }
}
