package org.strata.core.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.strata.core.ModelRunner;
import org.strata.core.ProgressMonitor;
import org.strata.onnx.Model;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.ActivationCapture.CapturedTensor;

/**
 * Runs a model once over the calibration data with every block's input and output captured, and hands each
 * batch to the analyses that read the residual stream ({@link BlockInfluence}, {@link LayerSimilarity}) as
 * token rows: one {@code float[width]} per real token (padding dropped; every position of a model without a
 * padding mask, such as a ViT).
 */
public final class LayerActivations {
    private LayerActivations() {
    }

    /** What reads the batches. */
    public interface Sink {
        /** One batch: per block (index 0 is block 1) the token rows of its input and of its output. */
        void batch(List<float[][]> inputs, List<float[][]> outputs);
    }

    /**
     * Captures block inputs and outputs of {@code model} (structure {@code s}) on at most {@code maxTexts}
     * calibration texts and feeds every sink.
     */
    public static void run(Model model, TransformerStructure s, ModelRunner runner, int maxTexts, ProgressMonitor monitor,
            Sink... sinks) {
        Set<String> names = new LinkedHashSet<>();
        for (Block b : s.blocks()) {
            names.add(b.input().name());
            names.add(b.output().name());
        }
        runner.capture(model, names, maxTexts, batch -> {
            monitor.checkCanceled();
            List<float[][]> in = new ArrayList<>();
            List<float[][]> out = new ArrayList<>();
            for (Block b : s.blocks()) {
                in.add(rows(batch.tensor(b.input().name()), batch.attentionMask()));
                out.add(rows(batch.tensor(b.output().name()), batch.attentionMask()));
            }
            for (Sink sink : sinks) sink.batch(in, out);
        });
    }

    /**
     * The rows of a captured residual-stream tensor: for {@code [batch, sequence, width]} one per real token,
     * for anything else one per {@code width} values (the last dimension).
     */
    public static float[][] rows(CapturedTensor t, long[][] mask) {
        int width = t.dim(t.rank() - 1);
        float[] v = t.values();
        boolean masked = t.rank() == 3 && mask.length == t.dim(0) && mask.length > 0 && mask[0].length == t.dim(1);
        List<float[]> out = new ArrayList<>();
        int total = v.length / Math.max(1, width);
        for (int r = 0; r < total; r++) {
            if (masked && mask[r / t.dim(1)][r % t.dim(1)] == 0) continue;
            float[] row = new float[width];
            System.arraycopy(v, r * width, row, 0, width);
            out.add(row);
        }
        return out.toArray(float[][]::new);
    }
}
