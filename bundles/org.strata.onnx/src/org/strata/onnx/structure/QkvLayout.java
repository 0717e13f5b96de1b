package org.strata.onnx.structure;

/** How an attention gets its queries, keys and values. */
public enum QkvLayout {
    /** Three projections. */
    SEPARATE,
    /** One fused projection whose output a Split divides. */
    SPLIT,
    /** One fused projection whose output Slices divide. */
    SLICE,
    /** One fused projection, reshaped to [.., 3, heads, head size] and divided by Gathers. */
    GATHER,
    /** One packed weight the fused attention node itself divides (com.microsoft Attention, packed MHA/GQA input). */
    FUSED_NODE
}
