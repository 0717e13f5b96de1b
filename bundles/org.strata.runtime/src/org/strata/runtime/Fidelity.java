package org.strata.runtime;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The measures Strata reports for a lossy step: plain functions of reference and candidate outputs,
 * kept free of ONNX Runtime so that each can be checked by hand on small examples.
 *
 * <p>Why these: cosine says how far each embedding moved; nearest-neighbour agreement and the Spearman
 * correlation of pairwise similarities say whether retrieval built on the embeddings would rank the same
 * way, which is what users of a sentence-embedding model care about; max |error| is what the engine's
 * lossless tolerance is written in; KL divergence and top-1 agreement are the usual measures for logits.
 */
public final class Fidelity {
    private Fidelity() {}

    /** Cosine of the angle between two vectors; 0 if either is all zeros. */
    public static double cosine(float[] a, float[] b) {
        requireSameLength(a.length, b.length);
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /**
     * Mean of the hidden states of the real tokens of each text (the sentence-transformers pooling).
     *
     * @param hidden row-major {@code [batch, sequence, width]}
     * @param mask   {@code [batch][sequence]}, non-zero for real tokens
     * @return {@code [batch][width]}; a row with no real token is all zeros
     */
    public static float[][] meanPool(float[] hidden, int batch, int sequence, int width, long[][] mask) {
        if (hidden.length != batch * sequence * width) {
            throw new IllegalArgumentException("hidden states hold " + hidden.length + " values, not " + batch + "×"
                    + sequence + "×" + width);
        }
        float[][] pooled = new float[batch][width];
        for (int b = 0; b < batch; b++) {
            double[] sum = new double[width];
            int count = 0;
            for (int t = 0; t < sequence; t++) {
                if (mask[b][t] == 0) {
                    continue;
                }
                count++;
                int base = (b * sequence + t) * width;
                for (int w = 0; w < width; w++) {
                    sum[w] += hidden[base + w];
                }
            }
            for (int w = 0; w < width && count > 0; w++) {
                pooled[b][w] = (float) (sum[w] / count);
            }
        }
        return pooled;
    }

    /** Largest |candidate − reference| over all elements. */
    public static double maxAbsError(float[] reference, float[] candidate) {
        requireSameLength(reference.length, candidate.length);
        double max = 0;
        for (int i = 0; i < reference.length; i++) {
            max = Math.max(max, Math.abs((double) candidate[i] - reference[i]));
        }
        return max;
    }

    /** ‖candidate − reference‖ / ‖reference‖; 0 when both are zero, infinite when only the reference is. */
    public static double relativeError(float[] reference, float[] candidate) {
        requireSameLength(reference.length, candidate.length);
        double diff = 0, norm = 0;
        for (int i = 0; i < reference.length; i++) {
            double d = (double) candidate[i] - reference[i];
            diff += d * d;
            norm += (double) reference[i] * reference[i];
        }
        return norm == 0 ? (diff == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(diff / norm);
    }

    /**
     * Compares the neighbourhoods of the same texts in two embeddings: for each text, its nearest other
     * texts by cosine (ties to the lower index). Needs at least two texts.
     */
    public static NeighbourAgreement neighbours(float[][] reference, float[][] candidate, int k) {
        int n = reference.length;
        requireSameLength(n, candidate.length);
        if (n < 2) {
            throw new IllegalArgumentException("neighbours need at least 2 texts, got " + n);
        }
        int kk = Math.min(k, n - 1);
        double[][] simRef = similarities(reference);
        double[][] simCand = similarities(candidate);
        int sameTop1 = 0;
        double overlap = 0;
        for (int i = 0; i < n; i++) {
            int[] nearRef = nearest(simRef[i], i, kk);
            int[] nearCand = nearest(simCand[i], i, kk);
            sameTop1 += nearRef[0] == nearCand[0] ? 1 : 0;
            overlap += (double) Arrays.stream(nearRef).filter(j -> Arrays.stream(nearCand).anyMatch(c -> c == j))
                    .count() / kk;
        }
        return new NeighbourAgreement((double) sameTop1 / n, overlap / n, kk);
    }

    /**
     * Spearman rank correlation (Pearson correlation of the ranks, ties get their average rank); 0 when
     * either side is constant.
     */
    public static double spearman(double[] x, double[] y) {
        requireSameLength(x.length, y.length);
        return pearson(ranks(x), ranks(y));
    }

    /**
     * All the embedding measures, from already pooled embeddings.
     *
     * @param maxAbsError max |error| over the raw hidden states, measured by the caller before pooling
     */
    public static EmbeddingFidelity embeddings(float[][] reference, float[][] candidate, double maxAbsError) {
        int n = reference.length;
        requireSameLength(n, candidate.length);
        double sum = 0, min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double c = cosine(reference[i], candidate[i]);
            sum += c;
            min = Math.min(min, c);
        }
        NeighbourAgreement near = neighbours(reference, candidate, 5);
        return new EmbeddingFidelity(n, sum / n, min, maxAbsError, near.top1(), near.topKOverlap(),
                spearman(upperTriangle(similarities(reference)), upperTriangle(similarities(candidate))));
    }

    /**
     * Compares logits row by row (each row one position's scores over the classes or vocabulary).
     */
    public static LogitFidelity logits(float[][] reference, float[][] candidate) {
        requireSameLength(reference.length, candidate.length);
        int agree = 0;
        double kl = 0;
        for (int r = 0; r < reference.length; r++) {
            requireSameLength(reference[r].length, candidate[r].length);
            agree += argmax(reference[r]) == argmax(candidate[r]) ? 1 : 0;
            double[] logP = logSoftmax(reference[r]);
            double[] logQ = logSoftmax(candidate[r]);
            for (int c = 0; c < logP.length; c++) {
                kl += Math.exp(logP[c]) * (logP[c] - logQ[c]);
            }
        }
        return new LogitFidelity(reference.length, (double) agree / reference.length, kl / reference.length);
    }

    private static double[][] similarities(float[][] embeddings) {
        int n = embeddings.length;
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                sim[i][j] = sim[j][i] = cosine(embeddings[i], embeddings[j]);
            }
        }
        return sim;
    }

    private static int[] nearest(double[] similarity, int self, int k) {
        return IntStream.range(0, similarity.length).filter(j -> j != self).boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> -similarity[j]).thenComparingInt(j -> j))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static double[] upperTriangle(double[][] m) {
        int n = m.length;
        double[] out = new double[n * (n - 1) / 2];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                out[p++] = m[i][j];
            }
        }
        return out;
    }

    private static double[] ranks(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        for (int start = 0; start < order.length;) {
            int end = start;
            while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double average = (start + end) / 2.0 + 1;
            for (int i = start; i <= end; i++) {
                ranks[order[i]] = average;
            }
            start = end + 1;
        }
        return ranks;
    }

    private static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = Arrays.stream(x).average().orElse(0), my = Arrays.stream(y).average().orElse(0);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double[] logSoftmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        double logSum = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] - logSum;
        }
        return out;
    }

    private static void requireSameLength(int reference, int candidate) {
        if (reference != candidate) {
            throw new IllegalArgumentException("reference and candidate differ in size: " + reference + " vs "
                    + candidate);
        }
    }
}
