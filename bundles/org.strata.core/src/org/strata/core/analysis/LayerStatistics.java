package org.strata.core.analysis;

import org.strata.core.TechniqueContext;
import org.strata.onnx.Model;

/**
 * The layer analyses as a technique asks for them: computed on the context's calibration data, through its
 * runner, and cached by graph fingerprint ({@link TechniqueContext#statistics}) so that an {@code analyze.layers}
 * step and a depth step after it on the same graph measure once. Call these before editing the model: the cache
 * key is the graph the step started from.
 */
public final class LayerStatistics {
    private LayerStatistics() {
    }

    /** The two analyses read from one pass over the residual stream. */
    public record Stream(BlockInfluence influence, LayerSimilarity similarity) {
    }

    /** Block influence and layer similarity of {@code model} on {@code texts} calibration texts. */
    public static Stream stream(Model model, TechniqueContext ctx, int texts) {
        return ctx.statistics("layers.stream/" + texts, () -> {
            var s = ctx.structure();
            BlockInfluence.Accumulator influence = new BlockInfluence.Accumulator(s.blockCount());
            LayerSimilarity.Accumulator similarity = new LayerSimilarity.Accumulator(s.blockCount(),
                    LayerSimilarity.DEFAULT_MAX_TOKENS, ctx.monitor());
            LayerActivations.run(model, s, ctx.runner(), texts, ctx.monitor(), influence, similarity);
            return new Stream(influence.result(), similarity.result());
        });
    }

    /** The original's pooled outputs on {@code texts} calibration texts. */
    public static LayerReference reference(Model model, TechniqueContext ctx, int texts) {
        return ctx.statistics("layers.reference/" + texts, () -> new LayerReference(model, ctx.runner(), texts));
    }

    /** Per-block ablation of {@code model} on {@code texts} calibration texts. */
    public static BlockAblation ablation(Model model, TechniqueContext ctx, int texts) {
        LayerReference reference = reference(model, ctx, texts);
        return ctx.statistics("layers.ablation/" + texts,
                () -> BlockAblation.measure(model, ctx.structure(), reference, ctx.monitor()));
    }

    /** Early-exit fidelity of {@code model} after every block, on {@code texts} calibration texts. */
    public static EarlyExitAnalysis earlyExit(Model model, TechniqueContext ctx, int texts) {
        LayerReference reference = reference(model, ctx, texts);
        return ctx.statistics("layers.early-exit/" + texts,
                () -> EarlyExitAnalysis.measure(model, ctx.structure(), reference, ctx.monitor()));
    }
}
