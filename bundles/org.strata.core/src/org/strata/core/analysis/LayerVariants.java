package org.strata.core.analysis;

import org.strata.core.ModelRunner;
import org.strata.core.ProgressMonitor;
import org.strata.onnx.Model;
import org.strata.onnx.structure.TransformerStructure;

/**
 * Scores one variant of a model per block against the original: for each block number a copy is edited (that block
 * removed, the model cut after it…) and compared with the reference. What {@link BlockAblation} and
 * {@link EarlyExitAnalysis} are made of.
 */
final class LayerVariants {
    private LayerVariants() {
    }

    /** The edit that makes the variant for one block of a copy whose structure is given. */
    @FunctionalInterface
    interface Edit {
        void apply(Model copy, TransformerStructure structure, int block);
    }

    /**
     * Mean and worst cosine per block (index 0 is block 1), and the sequences compared.
     *
     * @param meanCosine NaN where no variant was made
     */
    record Scores(double[] meanCosine, double[] minCosine, int sequences) {
    }

    /** Makes and compares the variant of every block in {@code from}..{@code to}; the others stay NaN. */
    static Scores measure(Model model, int blocks, int from, int to, Edit edit, LayerReference reference, ProgressMonitor monitor,
            String task) {
        double[] mean = new double[blocks];
        double[] min = new double[blocks];
        java.util.Arrays.fill(mean, Double.NaN);
        java.util.Arrays.fill(min, Double.NaN);
        int sequences = 0;
        for (int b = from; b <= to; b++) {
            monitor.checkCanceled();
            monitor.subTask(task + " " + b + " of " + blocks);
            Model variant = LayerEdits.copy(model);
            edit.apply(variant, TransformerStructure.discover(variant), b);
            ModelRunner.Agreement a = reference.agreement(variant);
            mean[b - 1] = a.meanCosine();
            min[b - 1] = a.minCosine();
            sequences = a.sequences();
        }
        return new Scores(mean, min, sequences);
    }
}
