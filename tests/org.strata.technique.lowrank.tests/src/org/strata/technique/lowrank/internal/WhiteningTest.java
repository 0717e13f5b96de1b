package org.strata.technique.lowrank.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The Cholesky factor of input moments, Lᵀ·W and the back substitution that undoes it. */
class WhiteningTest {
    @Test
    void momentsFactorAndSolve() {
        Random r = new Random(4);
        int d = 12, tokens = 200, e = 5;
        Whitening.Moments m = new Whitening.Moments(d);
        float[] x = new float[tokens * d];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian() * (1 + i % d);
        for (int t = 0; t < tokens; t++) m.add(x, t * d);
        Whitening w = m.whitening();
        double[] l = w.lower();
        // L·Lᵀ = E[xᵀx] + ridge on the diagonal
        double trace = 0;
        double[] c = new double[d * d];
        for (int t = 0; t < tokens; t++) {
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) c[i * d + j] += (double) x[t * d + i] * x[t * d + j] / tokens;
        }
        for (int i = 0; i < d; i++) trace += c[i * d + i];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) s += l[i * d + k] * l[j * d + k];
                double expected = c[i * d + j] + (i == j ? 1e-4 * trace / d : 0);
                assertEquals(expected, s, 1e-9 * trace, i + "," + j);
                if (j > i) assertEquals(0, l[i * d + j]);
            }
        }
        // solve(Lᵀ·W) = W
        float[] weight = new float[d * e];
        for (int i = 0; i < weight.length; i++) weight[i] = (float) r.nextGaussian();
        double[] lw = w.apply(weight, e);
        float[] lwf = new float[lw.length];
        for (int i = 0; i < lw.length; i++) lwf[i] = (float) lw[i];
        float[] back = w.solve(lwf, e);
        for (int i = 0; i < weight.length; i++) assertEquals(weight[i], back[i], 1e-4);
    }

    @Test
    void aMatrixThatIsNotPositiveDefiniteIsRefused() {
        assertThrows(ArithmeticException.class, () -> Whitening.cholesky(new double[] {1, 2, 2, 1}, 2));
    }
}
