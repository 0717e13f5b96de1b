package org.strata.technique.cleanup.internal;

import org.strata.core.ParameterSpec;

/**
 * One rewrite rule of {@link GraphCleanup}: a small pass over the main graph of a model, switched by its own
 * boolean parameter. A pass never changes what the model computes, its inputs or its outputs (names, order,
 * declared types); it leaves nodes of unknown domains as they are.
 */
interface CleanupPass {
    /** The boolean parameter that switches this pass (all are on by default). */
    ParameterSpec parameter();

    /**
     * Rewrites {@code facts.graph()} in place.
     *
     * @return how many rewrites it made (nodes removed or folded, initializers merged or removed); 0 when it
     *         found nothing to do
     */
    int run(GraphFacts facts);

    /** What {@code count} rewrites of this pass were, for the step's summary: "removed 3 Identity nodes". */
    String describe(int count);
}
