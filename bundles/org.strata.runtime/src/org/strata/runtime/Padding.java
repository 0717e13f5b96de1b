package org.strata.runtime;

/**
 * How a batch of texts of different lengths becomes one {@code [batch, sequence]} tensor. Padding uses
 * the tokenizer's pad id with attention mask 0; truncation keeps the special tokens.
 */
public sealed interface Padding {

    /** Every text truncated to {@code maxLength} tokens, the batch padded to its longest text. */
    record ToLongest(int maxLength) implements Padding {
        public ToLongest {
            requirePositive(maxLength);
        }
    }

    /** Every text truncated or padded to exactly {@code length} tokens (for latency at a given length). */
    record Fixed(int length) implements Padding {
        public Fixed {
            requirePositive(length);
        }
    }

    static Padding toLongest(int maxLength) {
        return new ToLongest(maxLength);
    }

    static Padding fixed(int length) {
        return new Fixed(length);
    }

    /** The most tokens one text may keep. */
    default int maxLength() {
        return switch (this) {
            case ToLongest l -> l.maxLength();
            case Fixed f -> f.length();
        };
    }

    private static void requirePositive(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("a sequence length must be at least 1, got " + length);
        }
    }
}
