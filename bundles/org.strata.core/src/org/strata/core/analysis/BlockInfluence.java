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
import org.strata.runtime.Fidelity;

/**
 * Block influence as ShortGPT defines it (Men et al., 2024, "ShortGPT: Layers in Large Language Models are More
 * Redundant Than You Expect"): {@code BI_k = 1 − cos(x_k, y_k)} for block {@code k}'s input {@code x_k} and output
 * {@code y_k}, per token, averaged over every real token of the calibration data. A block that barely turns the
 * residual stream has a low influence and is the first candidate for removal.
 */
public final class BlockInfluence {
    public static final String ID = "block-influence";

    private final double[] influence;
    private final long tokens;

    private BlockInfluence(double[] influence, long tokens) {
        this.influence = influence.clone();
        this.tokens = tokens;
    }

    /** Measures the influence of every block of {@code model} on at most {@code maxTexts} calibration texts. */
    public static BlockInfluence measure(Model model, TransformerStructure s, ModelRunner runner, int maxTexts,
            ProgressMonitor monitor) {
        Accumulator a = new Accumulator(s.blockCount());
        LayerActivations.run(model, s, runner, maxTexts, monitor, a);
        return a.result();
    }

    /** Sums {@code 1 − cos} per block over the batches of a {@link LayerActivations} run. */
    public static final class Accumulator implements LayerActivations.Sink {
        private final double[] sum;
        private long tokens;

        public Accumulator(int blocks) {
            sum = new double[blocks];
        }

        @Override
        public void batch(List<float[][]> inputs, List<float[][]> outputs) {
            for (int b = 0; b < sum.length; b++) {
                float[][] in = inputs.get(b), out = outputs.get(b);
                for (int t = 0; t < in.length; t++) sum[b] += 1 - Fidelity.cosine(in[t], out[t]);
            }
            tokens += inputs.isEmpty() ? 0 : inputs.get(0).length;
        }

        public BlockInfluence result() {
            double[] mean = new double[sum.length];
            for (int b = 0; b < sum.length; b++) mean[b] = tokens == 0 ? Double.NaN : sum[b] / tokens;
            return new BlockInfluence(mean, tokens);
        }
    }

    public int blockCount() {
        return influence.length;
    }

    /** The influence of block {@code number} (from 1). */
    public double of(int number) {
        return influence[number - 1];
    }

    public double[] values() {
        return influence.clone();
    }

    /** Real tokens the means are over. */
    public long tokens() {
        return tokens;
    }

    /** Block numbers (from 1) from the least influential to the most. */
    public List<Integer> ranking() {
        return IntStream.rangeClosed(1, influence.length).boxed().sorted(Comparator.comparingDouble(this::of)).toList();
    }

    /** The {@code count} least influential blocks, ascending by number. */
    public List<Integer> leastInfluential(int count) {
        List<Integer> out = new ArrayList<>(ranking().subList(0, Math.min(count, influence.length)));
        out.sort(null);
        return out;
    }

    public AnalysisTable table() {
        return AnalysisTable.bars(ID, "Block influence (1 − cos of block input and output)", LayerLabels.blocks(influence.length),
                "influence", influence, "",
                "ShortGPT block influence averaged over " + tokens + " real calibration tokens; the lowest bars are the blocks"
                        + " that change the residual stream least.");
    }

    @Override
    public String toString() {
        return "BlockInfluence" + java.util.Arrays.toString(influence);
    }
}
