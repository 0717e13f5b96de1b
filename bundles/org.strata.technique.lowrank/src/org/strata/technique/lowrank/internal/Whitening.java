package org.strata.technique.lowrank.internal;

/**
 * The second moment C = E[xᵀx] of a projection's input x (d features) over calibration tokens, and its Cholesky
 * factor C = L·Lᵀ. The error a replacement W' of the weight W makes on those inputs is
 * E‖x(W − W')‖² = ‖Lᵀ(W − W')‖²_F, so truncating the SVD of Lᵀ·W and mapping back with L⁻ᵀ gives the best
 * rank-r weight for the data rather than for the weight itself (truncation-aware whitening, as in SVD-LLM, Wang
 * et al. 2024, and ASVD, Yuan et al. 2023). A small ridge (1e-4 of the mean diagonal) keeps C positive definite
 * when some input directions never occur.
 */
final class Whitening {
    private static final double RIDGE = 1e-4;

    private final int d;
    /** Lower-triangular L, row-major d×d. */
    private final double[] l;

    private Whitening(int d, double[] l) {
        this.d = d;
        this.l = l;
    }

    /** Accumulates Σ xᵀx over tokens (lower triangle) for one input width. */
    static final class Moments {
        final int width;
        final double[] sum;
        long tokens;

        Moments(int width) {
            this.width = width;
            this.sum = new double[width * width];
        }

        void add(float[] v, int at) {
            for (int i = 0; i < width; i++) {
                double xi = v[at + i];
                if (xi == 0) continue;
                int row = i * width;
                for (int j = 0; j <= i; j++) sum[row + j] += xi * v[at + j];
            }
            tokens++;
        }

        Whitening whitening() {
            double[] c = new double[width * width];
            double n = Math.max(1, tokens);
            double trace = 0;
            for (int i = 0; i < width; i++) trace += sum[i * width + i] / n;
            double ridge = RIDGE * Math.max(trace / width, 1e-12);
            for (int i = 0; i < width; i++) {
                for (int j = 0; j <= i; j++) c[i * width + j] = sum[i * width + j] / n;
                c[i * width + i] += ridge;
            }
            return cholesky(c, width);
        }
    }

    /** The Cholesky factor of the symmetric positive definite {@code c} (its lower triangle read, row-major n×n). */
    static Whitening cholesky(double[] c, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = c[i * n + j];
                int ri = i * n, rj = j * n;
                for (int k = 0; k < j; k++) s -= l[ri + k] * l[rj + k];
                if (i == j) {
                    if (!(s > 0)) throw new ArithmeticException("the input covariance is not positive definite at " + i);
                    l[ri + i] = Math.sqrt(s);
                } else {
                    l[ri + j] = s / l[rj + j];
                }
            }
        }
        return new Whitening(n, l);
    }

    int size() {
        return d;
    }

    /** L (row-major), for tests. */
    double[] lower() {
        return l.clone();
    }

    /** Lᵀ·W for W row-major d×e. */
    double[] apply(float[] w, int e) {
        double[] out = new double[d * e];
        for (int i = 0; i < d; i++) {
            // row i of Lᵀ is column i of L: L[k][i] for k ≥ i
            int ro = i * e;
            for (int k = i; k < d; k++) {
                double lki = l[k * d + i];
                if (lki == 0) continue;
                int rw = k * e;
                for (int c = 0; c < e; c++) out[ro + c] += lki * w[rw + c];
            }
        }
        return out;
    }

    /** X with Lᵀ·X = Y, for Y row-major d×r (back substitution, column by column in place). */
    float[] solve(float[] y, int r) {
        double[] x = new double[d * r];
        for (int i = 0; i < y.length; i++) x[i] = y[i];
        for (int i = d - 1; i >= 0; i--) {
            double lii = l[i * d + i];
            int ri = i * r;
            for (int k = i + 1; k < d; k++) {
                double lki = l[k * d + i];
                if (lki == 0) continue;
                int rk = k * r;
                for (int c = 0; c < r; c++) x[ri + c] -= lki * x[rk + c];
            }
            for (int c = 0; c < r; c++) x[ri + c] /= lii;
        }
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) out[i] = (float) x[i];
        return out;
    }
}
