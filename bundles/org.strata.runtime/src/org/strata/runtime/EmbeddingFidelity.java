package org.strata.runtime;

/**
 * How closely a candidate model's text embeddings follow the reference model's, on the same texts.
 * Embeddings are mean-pooled hidden states (attention mask applied).
 *
 * @param texts              number of texts compared
 * @param meanCosine         mean over texts of cosine(reference embedding, candidate embedding)
 * @param minCosine          the worst text's cosine
 * @param maxAbsError        largest |candidate − reference| over the raw hidden states of real tokens
 * @param top1Agreement      fraction of texts whose nearest other text (by cosine) is the same for both models
 * @param top5Overlap        mean fraction shared between the two models' 5 nearest other texts (fewer
 *                           when there are fewer than 6 texts)
 * @param similaritySpearman Spearman rank correlation between the two models' cosine similarities of all
 *                           pairs of texts (1: same ordering of pairs)
 */
public record EmbeddingFidelity(int texts, double meanCosine, double minCosine, double maxAbsError,
        double top1Agreement, double top5Overlap, double similaritySpearman) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "%d texts: cosine mean %.6f min %.6f, max |error| %.4g, top-1 NN agreement %.3f,"
                        + " top-5 overlap %.3f, pairwise-similarity Spearman %.4f",
                texts, meanCosine, minCosine, maxAbsError, top1Agreement, top5Overlap, similaritySpearman);
    }
}
