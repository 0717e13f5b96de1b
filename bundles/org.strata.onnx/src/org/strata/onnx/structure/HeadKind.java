package org.strata.onnx.structure;

/** What the model outputs after its last block. */
public enum HeadKind {
    /** The hidden states themselves (embedding models). */
    HIDDEN_STATES,
    /** A dense layer with tanh on a selected token (BERT pooler). */
    POOLER,
    /** A projection to the vocabulary. */
    LM_HEAD,
    /** Any other projection (image or sequence classification). */
    CLASSIFIER
}
