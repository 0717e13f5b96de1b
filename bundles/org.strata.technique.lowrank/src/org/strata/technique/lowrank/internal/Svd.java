package org.strata.technique.lowrank.internal;

/**
 * The singular value decomposition W = U·Σ·Vᵀ of a real m×n matrix, in double precision, from the eigen-
 * decomposition of the smaller Gram matrix (WᵀW when n ≤ m, else W·Wᵀ) by {@link SymmetricEigen}: its eigenvalues
 * are σ², its eigenvectors the right (or left) singular vectors, and the other side follows as W·v/σ (or Wᵀ·u/σ).
 * Squaring loses relative accuracy only for singular values below about 1e-8·σ₁, far under what a truncation
 * keeps; the truncated factors are built so that they stay exact projections of W ({@link #factors}).
 */
final class Svd {
    private final int rows;
    private final int cols;
    private final double[] sigma;
    /** Left singular vectors as rows: u[k] has {@code rows} entries. */
    private final double[][] u;
    /** Right singular vectors as rows: v[k] has {@code cols} entries. */
    private final double[][] v;

    private Svd(int rows, int cols, double[] sigma, double[][] u, double[][] v) {
        this.rows = rows;
        this.cols = cols;
        this.sigma = sigma;
        this.u = u;
        this.v = v;
    }

    /** The decomposition of the row-major {@code rows}×{@code cols} matrix {@code w}. */
    static Svd of(float[] w, int rows, int cols) {
        double[] m = new double[w.length];
        for (int i = 0; i < w.length; i++) m[i] = w[i];
        return of(m, rows, cols);
    }

    /** The decomposition of the row-major {@code rows}×{@code cols} matrix {@code w}. */
    static Svd of(double[] w, int rows, int cols) {
        if (w.length != (long) rows * cols) throw new IllegalArgumentException(w.length + " values for " + rows + "×" + cols);
        boolean right = cols <= rows; // eigenvectors of WᵀW are the right singular vectors
        int k = Math.min(rows, cols);
        double[][] gram = right ? gramOfColumns(w, rows, cols) : gramOfRows(w, rows, cols);
        SymmetricEigen eig = new SymmetricEigen(gram);
        double[] lambda = eig.values();
        double[] sigma = new double[k];
        double[][] known = new double[k][];
        for (int i = 0; i < k; i++) {
            int at = k - 1 - i; // descending
            sigma[i] = Math.sqrt(Math.max(0, lambda[at]));
            known[i] = eig.vector(at);
        }
        double tiny = (sigma.length == 0 ? 0 : sigma[0]) * 1e-12;
        double[][] other = new double[k][right ? rows : cols];
        for (int i = 0; i < k; i++) {
            if (sigma[i] <= tiny) continue; // a null direction: no partner vector is needed for W
            double[] o = other[i];
            double[] x = known[i];
            if (right) {
                for (int r = 0; r < rows; r++) {
                    double s = 0;
                    int base = r * cols;
                    for (int c = 0; c < cols; c++) s += w[base + c] * x[c];
                    o[r] = s / sigma[i];
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    double xr = x[r] / sigma[i];
                    int base = r * cols;
                    for (int c = 0; c < cols; c++) o[c] += w[base + c] * xr;
                }
            }
        }
        return right ? new Svd(rows, cols, sigma, other, known) : new Svd(rows, cols, sigma, known, other);
    }

    /** WᵀW, cols×cols. */
    private static double[][] gramOfColumns(double[] w, int rows, int cols) {
        double[][] g = new double[cols][cols];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int i = 0; i < cols; i++) {
                double wi = w[base + i];
                if (wi == 0) continue;
                double[] gi = g[i];
                for (int j = 0; j <= i; j++) gi[j] += wi * w[base + j];
            }
        }
        for (int i = 0; i < cols; i++) for (int j = 0; j < i; j++) g[j][i] = g[i][j];
        return g;
    }

    /** W·Wᵀ, rows×rows. */
    private static double[][] gramOfRows(double[] w, int rows, int cols) {
        double[][] g = new double[rows][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                int a = i * cols, b = j * cols;
                for (int c = 0; c < cols; c++) s += w[a + c] * w[b + c];
                g[i][j] = s;
                g[j][i] = s;
            }
        }
        return g;
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    /** Singular values, descending; min(rows, cols) of them. */
    double[] singularValues() {
        return sigma.clone();
    }

    /** Left singular vector {@code k} (rows entries). */
    double[] left(int k) {
        return u[k].clone();
    }

    /** Right singular vector {@code k} (cols entries). */
    double[] right(int k) {
        return v[k].clone();
    }

    /** Σ_{i<rank} σᵢ² / Σ σᵢ²: the share of ‖W‖²_F a rank-{@code rank} truncation keeps (1 for a zero matrix). */
    double energy(int rank) {
        double all = 0, kept = 0;
        for (int i = 0; i < sigma.length; i++) {
            double s2 = sigma[i] * sigma[i];
            all += s2;
            if (i < rank) kept += s2;
        }
        return all == 0 ? 1 : kept / all;
    }

    /** The smallest rank keeping at least {@code energy} of ‖W‖²_F (at least 1). */
    int rankForEnergy(double energy) {
        double all = 0;
        for (double s : sigma) all += s * s;
        if (all == 0) return 1;
        double kept = 0;
        for (int i = 0; i < sigma.length; i++) {
            kept += sigma[i] * sigma[i];
            if (kept >= energy * all * (1 - 1e-12)) return i + 1;
        }
        return sigma.length;
    }

    /**
     * W ≈ A·B with A = U_r·Σ_r^½ (rows×rank) and B = Σ_r^½·V_rᵀ (rank×cols), row-major: the best rank-{@code rank}
     * approximation (Eckart–Young), with the singular values shared evenly so that both factors have the same
     * scale (which suits a later int8 quantization of either).
     */
    Factors factors(int rank) {
        if (rank < 1 || rank > sigma.length) throw new IllegalArgumentException("rank " + rank + " of " + sigma.length);
        float[] a = new float[rows * rank];
        float[] b = new float[rank * cols];
        for (int k = 0; k < rank; k++) {
            double root = Math.sqrt(sigma[k]);
            for (int r = 0; r < rows; r++) a[r * rank + k] = (float) (u[k][r] * root);
            for (int c = 0; c < cols; c++) b[k * cols + c] = (float) (v[k][c] * root);
        }
        return new Factors(rows, rank, cols, a, b);
    }

    /** A (rows×rank) and B (rank×cols), row-major floats. */
    record Factors(int rows, int rank, int cols, float[] a, float[] b) {
    }
}
