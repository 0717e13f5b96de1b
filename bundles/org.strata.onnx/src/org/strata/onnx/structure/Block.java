package org.strata.onnx.structure;

import java.util.ArrayList;
import java.util.List;

import org.strata.onnx.Node;
import org.strata.onnx.Value;

/**
 * One transformer block. {@code input} and {@code output} are residual-stream values, so the block can be
 * removed with
 *
 * <pre>{@code
 * graph.replaceAllUsesWith(block.output(), block.input());
 * graph.removeDeadNodes();
 * }</pre>
 *
 * @param number the block's number, from 1, as users see it
 * @param attentionNorm the norm before the attention (pre-LN) or after its residual Add (post-LN); null if none
 * @param ffnNorm the norm before the FFN (pre-LN) or after its residual Add (post-LN); null if none
 * @param nodes the nodes that belong to this block alone, in graph order: everything computed from
 *        {@code input} on the way to {@code output}, and the constants only they use; shared work (mask,
 *        rotary tables, shapes of the model input) is not included
 */
public record Block(int number, Value input, Value output, NormPlacement placement, Norm attentionNorm,
        Attention attention, Residual attentionResidual, Norm ffnNorm, FeedForward ffn, Residual ffnResidual,
        List<Node> nodes) {
    public Block {
        nodes = List.copyOf(nodes);
    }

    /** The block's norms in graph order. */
    public List<Norm> norms() {
        List<Norm> out = new ArrayList<>(2);
        if (attentionNorm != null) out.add(attentionNorm);
        if (ffnNorm != null) out.add(ffnNorm);
        return out;
    }

    /** The residual connections, attention first. */
    public List<Residual> residuals() {
        return List.of(attentionResidual, ffnResidual);
    }

    /** Every projection of the block: attention inputs, attention output, FFN (gate, up, down). */
    public List<Projection> projections() {
        List<Projection> out = new ArrayList<>(attention.inputProjections());
        out.add(attention.o());
        if (ffn.gate() != null) out.add(ffn.gate());
        out.add(ffn.up());
        out.add(ffn.down());
        return out;
    }

    @Override
    public String toString() {
        return "block " + number + ": " + placement + ", " + attention + "; " + ffn + "; " + nodes.size() + " nodes";
    }
}
