package org.strata.onnx.structure;

/** The nonlinearity of a feed-forward network. */
public enum Activation {
    /** x·Φ(x) with erf (BERT, ViT), decomposed or com.microsoft Gelu / BiasGelu / ONNX Gelu. */
    ERF_GELU,
    /** The tanh approximation written out (GPT-2's NewGELU) or ONNX Gelu(approximate="tanh"). */
    TANH_GELU,
    /** com.microsoft FastGelu (the tanh approximation as one node). */
    FAST_GELU,
    /** x·σ(1.702x). */
    QUICK_GELU,
    RELU,
    /** x·σ(x) without a gate. */
    SILU,
    /** down(silu(gate(x)) · up(x)) (LLaMA). */
    SWIGLU,
    /** down(gelu(gate(x)) · up(x)). */
    GEGLU;

    /** True for the gated forms, which have a gate projection. */
    public boolean gated() {
        return this == SWIGLU || this == GEGLU;
    }
}
