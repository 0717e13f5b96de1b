package org.strata.core.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.strata.core.AnalysisTable;
import org.strata.core.ModelRunner;
import org.strata.core.ProgressMonitor;
import org.strata.onnx.Model;
import org.strata.onnx.structure.TransformerStructure;

/**
 * Per-block ablation: for every block, the fidelity of the model with that one block removed (its residual input
 * wired to its output, see {@link LayerEdits#removeBlocks}) against the original, on the calibration data. The
 * direct measure that block influence only estimates: the block whose removal keeps the highest cosine is the
 * cheapest to drop.
 */
public final class BlockAblation {
    public static final String ID = "block-ablation";

    private final double[] meanCosine;
    private final double[] minCosine;
    private final int sequences;

    private BlockAblation(double[] meanCosine, double[] minCosine, int sequences) {
        this.meanCosine = meanCosine;
        this.minCosine = minCosine;
        this.sequences = sequences;
    }

    /**
     * Removes each block of {@code model} in turn (on a copy) and compares with the original on at most
     * {@code maxTexts} calibration texts. A one-block model cannot lose its block: its single entry is NaN.
     */
    public static BlockAblation measure(Model model, TransformerStructure s, ModelRunner runner, int maxTexts,
            ProgressMonitor monitor) {
        return measure(model, s, new LayerReference(model, runner, maxTexts), monitor);
    }

    /** As {@link #measure(Model, TransformerStructure, ModelRunner, int, ProgressMonitor)} with a reference already run. */
    public static BlockAblation measure(Model model, TransformerStructure s, LayerReference reference, ProgressMonitor monitor) {
        int n = s.blockCount();
        LayerVariants.Scores scores = LayerVariants.measure(model, n, 1, n > 1 ? n : 0,
                (copy, structure, b) -> LayerEdits.removeBlocks(copy, structure, List.of(b)), reference, monitor, "ablation: without block");
        return new BlockAblation(scores.meanCosine(), scores.minCosine(), scores.sequences());
    }

    public int blockCount() {
        return meanCosine.length;
    }

    /** Mean cosine with block {@code number} (from 1) removed. */
    public double meanCosine(int number) {
        return meanCosine[number - 1];
    }

    /** Worst sequence's cosine with block {@code number} (from 1) removed. */
    public double minCosine(int number) {
        return minCosine[number - 1];
    }

    /** Block numbers from the cheapest to remove (highest mean cosine without it) to the dearest. */
    public List<Integer> ranking() {
        return IntStream.rangeClosed(1, meanCosine.length).boxed()
                .sorted(Comparator.comparingDouble((Integer b) -> meanCosine(b)).reversed()).toList();
    }

    /** The {@code count} blocks whose single removal costs least, ascending by number. */
    public List<Integer> cheapest(int count) {
        List<Integer> out = new ArrayList<>(ranking().subList(0, Math.min(count, meanCosine.length)));
        out.sort(null);
        return out;
    }

    public AnalysisTable table() {
        double[][] v = new double[meanCosine.length][];
        for (int b = 0; b < v.length; b++) v[b] = new double[] {meanCosine[b], minCosine[b]};
        return new AnalysisTable(ID, "Fidelity without each block (ablation)", AnalysisTable.Kind.BARS,
                LayerLabels.blocks(meanCosine.length), List.of("mean cosine", "min cosine"), v, "",
                "Cosine of the pooled output of the model with that one block removed against the original, over " + sequences
                        + " calibration sequences; the highest bars are the blocks that are cheapest to drop.");
    }

    @Override
    public String toString() {
        return "BlockAblation" + java.util.Arrays.toString(meanCosine);
    }
}
