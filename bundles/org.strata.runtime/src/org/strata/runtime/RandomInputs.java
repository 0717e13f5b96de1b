package org.strata.runtime;

/**
 * Seeded random inputs for a model Strata cannot feed real data to: {@code runs} batches of
 * {@code batchSize} × {@code sequenceLength} token ids below {@code vocabSize} (and noise for float
 * inputs), batch {@code r} drawn with seed {@code seed + r}.
 */
public record RandomInputs(int runs, int batchSize, int sequenceLength, int vocabSize, long seed) {

    public RandomInputs {
        if (runs < 1 || batchSize < 1 || sequenceLength < 1 || vocabSize < 1) {
            throw new IllegalArgumentException("runs, batch size, sequence length and vocabulary size must be at"
                    + " least 1, got " + runs + ", " + batchSize + ", " + sequenceLength + ", " + vocabSize);
        }
    }

    /** Four runs of one sequence of 32 tokens, seed 42. */
    public static RandomInputs of(int vocabSize) {
        return new RandomInputs(4, 1, 32, vocabSize, 42);
    }
}
