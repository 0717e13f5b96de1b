package org.strata.technique.prune.internal;

import org.strata.core.ProgressMonitor;
import org.strata.core.TechniqueException;

/**
 * Structured Optimal Brain Surgeon for the input features of one projection {@code y = x·W + b}: removes groups
 * of input rows of W (an FFN neuron is a group of one row of the down projection; an attention head a group of
 * head-size rows of the output projection) one group at a time, each time the group whose loss the remaining
 * rows can best make up, and refits the remaining rows by least squares so the projection's output changes as
 * little as possible on the calibration data (Hassibi & Stork, "Optimal Brain Surgeon", 1993; applied to whole
 * rows as in ZipLM, Kurtić et al. 2023, and SlimGPT, Ling et al. 2024). Training-free and closed-form.
 *
 * <p>With H = Cov(x) + λ·I (λ = {@code ridge} × the mean variance) and H⁻¹ kept up to date, removing group G
 * costs {@code tr(W_Gᵀ (H⁻¹_GG)⁻¹ W_G)} in expected squared output error, and the best update of the other rows
 * is {@code W ← W − H⁻¹[:, G] (H⁻¹_GG)⁻¹ W_G}. The bias takes the change of the output's mean, so the mean output
 * is kept exactly (which subsumes FLAP's bias compensation).
 */
final class Surgeon {
    /** Default ridge, relative to the mean variance of the inputs; 1e-3 … 1e-1 measured within 0.001 on MiniLM. */
    static final double RIDGE = 1e-2;

    /**
     * What the surgery decided.
     *
     * @param keptGroups  kept groups, ascending
     * @param weightDelta change of W, row-major [in, out] (rows of removed groups: minus their old values)
     * @param biasDelta   change of b, one value per output
     * @param error       expected squared output error per token summed over outputs, before and after the refit
     *                    would be: {@code error[0]} without the refit (plain removal with the mean in the bias),
     *                    {@code error[1]} with it
     */
    record Surgery(int[] keptGroups, float[] weightDelta, float[] biasDelta, double[] error) {
    }

    private Surgeon() {
    }

    /**
     * Removes {@code remove} of the {@code in / groupSize} groups of rows of {@code weight} ([in, out],
     * row-major), consecutive rows forming a group.
     *
     * @throws TechniqueException when the covariance is not usable (not finite)
     */
    static Surgery remove(InputCovariance stats, float[] weight, int out, int groupSize, int remove, double ridge,
            ProgressMonitor monitor) {
        return surgery(stats, weight, out, groupSize, remove, null, ridge, monitor);
    }

    /**
     * Removes exactly the {@code forced} groups (in that order; the user chose them) and refits the remaining rows
     * as {@link #remove} does.
     */
    static Surgery removeExactly(InputCovariance stats, float[] weight, int out, int groupSize, int[] forced, double ridge,
            ProgressMonitor monitor) {
        return surgery(stats, weight, out, groupSize, forced.length, forced, ridge, monitor);
    }

