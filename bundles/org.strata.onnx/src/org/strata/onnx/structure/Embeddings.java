package org.strata.onnx.structure;

import java.util.List;

import org.strata.onnx.Node;
import org.strata.onnx.Value;

/**
 * How the residual stream starts.
 *
 * @param tokens the token embedding table (an initializer, possibly uint8 behind a DequantizeLinear), or null
 * @param positions the learned position table (Gather or Add of a constant), or null (rotary models, none)
 * @param tokenTypes the token-type (segment) table, or null
 * @param patches the patch embedding of a vision model (a Conv with stride = kernel), or null
 * @param classToken the learned class-token value concatenated before the patches, or null
 * @param norm the norm applied to the embeddings, or null
 * @param output the residual-stream value the first block reads
 * @param inputs the model inputs the embeddings read (token ids, token types, pixels)
 * @param nodes every node computing {@code output}
 */
public record Embeddings(Value tokens, Value positions, Value tokenTypes, Projection patches, Value classToken,
        Norm norm, Value output, List<Value> inputs, List<Node> nodes) {
    public Embeddings {
        inputs = List.copyOf(inputs);
        nodes = List.copyOf(nodes);
    }
}
