package org.strata.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes the input for one model at one sequence length, for {@link LatencyBenchmark}. Each model gets its
 * own feed from its own {@link ModelInputs}, so models whose inputs differ are still timed on the same data.
 */
@FunctionalInterface
public interface FeedSource {

    ModelFeed feed(ModelInputs inputs, int sequenceLength);

    /**
     * Real text at exactly the requested length: {@code batchSize} texts (taken in turn from
     * {@code texts}, which should be long enough, such as {@link TextCorpus#passages()}) truncated or
     * padded to the length.
     */
    static FeedSource texts(WordPieceTokenizer tokenizer, List<String> texts, int batchSize) {
        if (texts.isEmpty() || batchSize < 1) {
            throw new IllegalArgumentException("need at least one text and a batch size of at least 1");
        }
        return (inputs, length) -> {
            List<String> batch = new ArrayList<>(batchSize);
            for (int i = 0; i < batchSize; i++) {
                batch.add(texts.get(i % texts.size()));
            }
            return inputs.forTexts(tokenizer, batch, Padding.fixed(length));
        };
    }

    /** Seeded random token ids below {@code vocabSize}, for a model without a tokenizer. */
    static FeedSource randomTokens(int batchSize, int vocabSize, long seed) {
        return (inputs, length) -> inputs.forRandomTokens(batchSize, length, vocabSize, seed);
    }
}
