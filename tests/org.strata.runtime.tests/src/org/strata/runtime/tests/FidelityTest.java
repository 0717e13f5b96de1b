package org.strata.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.runtime.Fidelity;
import org.strata.runtime.LogitFidelity;
import org.strata.runtime.NeighbourAgreement;
import org.strata.runtime.OutputFidelity;

/** The fidelity measures on examples small enough to work out by hand (the expected values say how). */
class FidelityTest {
    private static final double EPS = 1e-9;

    @Test
    void cosineOfParallelOrthogonalAndDiagonalVectors() {
        assertEquals(1.0, Fidelity.cosine(new float[] {1, 2, 3}, new float[] {2, 4, 6}), EPS);
        assertEquals(0.0, Fidelity.cosine(new float[] {1, 0}, new float[] {0, 1}), EPS);
        assertEquals(-1.0, Fidelity.cosine(new float[] {1, 1}, new float[] {-1, -1}), EPS);
        assertEquals(1 / Math.sqrt(2), Fidelity.cosine(new float[] {1, 1}, new float[] {1, 0}), EPS);
        assertEquals(0.0, Fidelity.cosine(new float[] {0, 0}, new float[] {1, 0}), EPS, "zero vector");
    }

    @Test
    void meanPoolingSkipsPaddedTokens() {
        // batch 2, sequence 3, width 2; text 0 has 2 real tokens, text 1 has 3
        float[] hidden = {1, 10, 3, 30, 100, 100, /* text 1 */ 1, 1, 2, 2, 6, 6};
        long[][] mask = {{1, 1, 0}, {1, 1, 1}};
        float[][] pooled = Fidelity.meanPool(hidden, 2, 3, 2, mask);
        assertArrayEquals(new float[] {2, 20}, pooled[0], 1e-6f);
        assertArrayEquals(new float[] {3, 3}, pooled[1], 1e-6f);
    }

    @Test
    void relativeAndMaxAbsoluteError() {
        float[] reference = {3, 4};
        float[] candidate = {3, 5};
        assertEquals(0.2, Fidelity.relativeError(reference, candidate), EPS, "|(0,1)| / |(3,4)| = 1/5");
        assertEquals(1.0, Fidelity.maxAbsError(reference, candidate), EPS);
        assertEquals(0.0, Fidelity.relativeError(reference, reference), EPS);
        assertThrows(IllegalArgumentException.class, () -> Fidelity.relativeError(reference, new float[3]));
    }

    @Test
    void identicalEmbeddingsAgreeCompletely() {
        float[][] e = {{1, 0, 0}, {0.9f, 0.1f, 0}, {0, 1, 0}, {0, 0.8f, 0.3f}, {0.2f, 0.2f, 1}, {0, 0, 1}, {1, 1, 1}};
        EmbeddingFidelity f = Fidelity.embeddings(e, e, 0);
        assertEquals(7, f.texts());
        assertEquals(1.0, f.meanCosine(), 1e-6);
        assertEquals(1.0, f.minCosine(), 1e-6);
        assertEquals(1.0, f.top1Agreement(), EPS);
        assertEquals(1.0, f.top5Overlap(), EPS);
        assertEquals(1.0, f.similaritySpearman(), EPS);
    }

    @Test
    void nearestNeighbourAgreementCountsChangedNeighbours() {
        // Unit vectors at angles (degrees). Reference 0, 10, 50, 105: nearest are 1, 0, 1, 2.
        // Candidate 0, 30, 45, 105: nearest are 1, 2, 1, 2 -> only text 1 changed its neighbour.
        float[][] reference = {unit(0), unit(10), unit(50), unit(105)};
        float[][] candidate = {unit(0), unit(30), unit(45), unit(105)};
        NeighbourAgreement top1 = Fidelity.neighbours(reference, candidate, 1);
        assertEquals(0.75, top1.top1(), EPS);
        assertEquals(0.75, top1.topKOverlap(), EPS, "with k = 1 the overlap is the top-1 agreement");
        // k = 2: reference sets {1,2} {0,2} {1,0} {2,1}; candidate {1,2} {2,0} {1,0} {2,1} -> all the same
        NeighbourAgreement top2 = Fidelity.neighbours(reference, candidate, 2);
        assertEquals(1.0, top2.topKOverlap(), EPS);
        assertEquals(3, Fidelity.neighbours(reference, candidate, 5).k(), "k is capped at texts - 1");
    }

    @Test
    void spearmanOfSameReversedAndTiedOrders() {
        double[] x = {1, 2, 3, 4, 5};
        assertEquals(1.0, Fidelity.spearman(x, new double[] {10, 20, 30, 40, 50}), EPS);
        assertEquals(1.0, Fidelity.spearman(x, new double[] {1, 4, 9, 16, 25}), EPS, "monotone transform");
        assertEquals(-1.0, Fidelity.spearman(x, new double[] {5, 4, 3, 2, 1}), EPS);
        // ranks of {1,2,2,3} are {1, 2.5, 2.5, 4}; Pearson with {1,2,3,4} is 4.5 / sqrt(4.5 * 5)
        assertEquals(4.5 / Math.sqrt(22.5), Fidelity.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}),
                EPS);
        assertEquals(0.0, Fidelity.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3}), EPS, "constant side");
    }

    @Test
    void logitAgreementAndKlDivergence() {
        // Row 1: p = (1/2, 1/2), q = (3/4, 1/4): KL = 1/2 ln(2/3) + 1/2 ln 2 = 1/2 ln(4/3); both pick class 0.
        // Row 2: p = softmax(2, 1), q = softmax(1, 2): KL = (p0 - p1) * 1 = tanh(1/2); they disagree.
        float[][] reference = {{0, 0}, {2, 1}};
        float[][] candidate = {{(float) Math.log(3), 0}, {1, 2}};
        LogitFidelity f = Fidelity.logits(reference, candidate);
        assertEquals(2, f.positions());
        assertEquals(0.5, f.top1Agreement(), EPS);
        assertEquals((0.5 * Math.log(4.0 / 3) + Math.tanh(0.5)) / 2, f.meanKlDivergence(), 1e-7);
        assertEquals(0.0, Fidelity.logits(reference, reference).meanKlDivergence(), EPS);
    }

    @Test
    void toleranceScalesWithTheReference() {
        assertEquals(true, new OutputFidelity("y", 0, 0.9e-4, 0.5).withinTolerance(1e-4), "scale is at least 1");
        assertEquals(false, new OutputFidelity("y", 0, 1.1e-4, 0.5).withinTolerance(1e-4));
        assertEquals(true, new OutputFidelity("y", 0, 9e-4, 10).withinTolerance(1e-4), "1e-4 * 10");
    }

    private static float[] unit(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }
}
