package org.strata.core;

/** The forms of graph a technique may accept; it refuses the others with a clear message. */
public enum GraphForm {
    /** Standard ONNX ops only (decomposed norms, plain MatMul). */
    PLAIN,
    /** com.microsoft fused ops (Attention, SkipLayerNormalization, FastGelu, …). */
    FUSED,
    /** Already quantized (DynamicQuantizeLinear + MatMulInteger, QDQ, MatMulNBits). */
    QUANTIZED
}
