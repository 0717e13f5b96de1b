package org.strata.technique.prune.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses which units (attention head groups, FFN neurons) of each block stay, from importance scores: the
 * same fraction of every block, or one fraction of all units ranked together. Ties go to the lower index; a
 * block always keeps at least one unit; the result is deterministic.
 */
final class Selection {
    private Selection() {
    }

    /**
     * Removes {@code round(fraction · n)} of the {@code n} units of every chosen block, the lowest-scoring first,
     * then rounds the number kept to a multiple of {@code multiple} (never below one multiple or above {@code n}).
     *
     * @param chosen per block, whether it may be pruned
     * @return per block the kept units, ascending
     */
    static int[][] perBlock(double[][] scores, double fraction, boolean[] chosen, int multiple) {
        int[][] keep = new int[scores.length][];
        for (int b = 0; b < scores.length; b++) {
            int n = scores[b].length;
            int k = chosen[b] ? n - (int) Math.round(fraction * n) : n;
            keep[b] = top(scores[b], chosen[b] ? rounded(k, multiple, n) : n);
        }
        return keep;
    }

    /**
     * Removes {@code round(fraction · total)} units of the chosen blocks, ranked together by score divided by the
     * block's {@code scale} (the size of the residual stream there, so that blocks of a pre-LN model, whose
     * stream grows with depth, compare fairly), keeping at least one per block; then rounds each block's count as
     * {@link #perBlock} does.
     */
    static int[][] global(double[][] scores, double[] scale, double fraction, boolean[] chosen, int multiple) {
        record Unit(int block, int index, double score) {
        }
        List<Unit> units = new ArrayList<>();
        int total = 0;
        for (int b = 0; b < scores.length; b++) {
            if (!chosen[b]) continue;
            double s = scale[b] > 0 ? scale[b] : 1;
            for (int i = 0; i < scores[b].length; i++) units.add(new Unit(b, i, scores[b][i] / s));
            total += scores[b].length;
        }
        units.sort(Comparator.comparingDouble(Unit::score).thenComparingInt(Unit::block).thenComparingInt(Unit::index));
        int remove = (int) Math.round(fraction * total);
        int[] kept = new int[scores.length];
        for (int b = 0; b < scores.length; b++) kept[b] = scores[b].length;
        for (Unit u : units) {
            if (remove == 0) break;
            if (kept[u.block()] > 1) {
                kept[u.block()]--;
                remove--;
            }
        }
        int[][] keep = new int[scores.length][];
        for (int b = 0; b < scores.length; b++) {
            int n = scores[b].length;
            keep[b] = top(scores[b], chosen[b] ? rounded(kept[b], multiple, n) : n);
        }
        return keep;
    }

    private static int rounded(int k, int multiple, int n) {
        if (multiple > 1) k = (int) Math.max(multiple, Math.round((double) k / multiple) * multiple);
        return Math.max(1, Math.min(n, k));
    }

    /** The {@code k} highest-scoring indices (ties: lower index first), ascending. */
    static int[] top(double[] scores, int k) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(scores[b], scores[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[k];
        for (int i = 0; i < k; i++) out[i] = order[i];
        Arrays.sort(out);
        return out;
    }

    /** Indices {@code 0..n-1} not in {@code keep} (ascending). */
    static int[] removed(int[] keep, int n) {
        boolean[] kept = new boolean[n];
        for (int k : keep) kept[k] = true;
        int[] out = new int[n - keep.length];
        for (int i = 0, j = 0; i < n; i++) if (!kept[i]) out[j++] = i;
        return out;
    }
}
