package org.strata.core;

import java.util.List;
import java.util.function.Consumer;

import org.strata.onnx.Model;
import org.strata.onnx.structure.TransformerStructure;

/**
 * What a technique may use besides the model: the discovered structure, the pipeline's target runtime,
 * calibration data (never the evaluation split), progress and cancellation, and a log.
 */
public interface TechniqueContext {
    /**
     * The structure of the model as it is now.
     *
     * @throws org.strata.onnx.structure.StructureException when it cannot be recognised; a technique that
     *                                                      needs it lets that propagate
     */
    TransformerStructure structure();

    TargetRuntime target();

    /** Calibration texts, from the calibration split of the pipeline's data. */
    List<String> calibrationTexts();

    ProgressMonitor monitor();

    /** A line for the run log. */
    void log(String message);

    /**
     * Runs models on the calibration data (the model's tokenizer over the calibration texts, or seeded random
     * tokens when there is no tokenizer): to capture intermediate tensors, or to compare a variant with the
     * original. Statistics worth reusing go through {@link #statistics}.
     *
     * @throws TechniqueException if this context cannot run models
     */
    default ModelRunner runner() {
        throw new TechniqueException("this context cannot run models; use the pipeline engine or"
                + " TechniqueContext.simple with a runner");
    }

    /**
     * Statistics a technique derives from the model and the calibration data (activation ranges, importance
     * scores): computed once per graph fingerprint and key, then reused by later steps and runs of the same
     * graph. Outside the engine they are simply computed.
     */
    default <T> T statistics(String key, java.util.function.Supplier<T> compute) {
        return compute.get();
    }

    /** A context for using a technique outside the engine (tests, tools): structure discovered on demand. */
    static TechniqueContext simple(Model model, TargetRuntime target, List<String> calibration, Consumer<String> log) {
        return simple(model, target, calibration, log, null);
    }

    /**
     * A context for using a technique outside the engine that can also run models.
     *
     * @param runner what {@link #runner()} returns (null: none)
     */
    static TechniqueContext simple(Model model, TargetRuntime target, List<String> calibration, Consumer<String> log,
            ModelRunner runner) {
        return new TechniqueContext() {
            @Override
            public ModelRunner runner() {
                return runner != null ? runner : TechniqueContext.super.runner();
            }

            @Override
            public TransformerStructure structure() {
                return TransformerStructure.discover(model);
            }

            @Override
            public TargetRuntime target() {
                return target;
            }

            @Override
            public List<String> calibrationTexts() {
                return calibration;
            }

            @Override
            public ProgressMonitor monitor() {
                return ProgressMonitor.NULL;
            }

            @Override
            public void log(String message) {
                log.accept(message);
            }
        };
    }
}
