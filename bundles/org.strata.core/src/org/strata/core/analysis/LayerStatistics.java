package org.strata.core.analysis;

import java.util.List;

import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueException;
import org.strata.onnx.Model;
import org.strata.onnx.structure.TransformerStructure;

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

    /**
     * Block influence and layer similarity of {@code model} on {@code texts} calibration texts.
     *
     * @throws TechniqueException when the model's token sequence is reduced between blocks
     */
    public static Stream stream(Model model, TechniqueContext ctx, int texts) {
        return ctx.statistics("layers.stream/" + texts, () -> {
            var s = ctx.structure();
            requireFullSequence(s);
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

    /**
     * Per-block ablation of {@code model} on {@code texts} calibration texts.
     *
     * @throws TechniqueException when the model's token sequence is reduced between blocks
     */
    public static BlockAblation ablation(Model model, TechniqueContext ctx, int texts) {
        requireFullSequence(ctx.structure());
        LayerReference reference = reference(model, ctx, texts);
        return ctx.statistics("layers.ablation/" + texts,
                () -> BlockAblation.measure(model, ctx.structure(), reference, ctx.monitor()));
    }

    /**
     * Early-exit fidelity of {@code model} after every block, on {@code texts} calibration texts.
     *
     * @throws TechniqueException when the model's token sequence is reduced between blocks
     */
    public static EarlyExitAnalysis earlyExit(Model model, TechniqueContext ctx, int texts) {
        requireFullSequence(ctx.structure());
        LayerReference reference = reference(model, ctx, texts);
        return ctx.statistics("layers.early-exit/" + texts,
                () -> EarlyExitAnalysis.measure(model, ctx.structure(), reference, ctx.monitor()));
    }

    /**
     * Refuses a model whose token sequence is reduced between blocks: the blocks after the reduction run on merged
     * slots, not the tokens the blocks before it see, so the layer analyses (tokens compared across blocks, a block
     * removed or the model cut after it) have nothing consistent to measure.
     */
    private static void requireFullSequence(TransformerStructure s) {
        List<Integer> reduced = s.tokenReductions();
        if (reduced.isEmpty()) return;
        throw new TechniqueException("the token sequence is reduced after block " + reduced.get(0) + " (a tokens.* step), so blocks "
                + (reduced.get(0) + 1) + " to " + s.blockCount() + " run on fewer tokens than the blocks before them; the layer"
                + " analyses compare every block on the same tokens: apply the layers step before the token reduction");
    }
}
