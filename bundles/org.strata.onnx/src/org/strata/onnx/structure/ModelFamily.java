package org.strata.onnx.structure;

/** The broad kind of transformer. */
public enum ModelFamily {
    /** Bidirectional attention over token embeddings (BERT, MiniLM). */
    ENCODER,
    /** Causal attention over token embeddings (GPT, LLaMA). */
    DECODER,
    /** Attention over image patches (ViT). */
    VISION
}
