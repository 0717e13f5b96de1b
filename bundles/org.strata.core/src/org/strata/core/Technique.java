package org.strata.core;

import org.strata.onnx.Model;

/**
 * A compression technique: an OSGi Declarative Services component providing this service
 * ({@code @Component(service = Technique.class)}). The registry binds every one it finds, dynamically.
 *
 * <p>Contract, enforced by the engine (after onnx_ir's {@code PassBase}): {@link #apply} edits the model in
 * place and says what it did; it may throw anything — the engine rolls the model back to before the step,
 * records the failure and goes on or stops as the pipeline says. After it returns, the engine validates
 * the graph and verifies it against the reference: a lossless technique must reproduce the reference
 * outputs within the tolerance, a lossy one has its fidelity recorded. A technique that needs statistics
 * asks the {@link TechniqueContext}, which computes them on the calibration split only.
 */
public interface Technique {
    /** Who this technique is and what it takes. Must be constant for the life of the service. */
    TechniqueDescriptor descriptor();

    /**
     * Rewrites {@code model} in place.
     *
     * @param params validated against {@link TechniqueDescriptor#parameters()}; every parameter has a value
     * @throws TechniqueException for a model the technique does not accept (say which node or form, and why)
     * @throws Exception          anything else is reported as a failure of this technique
     */
    Change apply(Model model, Parameters params, TechniqueContext context) throws Exception;
}
