package org.strata.core.analysis;

import java.util.ArrayList;
import java.util.List;

import org.strata.core.ModelRunner;
import org.strata.core.TechniqueException;
import org.strata.onnx.Model;
import org.strata.runtime.ActivationCapture.CapturedTensor;
import org.strata.runtime.Fidelity;

/**
 * The original model's pooled outputs on the calibration data, computed once, against which many variants
 * (a block removed, the model truncated, weights shared) are compared — what {@link ModelRunner#agreement} does
 * for one pair, without running the reference again for every variant.
 */
public final class LayerReference {
    private final ModelRunner runner;
    private final int maxTexts;
    private final String output;
    private final List<float[]> reference;

    /** Runs {@code model} on at most {@code maxTexts} calibration texts and keeps its pooled first output. */
    public LayerReference(Model model, ModelRunner runner, int maxTexts) {
        this.runner = runner;
        this.maxTexts = maxTexts;
        this.output = model.graph().outputs().get(0).name();
        this.reference = pooled(model);
    }

    /** The name of the output compared (the model's first). */
    public String output() {
        return output;
    }

    /**
     * How closely {@code candidate} follows the reference: per sequence the cosine of the pooled output of the
     * same name, mean and worst, and the relative error over all pooled values.
     *
     * @throws TechniqueException when the candidate lacks the output or gives a different number of results
     */
    public ModelRunner.Agreement agreement(Model candidate) {
        return ModelRunner.Agreement.between(reference, results(candidate));
    }

    /**
     * The cosine of every sequence's pooled output, in the order of the calibration texts.
     *
     * @throws TechniqueException as {@link #agreement}
     */
    public double[] cosines(Model candidate) {
        List<float[]> cand = results(candidate);
        double[] out = new double[reference.size()];
        for (int i = 0; i < out.length; i++) out[i] = Fidelity.cosine(reference.get(i), cand.get(i));
        return out;
    }

    private List<float[]> results(Model candidate) {
        if (candidate.graph().outputs().stream().noneMatch(v -> v.name().equals(output))) {
            throw new TechniqueException("the variant has no output '" + output + "' to compare with the original");
        }
        List<float[]> cand = pooled(candidate);
        if (cand.size() != reference.size()) {
            throw new TechniqueException("the variant gave " + cand.size() + " results for " + reference.size() + " inputs");
        }
        return cand;
    }

    private List<float[]> pooled(Model m) {
        List<float[]> rows = new ArrayList<>();
        runner.capture(m, List.of(output), maxTexts, batch -> {
            CapturedTensor t = batch.tensor(output);
            rows.addAll(List.of(ModelRunner.pooled(t, batch.attentionMask())));
        });
        return rows;
    }
}
