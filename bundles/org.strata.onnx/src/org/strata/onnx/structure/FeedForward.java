package org.strata.onnx.structure;

import java.util.List;

import org.strata.onnx.Value;
import org.strata.onnx.Node;

/**
 * The feed-forward network of one block: {@code down(act(up(x)))}, or gated
 * {@code down(act(gate(x)) · up(x))}.
 *
 * @param input the value the FFN reads (the mid-block residual stream, or its norm in pre-LN)
 * @param gate the gate projection for {@link Activation#gated()} kinds, else null
 * @param activationNodes the nodes of the nonlinearity (and the gating product)
 * @param intermediateSize the width between up and down
 * @param nodes every node of the FFN branch
 */
public record FeedForward(Value input, Projection up, Projection gate, Projection down, Activation activation,
        List<Node> activationNodes, long intermediateSize, List<Node> nodes) {
    public FeedForward {
        activationNodes = List.copyOf(activationNodes);
        nodes = List.copyOf(nodes);
    }

    /** The same FFN with its nodes and the bias a fused consumer supplies to the down projection. */
    FeedForward completed(List<Node> branchNodes, Value downBias) {
        Projection d = down.bias() == null && downBias != null ? down.withBias(downBias) : down;
        return new FeedForward(input, up, gate, d, activation, activationNodes, intermediateSize, branchNodes);
    }

    @Override
    public String toString() {
        return activation + " FFN " + up.inFeatures() + "→" + intermediateSize + "→" + down.outFeatures();
    }
}
