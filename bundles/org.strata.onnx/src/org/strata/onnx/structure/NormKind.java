package org.strata.onnx.structure;

/** What a norm computes. Whether it is one fused node or a decomposed chain is {@link Norm#fused()}. */
public enum NormKind {
    /** (x − mean) / sqrt(var + ε) · γ + β. */
    LAYER_NORM,
    /** x / sqrt(mean(x²) + ε) · γ. */
    RMS_NORM,
    /** com.microsoft SkipLayerNormalization: a residual Add and a LayerNorm in one node. */
    SKIP_LAYER_NORM,
    /** com.microsoft SkipSimplifiedLayerNormalization: a residual Add and an RMSNorm in one node. */
    SKIP_RMS_NORM
}
