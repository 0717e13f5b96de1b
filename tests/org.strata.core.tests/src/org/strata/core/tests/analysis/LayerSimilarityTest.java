package org.strata.core.tests.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.strata.core.AnalysisTable;
import org.strata.core.ProgressMonitor;
import org.strata.core.analysis.LayerSimilarity;
import org.strata.onnx.Model;
import org.strata.onnx.structure.TransformerStructure;

/** Linear CKA in its feature-space form against the textbook Gram form, its invariances, and on MiniLM. */
class LayerSimilarityTest {

    /** CKA from the token × token Gram matrices, as Kornblith et al. define it: HSIC(K, L) / sqrt(HSIC(K, K) HSIC(L, L)). */
    static double gramCka(float[][] x, float[][] y) {
        double[][] k = centeredGram(x), l = centeredGram(y);
        return dot(k, l) / Math.sqrt(dot(k, k) * dot(l, l));
    }

    private static double[][] centeredGram(float[][] x) {
        int n = x.length;
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int d = 0; d < x[0].length; d++) g[i][j] += (double) x[i][d] * x[j][d];
        double[] row = new double[n];
        double all = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) { row[i] += g[i][j] / n; all += g[i][j] / ((double) n * n); }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) c[i][j] = g[i][j] - row[i] - row[j] + all;
        return c;
    }

    private static double dot(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a.length; j++) s += a[i][j] * b[i][j];
        return s;
    }

    private static float[][] random(Random r, int n, int d, double shift) {
        float[][] x = new float[n][d];
        for (float[] row : x) for (int j = 0; j < d; j++) row[j] = (float) (r.nextGaussian() + shift);
        return x;
    }

    @Test
    void featureSpaceFormEqualsTheGramFormAndIsInvariantToRotationScaleAndShift() {
        Random r = new Random(7);
        float[][] x = random(r, 40, 6, 0.5);
        float[][] noise = random(r, 40, 6, 0);
        float[][] mixed = new float[40][6];
        for (int t = 0; t < 40; t++) for (int j = 0; j < 6; j++) mixed[t][j] = x[t][j] + 0.7f * noise[t][j];
        // x rotated (a Givens rotation of features 0 and 3), scaled by 3 and shifted by 5.
        double c = Math.cos(0.8), s = Math.sin(0.8);
        float[][] rotated = new float[40][6];
        for (int t = 0; t < 40; t++) {
            for (int j = 0; j < 6; j++) rotated[t][j] = 3 * x[t][j] + 5;
            rotated[t][0] = (float) (3 * (c * x[t][0] - s * x[t][3]) + 5);
            rotated[t][3] = (float) (3 * (s * x[t][0] + c * x[t][3]) + 5);
        }
        LayerSimilarity sim = LayerSimilarity.of(List.of(x, mixed, noise, rotated), ProgressMonitor.NULL);
        assertEquals(gramCka(x, mixed), sim.cka(1, 2), 1e-6);
        assertEquals(gramCka(x, noise), sim.cka(1, 3), 1e-6);
        assertEquals(gramCka(mixed, noise), sim.cka(2, 3), 1e-6);
        assertEquals(1.0, sim.cka(1, 4), 1e-5, "CKA ignores rotation, isotropic scale and shift");
        assertEquals(1.0, sim.cka(2, 2), 1e-9);
        assertEquals(sim.cka(2, 1), sim.cka(1, 2), 0.0);
        assertTrue(sim.cka(1, 3) < 0.5 && sim.cka(1, 2) > sim.cka(1, 3), "independent noise is far, a noisy copy closer: " + sim.cka(1, 3));
        assertTrue(sim.cosine(1, 4) < 0.99, "the plain cosine does see the rotation and shift: " + sim.cosine(1, 4));
        assertEquals(1.0, sim.cosine(3, 3), 0.0);
        assertEquals(40, sim.tokens());
    }

    @Test
    void miniLmNeighboursAreMoreAlikeThanDistantBlocks() {
        Model m = LayerFixtures.miniLm();
        TransformerStructure s = TransformerStructure.discover(m);
        LayerSimilarity sim = LayerSimilarity.measure(m, s, LayerFixtures.miniLmRunner(), 24, ProgressMonitor.NULL);
        assertEquals(6, sim.blockCount());
        for (int a = 1; a <= 6; a++) {
            assertEquals(1.0, sim.cka(a, a), 1e-6);
            for (int b = 1; b <= 6; b++) {
                assertTrue(sim.cka(a, b) > 0 && sim.cka(a, b) <= 1 + 1e-6, a + "," + b + ": " + sim.cka(a, b));
                assertTrue(Math.abs(sim.cosine(a, b)) <= 1 + 1e-6);
            }
        }
        for (int a = 1; a <= 4; a++) {
            assertTrue(sim.cka(a, a + 1) > sim.cka(a, a + 2), "block " + a + ": next " + sim.cka(a, a + 1) + ", one further " + sim.cka(a, a + 2));
        }
        List<AnalysisTable> tables = sim.tables();
        assertEquals(List.of(LayerSimilarity.CKA_ID, LayerSimilarity.COSINE_ID), tables.stream().map(AnalysisTable::id).toList());
        for (AnalysisTable t : tables) {
            assertEquals(AnalysisTable.Kind.HEATMAP, t.kind());
            assertEquals(List.of("block 1", "block 2", "block 3", "block 4", "block 5", "block 6"), t.rows());
            assertEquals(t.rows(), t.columns());
        }
        assertEquals(sim.cka(2, 5), tables.get(0).value(1, 4), 0.0);
        System.out.println("MiniLM CKA of adjacent blocks: " + java.util.stream.IntStream.rangeClosed(1, 5)
                .mapToObj(a -> a + "-" + (a + 1) + " " + String.format("%.3f", sim.cka(a, a + 1))).toList() + " over " + sim.tokens() + " tokens");
    }
}
