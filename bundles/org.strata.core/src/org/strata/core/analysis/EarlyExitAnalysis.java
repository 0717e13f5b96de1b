package org.strata.core.analysis;

import java.util.List;

import org.strata.core.AnalysisTable;
import org.strata.core.ModelRunner;
import org.strata.core.ProgressMonitor;
import org.strata.onnx.Model;
import org.strata.onnx.structure.TransformerStructure;

/**
 * Early-exit fidelity: for every block {@code k}, the model truncated after block {@code k} (the final norm and
 * the head kept, reading block {@code k}'s output; see {@link LayerEdits#truncateAfter}) against the original on
 * the calibration data. The full model ({@code k} = the last block) is the original itself and scores 1.
 */
public final class EarlyExitAnalysis {
    public static final String ID = "early-exit";

    private final double[] meanCosine;
    private final double[] minCosine;
    private final int sequences;

    private EarlyExitAnalysis(double[] meanCosine, double[] minCosine, int sequences) {
        this.meanCosine = meanCosine;
        this.minCosine = minCosine;
        this.sequences = sequences;
    }

    /** Truncates a copy of {@code model} after every block but the last and compares it with the original. */
    public static EarlyExitAnalysis measure(Model model, TransformerStructure s, ModelRunner runner, int maxTexts,
            ProgressMonitor monitor) {
        return measure(model, s, new LayerReference(model, runner, maxTexts), monitor);
    }

    /** As {@link #measure(Model, TransformerStructure, ModelRunner, int, ProgressMonitor)} with a reference already run. */
    public static EarlyExitAnalysis measure(Model model, TransformerStructure s, LayerReference reference, ProgressMonitor monitor) {
        int n = s.blockCount();
        LayerVariants.Scores scores = LayerVariants.measure(model, n, 1, n - 1, LayerEdits::truncateAfter, reference, monitor,
                "early exit after block");
        double[] mean = scores.meanCosine(), min = scores.minCosine();
        mean[n - 1] = 1;
        min[n - 1] = 1;
        return new EarlyExitAnalysis(mean, min, scores.sequences());
    }

    public int blockCount() {
        return meanCosine.length;
    }

    /** Mean cosine of the model exiting after block {@code k} (from 1). */
    public double meanCosine(int k) {
        return meanCosine[k - 1];
    }

    public double minCosine(int k) {
        return minCosine[k - 1];
    }

    /** The first block after which the mean cosine reaches {@code target}; the last block if none before it does. */
    public int firstReaching(double target) {
        for (int k = 1; k <= meanCosine.length; k++) if (meanCosine(k) >= target) return k;
        return meanCosine.length;
    }

    public AnalysisTable table() {
        return new AnalysisTable(ID, "Early-exit fidelity (model truncated after each block)", AnalysisTable.Kind.LINES,
                List.of("mean cosine", "min cosine"), LayerLabels.blocks(meanCosine.length), new double[][] {meanCosine, minCosine},
                "", "Cosine of the pooled output of the model cut after that block (final norm and head reused) against the"
                        + " original, over " + sequences + " calibration sequences; the last block is the original model.");
    }

    @Override
    public String toString() {
        return "EarlyExitAnalysis" + java.util.Arrays.toString(meanCosine);
    }
}
