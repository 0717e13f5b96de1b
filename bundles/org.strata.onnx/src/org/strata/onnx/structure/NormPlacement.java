package org.strata.onnx.structure;

/** Where a block normalises the residual stream. */
public enum NormPlacement {
    /** x + f(norm(x)): GPT, LLaMA, ViT, pre-LN BERT. */
    PRE_LN,
    /** norm(x + f(x)): the original BERT. */
    POST_LN
}
