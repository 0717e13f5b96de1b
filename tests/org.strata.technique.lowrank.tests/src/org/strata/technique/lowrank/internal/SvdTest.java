package org.strata.technique.lowrank.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The hand-written SVD against what it must satisfy on random matrices: W = U·Σ·Vᵀ, orthonormal singular vectors,
 * prescribed singular values recovered, and a truncation error equal to the dropped energy (Eckart–Young).
 */
class SvdTest {
    private static double[] random(Random r, int rows, int cols) {
        double[] m = new double[rows * cols];
        for (int i = 0; i < m.length; i++) m[i] = r.nextGaussian();
        return m;
    }

    /** A random matrix with orthonormal columns (Gram–Schmidt, twice for accuracy), row-major n×k. */
    private static double[] orthonormal(Random r, int n, int k) {
        double[][] cols = new double[k][n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) cols[j][i] = r.nextGaussian();
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < j; p++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) dot += cols[j][i] * cols[p][i];
                    for (int i = 0; i < n; i++) cols[j][i] -= dot * cols[p][i];
                }
            }
            double norm = 0;
            for (double x : cols[j]) norm += x * x;
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) cols[j][i] /= norm;
        }
        double[] m = new double[n * k];
        for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) m[i * k + j] = cols[j][i];
        return m;
    }

    /** Q1 (rows×k) · diag(s) · Q2ᵀ (k×cols). */
    private static double[] withSingularValues(Random r, int rows, int cols, double[] s) {
        int k = s.length;
        double[] q1 = orthonormal(r, rows, k);
        double[] q2 = orthonormal(r, cols, k);
        double[] m = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double x = 0;
                for (int t = 0; t < k; t++) x += q1[i * k + t] * s[t] * q2[j * k + t];
                m[i * cols + j] = x;
            }
        }
        return m;
    }

    private static double maxAbs(double[] m) {
        double x = 0;
        for (double v : m) x = Math.max(x, Math.abs(v));
        return x;
    }

    @Test
    void reconstructsTallWideAndSquareMatrices() {
        Random r = new Random(1);
        int[][] shapes = {{40, 40}, {60, 25}, {25, 60}, {1, 7}, {7, 1}, {96, 384}};
        for (int[] shape : shapes) {
            int rows = shape[0], cols = shape[1];
            double[] w = random(r, rows, cols);
            Svd svd = Svd.of(w, rows, cols);
            int k = Math.min(rows, cols);
            double[] s = svd.singularValues();
            assertEquals(k, s.length);
            for (int i = 1; i < k; i++) assertTrue(s[i - 1] >= s[i], "descending");
            double err = 0;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double x = 0;
                    for (int t = 0; t < k; t++) x += svd.left(t)[i] * s[t] * svd.right(t)[j];
                    err = Math.max(err, Math.abs(x - w[i * cols + j]));
                }
            }
            assertTrue(err < 1e-9 * maxAbs(w), rows + "×" + cols + ": reconstruction error " + err);
            // orthonormal vectors on both sides (a random Gaussian matrix is well conditioned)
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    double du = 0, dv = 0;
                    double[] ua = svd.left(a), ub = svd.left(b), va = svd.right(a), vb = svd.right(b);
                    for (int i = 0; i < rows; i++) du += ua[i] * ub[i];
                    for (int j = 0; j < cols; j++) dv += va[j] * vb[j];
                    assertEquals(a == b ? 1 : 0, du, 1e-8, rows + "×" + cols + " U " + a + "," + b);
                    assertEquals(a == b ? 1 : 0, dv, 1e-8, rows + "×" + cols + " V " + a + "," + b);
                }
            }
        }
    }

    @Test
    void recoversPrescribedSingularValuesIncludingRepeatedAndZeroOnes() {
        Random r = new Random(2);
        double[] s = {9, 5, 5, 2.5, 1, 0.25, 1e-3, 0, 0, 0};
        double[] w = withSingularValues(r, 50, 30, s);
        double[] got = Svd.of(w, 50, 30).singularValues();
        for (int i = 0; i < s.length; i++) assertEquals(s[i], got[i], s[i] == 0 ? 1e-6 : 1e-7, "σ" + (i + 1));
        // zero singular values come back as about √ε·σ₁ (squared through the Gram matrix): well below any kept rank
        for (int i = s.length; i < got.length; i++) assertEquals(0, got[i], 1e-6, "σ" + (i + 1));
        double[] wide = withSingularValues(r, 30, 50, s);
        double[] got2 = Svd.of(wide, 30, 50).singularValues();
        for (int i = 0; i < s.length; i++) assertEquals(s[i], got2[i], s[i] == 0 ? 1e-6 : 1e-7, "wide σ" + (i + 1));
    }

    @Test
    void truncationErrorIsTheDroppedEnergyAndAnExactLowRankMatrixComesBackExactly() {
        Random r = new Random(3);
        int rows = 64, cols = 48;
        double[] w = random(r, rows, cols);
        Svd svd = Svd.of(w, rows, cols);
        double[] s = svd.singularValues();
        double total = 0;
        for (double x : w) total += x * x;
        for (int rank : new int[] {1, 5, 20, 47, 48}) {
            Svd.Factors f = svd.factors(rank);
            double err = 0;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double x = 0;
                    for (int t = 0; t < rank; t++) x += (double) f.a()[i * rank + t] * f.b()[t * cols + j];
                    double d = x - w[i * cols + j];
                    err += d * d;
                }
            }
            double dropped = 0;
            for (int i = rank; i < s.length; i++) dropped += s[i] * s[i];
            // float factors: relative error of about 1e-7 per entry
            assertEquals(dropped, err, 1e-5 * total, "rank " + rank);
            assertEquals(1 - dropped / total, svd.energy(rank), 1e-9, "energy of rank " + rank);
        }
        // a matrix of rank 6 needs rank 6 for all its energy, and its factors reproduce it
        double[] low = withSingularValues(r, 40, 30, new double[] {4, 3, 2, 1, 0.5, 0.1});
        Svd l = Svd.of(low, 40, 30);
        assertEquals(6, l.rankForEnergy(1.0));
        assertEquals(1, l.rankForEnergy(0.5));
        Svd.Factors f = l.factors(6);
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 30; j++) {
                double x = 0;
                for (int t = 0; t < 6; t++) x += (double) f.a()[i * 6 + t] * f.b()[t * 30 + j];
                assertEquals(low[i * 30 + j], x, 1e-6);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> l.factors(0));
    }

    @Test
    void symmetricEigenOfAKnownMatrix() {
        // [[2, 1], [1, 2]]: eigenvalues 1 and 3 with (1, -1)/√2 and (1, 1)/√2
        SymmetricEigen e = new SymmetricEigen(new double[][] {{2, 1}, {1, 2}});
        assertEquals(1, e.values()[0], 1e-12);
        assertEquals(3, e.values()[1], 1e-12);
        double[] v = e.vector(1);
        assertEquals(Math.abs(v[0]), Math.abs(v[1]), 1e-12);
        assertEquals(1 / Math.sqrt(2), Math.abs(v[0]), 1e-12);
        // a diagonal matrix, and the empty one
        assertEquals(-4, new SymmetricEigen(new double[][] {{5, 0, 0}, {0, -4, 0}, {0, 0, 1}}).values()[0], 1e-12);
        assertEquals(0, new SymmetricEigen(new double[0][0]).values().length);
    }
}