    private static Surgery surgery(InputCovariance stats, float[] weight, int out, int groupSize, int remove, int[] forced,
            double ridge, ProgressMonitor monitor) {
        int in = stats.width();
        if (in % groupSize != 0 || weight.length != (long) in * out) {
            throw new IllegalArgumentException(in + " inputs, groups of " + groupSize + ", weight " + weight.length + " for " + out);
        }
        int groups = in / groupSize;
        if (remove < 0 || remove >= groups) throw new IllegalArgumentException("remove " + remove + " of " + groups);
        if (forced != null) {
            boolean[] seen = new boolean[groups];
            for (int f : forced) {
                if (f < 0 || f >= groups || seen[f]) throw new IllegalArgumentException("group " + f + " of " + groups);
                seen[f] = true;
            }
        }
        double[] mean = stats.mean();
        double[][] h = stats.covariance();
        double avg = 0;
        for (int i = 0; i < in; i++) avg += h[i][i];
        avg /= in;
        double lambda = Math.max(ridge * avg, 1e-12);
        for (int i = 0; i < in; i++) h[i][i] += lambda;
        // plain-removal error, for the report: removed rows' variance through W
        double[][] w = new double[in][out];
        for (int i = 0; i < in; i++) for (int o = 0; o < out; o++) w[i][o] = weight[i * out + o];
        monitor.checkCanceled();
        invert(h, monitor);
        boolean[] alive = new boolean[groups];
        java.util.Arrays.fill(alive, true);
        double refit = 0;
        double[][] g = new double[groupSize][groupSize];
        for (int step = 0; step < remove; step++) {
            if ((step & 15) == 0) monitor.checkCanceled();
            int best = -1;
            double bestScore = Double.POSITIVE_INFINITY;
            double[][] bestInv = null;
            for (int c = 0; c < groups; c++) {
                if (!alive[c] || (forced != null && c != forced[step])) continue;
                int r0 = c * groupSize;
                for (int a = 0; a < groupSize; a++) for (int b = 0; b < groupSize; b++) g[a][b] = h[r0 + a][r0 + b];
                double[][] gi = smallInverse(g);
                double s = 0;
                for (int a = 0; a < groupSize; a++) {
                    for (int b = 0; b < groupSize; b++) {
                        double f = gi[a][b];
                        if (f == 0) continue;
                        double[] wa = w[r0 + a], wb = w[r0 + b];
                        double dot = 0;
                        for (int o = 0; o < out; o++) dot += wa[o] * wb[o];
                        s += f * dot;
                    }
                }
                if (s < bestScore || best < 0) {
                    bestScore = s;
                    best = c;
                    bestInv = gi;
                }
            }
            if (!Double.isFinite(bestScore)) {
                throw new TechniqueException("the calibration activations give no usable covariance (not finite); "
                        + "use criterion=fluctuation");
            }
            refit += bestScore;
            int r0 = best * groupSize;
            // coefficients K = (H⁻¹_GG)⁻¹ W_G  [groupSize, out]
            double[][] k = new double[groupSize][out];
            for (int a = 0; a < groupSize; a++) {
                for (int b = 0; b < groupSize; b++) {
                    double f = bestInv[a][b];
                    if (f == 0) continue;
                    double[] wb = w[r0 + b], ka = k[a];
                    for (int o = 0; o < out; o++) ka[o] += f * wb[o];
                }
            }
            // W ← W − H⁻¹[:, G] K
            for (int i = 0; i < in; i++) {
                double[] wi = w[i], hi = h[i];
                for (int a = 0; a < groupSize; a++) {
                    double f = hi[r0 + a];
                    if (f == 0) continue;
                    double[] ka = k[a];
                    for (int o = 0; o < out; o++) wi[o] -= f * ka[o];
                }
            }
            // H⁻¹ ← H⁻¹ − H⁻¹[:, G] (H⁻¹_GG)⁻¹ H⁻¹[G, :]
            double[][] rowsG = new double[groupSize][];
            for (int a = 0; a < groupSize; a++) rowsG[a] = h[r0 + a].clone();
            double[][] m = new double[groupSize][in];
            for (int a = 0; a < groupSize; a++) {
                for (int b = 0; b < groupSize; b++) {
                    double f = bestInv[a][b];
                    if (f == 0) continue;
                    double[] rb = rowsG[b], ma = m[a];
                    for (int j = 0; j < in; j++) ma[j] += f * rb[j];
                }
            }
            for (int i = 0; i < in; i++) {
                double[] hi = h[i];
                for (int a = 0; a < groupSize; a++) {
                    double f = rowsG[a][i];
                    if (f == 0) continue;
                    double[] ma = m[a];
                    for (int j = 0; j < in; j++) hi[j] -= f * ma[j];
                }
            }
            for (int a = 0; a < groupSize; a++) {
                java.util.Arrays.fill(w[r0 + a], 0);
                java.util.Arrays.fill(h[r0 + a], 0);
                for (int i = 0; i < in; i++) h[i][r0 + a] = 0;
            }
            alive[best] = false;
        }
        int keptCount = groups - remove;
        int[] kept = new int[keptCount];
        for (int c = 0, j = 0; c < groups; c++) if (alive[c]) kept[j++] = c;
        float[] delta = new float[in * out];
        double[] bias = new double[out];
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; o++) {
                double d = w[i][o] - weight[i * out + o];
                delta[i * out + o] = (float) d;
                bias[o] -= mean[i] * d;
            }
        }
        float[] biasDelta = new float[out];
        for (int o = 0; o < out; o++) biasDelta[o] = (float) bias[o];
        return new Surgery(kept, delta, biasDelta, new double[] {plainError(stats, weight, out, groupSize, alive), refit});
    }

    /** Expected squared output error of removing the dead groups with only their mean put into the bias. */
    private static double plainError(InputCovariance stats, float[] weight, int out, int groupSize, boolean[] alive) {
        double[][] c = stats.covariance();
        int in = stats.width();
        java.util.List<Integer> rows = new java.util.ArrayList<>();
        for (int i = 0; i < in; i++) if (!alive[i / groupSize]) rows.add(i);
        double e = 0;
        for (int a : rows) {
            for (int b : rows) {
                double cab = c[a][b];
                if (cab == 0) continue;
                double dot = 0;
                for (int o = 0; o < out; o++) dot += (double) weight[a * out + o] * weight[b * out + o];
                e += cab * dot;
            }
        }
        return e;
    }

    /** In-place Gauss–Jordan inverse of a symmetric positive definite matrix (no pivoting needed). */
    static void invert(double[][] a, ProgressMonitor monitor) {
        int n = a.length;
        for (int k = 0; k < n; k++) {
            if ((k & 63) == 0) monitor.checkCanceled();
            double[] ak = a[k];
            double p = ak[k];
            if (!(p > 0) || !Double.isFinite(p)) {
                throw new TechniqueException("the calibration activations give a singular covariance at input " + k
                        + "; use criterion=fluctuation");
            }
            double inv = 1 / p;
            ak[k] = 1;
            for (int j = 0; j < n; j++) ak[j] *= inv;
            for (int i = 0; i < n; i++) {
                if (i == k) continue;
                double[] ai = a[i];
                double f = ai[k];
                if (f == 0) continue;
                ai[k] = 0;
                for (int j = 0; j < n; j++) ai[j] -= f * ak[j];
            }
        }
    }

    private static double[][] smallInverse(double[][] g) {
        int n = g.length;
        if (n == 1) return new double[][] {{1 / g[0][0]}};
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = g[i].clone();
        invert(a, new ProgressMonitor() {
        });
        return a;
    }

    /** Total variance of the projection's output, Σ_o Var(x·W[:, o]) = tr(Wᵀ C W) (1 when it is zero). */
    static double outputVariance(InputCovariance stats, float[] weight, int out) {
        double[][] c = stats.covariance();
        int in = stats.width();
        double total = 0;
        double[] cw = new double[out];
        for (int i = 0; i < in; i++) {
            java.util.Arrays.fill(cw, 0);
            double[] ci = c[i];
            for (int k = 0; k < in; k++) {
                double f = ci[k];
                if (f == 0) continue;
                for (int o = 0; o < out; o++) cw[o] += f * weight[k * out + o];
            }
            for (int o = 0; o < out; o++) total += weight[i * out + o] * cw[o];
        }
        return total > 0 ? total : 1;
    }
}
