package org.strata.onnx.structure;

import static org.strata.onnx.structure.GraphPattern.any;
import static org.strata.onnx.structure.GraphPattern.either;
import static org.strata.onnx.structure.GraphPattern.op;

import java.util.Set;

/**
 * Rotary position embedding, matched backwards from the rotated value and binding {@code x} (what is
 * rotated), {@code cos} and {@code sin}: {@code x·cos + rotate_half(x)·sin} with
 * {@code rotate_half(x) = Concat(Neg(Slice(x)), Slice(x))}, or a fused RotaryEmbedding node.
 */
final class RotaryPatterns {
    private RotaryPatterns() {
    }

    static final Set<String> THROUGH = LookThrough.QUANTIZATION_AND_CASTS;

    private static final GraphPattern ROTATE_HALF = op("Concat",
            op("Neg", op("Slice", any("x")).as("secondHalf")).as("negate"),
            op("Slice", any("x")).as("firstHalf")).as("rotateHalf");

    static final GraphPattern DECOMPOSED = op("Add",
            op("Mul", any("x"), any("cos")).commutative(),
            op("Mul", ROTATE_HALF, any("sin")).commutative()).commutative();

    /** com.microsoft RotaryEmbedding(x, position_ids, cos, sin) or ONNX RotaryEmbedding(x, cos, sin, position_ids). */
    static final GraphPattern FUSED = either(
            op("com.microsoft::RotaryEmbedding", any("x"), any(), any("cos"), any("sin")).as("rotary"),
            op("RotaryEmbedding", any("x"), any("cos"), any("sin")).as("rotary"));
}
