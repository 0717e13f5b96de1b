package org.strata.runtime;

/**
 * What a model input means, so that Strata can fill it. Decided from the input's name where the name
 * says it (input names are a model's public interface), otherwise from its type and position.
 */
public enum InputRole {
    /** Vocabulary ids of the tokens, {@code [batch, sequence]}. */
    TOKEN_IDS,
    /** 1 for a real token, 0 for padding, {@code [batch, sequence]}. */
    ATTENTION_MASK,
    /** Segment of each token (BERT's sentence A/B), {@code [batch, sequence]}. */
    TOKEN_TYPE_IDS,
    /** Position of each token, {@code [batch, sequence]}. */
    POSITION_IDS,
    /** An image, {@code [batch, channels, height, width]} floats. */
    PIXEL_VALUES,
    /** A decoder's cached keys or values from earlier steps; fed empty (no past). */
    PAST_STATE,
    /** Anything else: filled with zeros (integers, booleans) or seeded noise (floats). */
    OTHER
}
