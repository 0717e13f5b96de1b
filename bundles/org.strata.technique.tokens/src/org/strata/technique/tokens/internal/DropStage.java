package org.strata.technique.tokens.internal;

import org.strata.onnx.DataType;
import org.strata.onnx.Value;

/**
 * Keeps the most important tokens after a block (one stage of {@code tokens.drop}).
 *
 * <p>Importance, per real token, from what the block computed:
 * <ul>
 * <li>{@code cls-attention}: the attention the first token pays it in the block, averaged over heads (EViT,
 * PyramidDrop);</li>
 * <li>{@code next-cls-attention}: the same in the next block — what the first token will look at once the sequence is
 * shorter — computed before the reduction from the full sequence (one row of the next block's query side, see
 * {@link NextBlockAttention#firstTokenAttention});</li>
 * <li>{@code norm}: the L2 norm of its hidden state;</li>
 * <li>{@code mean-similarity}: the cosine between its hidden state and the mean of the sequence's.</li>
 * </ul>
 * Scores are scaled to [0, 1] per row; the first token is always kept; padding is never kept in place of a real
 * token. With {@code coverage} c, a share c of the kept budget goes to tokens evenly spaced over each row's real
 * tokens before the rest is taken by importance (FEATHER: no region of the sequence disappears). Kept tokens stay
 * in their original order.
 *
 * <p>What becomes of the dropped tokens:
 * <ul>
 * <li>{@code rejoin}: they keep the state they left with and rejoin at the output (Token Dropping);</li>
 * <li>{@code copy-nearest}: on restoring they take the output of the kept token most similar to them when they
 * left;</li>
 * <li>{@code merge-nearest}: they are averaged (by size) into that kept token, which then stands for them in the
 * later blocks (with proportional attention), and they take its output back (EViT's fusion of inattentive tokens,
 * by similarity instead of into one token).</li>
 * </ul>
 * A merged token's state is the mean of its members weighted by their size, or ({@code merge-weights=attention}) by
 * the attention the first token pays them, as EViT weights the tokens it fuses: the attended tokens dominate the
 * state the later blocks see.
 * The first token neither absorbs nor lends its output to dropped tokens.
 */
final class DropStage extends ReductionStage {
    enum Importance implements TokenParameters.Choice {
        CLS_ATTENTION, NEXT_CLS_ATTENTION, NORM, MEAN_SIMILARITY;

        boolean attention() {
            return this == CLS_ATTENTION || this == NEXT_CLS_ATTENTION;
        }
    }

    enum MergeWeights implements TokenParameters.Choice {
        SIZE, ATTENTION
    }

    enum Dropped implements TokenParameters.Choice {
        REJOIN, COPY_NEAREST, MERGE_NEAREST
    }

    private final Importance importance;
    private final double coverage;
    private final Dropped dropped;
    private final MergeWeights mergeWeights;

    /** @param mergeWeights {@link MergeWeights#ATTENTION} needs an attention importance */
    DropStage(int block, double keep, Importance importance, double coverage, Dropped dropped, MergeWeights mergeWeights) {
        super(block, keep);
        if (mergeWeights == MergeWeights.ATTENTION && !importance.attention()) {
            throw new IllegalArgumentException("attention merge weights need an attention importance, not " + importance.id());
        }
        this.importance = importance;
        this.coverage = coverage;
        this.dropped = dropped;
        this.mergeWeights = mergeWeights;
    }

    @Override
    String describe() {
        return "after block " + block() + " keep " + ReductionStage.percent(keep()) + " by " + importance.id()
                + (coverage > 0 ? " with " + ReductionStage.percent(coverage) + " spread evenly" : "");
    }

    @Override
    Output reduce(OpBuilder b, Input in) {
        Value x = in.stream();
        Rows rows = rows(b, in);
        Value valid = rows.valid();
        Value validF = rows.validF();
        Value first = rows.first();
        Value count = rows.count();
        Value target = rows.target();
        Value width = ReductionStage.widest(b, target);
        Value width1 = b.unsqueeze(width, 0);

        // the first token as a float mask, for the attention importances and the merge (null when neither reads it)
        Value firstF = importance.attention() || dropped != Dropped.REJOIN ? b.cast(first, DataType.FLOAT) : null;
        Value score = importance(b, in, firstF);
        // attention is already in [0, 1]; the other scores are scaled to it so that coverage (+2) and the first token (4) come first
        Value priority = importance.attention() ? score : scaled(b, score, valid);
        if (coverage > 0) priority = b.add(priority, b.where(evenlySpaced(b, validF, count, target), b.f(2f), b.f(0f)));
        priority = b.where(first, b.f(4f), priority);
        priority = b.where(valid, priority, b.f(-1f));

        // the widest row's count of best positions, then back into sequence order
        Value best = b.topK(priority, width1, 1, true)[1];
        Value slots = b.iota(width);
        Value keptByRank = b.cast(b.less(b.cast(slots, DataType.FLOAT), target), DataType.FLOAT);
        Value order = b.topK(b.cast(best, DataType.FLOAT), width1, 1, false)[1];
        Value idx = b.gatherElements(best, order, 1);
        Value slotKept = b.gatherElements(keptByRank, order, 1);

        Value slotOf = ReductionStage.slotOf(b, idx, slots, in.size());
        Value keptF = b.scatterElements(b.zerosFloat(b.shape(in.size())), idx, slotKept, 1);
        Value kept = b.greater(keptF, b.f(0.5f));
        Value chosen = b.gatherRows(x, idx);
        Value size = b.mul(b.gatherElements(in.size(), idx, 1), slotKept);
        if (dropped == Dropped.REJOIN) return new Output(chosen, size, slotOf, kept);

        // dropped tokens go to the most similar kept token other than the first
        // cosine up to each dropped token's own norm, which does not change its nearest kept token
        Value similarity = b.matMul(x, b.transpose(b.unitRows(chosen), 0, 2, 1));
        Value firstSlot = b.gatherElements(firstF, idx, 1);
        Value receivers = b.and(b.greater(slotKept, b.f(0.5f)), b.less(firstSlot, b.f(0.5f)));
        similarity = b.where(b.unsqueeze(receivers, 1), similarity, b.f(-1e9f));
        Value assign = b.where(kept, slotOf, b.argMax(similarity, 2));
        if (dropped == Dropped.COPY_NEAREST) return new Output(chosen, size, assign, null);
        Value members = b.oneHot(assign, slots);
        Value weights = b.weighted(members, in.size());
        Value merged = b.reduce("ReduceSum", weights, false, 2);
        if (mergeWeights == MergeWeights.ATTENTION) {
            // attention is positive for every real token; the floor keeps a slot whose attention underflowed a mean
            weights = b.weighted(members, b.mul(b.max(score, b.f(1e-9f)), validF));
        }
        Value state = ReductionStage.slotMeans(b, weights, x, b.reduce("ReduceSum", weights, false, 2), chosen);
        return new Output(state, merged, assign, null);
    }

    /** Per-position importance [B, N] (float), before scaling. */
    private Value importance(OpBuilder b, Input in, Value firstF) {
        Value x = in.stream();
        return switch (importance) {
            case NEXT_CLS_ATTENTION -> in.next().firstTokenAttention(b, x, firstF);
            case CLS_ATTENTION -> {
                // rows of the first token in the probabilities [B, heads, N, N], averaged over heads
                Value probs = in.block().attention().core().output(0);
                Value firstIndex = b.argMax(firstF, 1); // [B]
                Value index = b.expand(b.unsqueeze(firstIndex, 1, 2, 3),
                        b.concat(0, b.dim(probs, 0), b.dim(probs, 1), b.ints(1), b.dim(probs, 3)));
                Value rows = b.gatherElements(probs, index, 2); // [B, heads, 1, N]
                yield b.reduce("ReduceMean", rows, false, 1, 2);
            }
            case NORM -> b.reduce("ReduceL2", x, false, 2);
            case MEAN_SIMILARITY -> {
                Value weight = b.unsqueeze(in.size(), 2);
                Value mean = b.div(b.reduce("ReduceSum", b.mul(x, weight), true, 1),
                        b.max(b.reduce("ReduceSum", weight, true, 1), b.f(1e-12f)));
                yield b.reduce("ReduceSum", b.mul(b.unitRows(x), b.unitRows(mean)), false, 2);
            }
        };
    }

    /** {@code s} scaled to [0, 1] over each row's real positions. */
    private static Value scaled(OpBuilder b, Value s, Value valid) {
        Value lo = b.reduce("ReduceMin", b.where(valid, s, b.f(Float.MAX_VALUE)), true, 1);
        Value hi = b.reduce("ReduceMax", b.where(valid, s, b.f(-Float.MAX_VALUE)), true, 1);
        return b.div(b.sub(s, lo), b.max(b.sub(hi, lo), b.f(1e-12f)));
    }

    /**
     * Real positions evenly spaced over each row: every {@code stride}-th real token, {@code stride =
     * max(1, floor(count / U))} with {@code U = max(1, floor(coverage × target))} picks, [B, N] bool.
     */
    private Value evenlySpaced(OpBuilder b, Value validF, Value count, Value target) {
        Value rank = b.sub(b.cumSum(validF, 1), b.f(1f));
        Value picks = b.max(b.op("Floor", b.mul(target, b.f((float) coverage))), b.f(1f));
        Value stride = b.max(b.op("Floor", b.div(count, picks)), b.f(1f));
        Value step = b.op("Floor", b.div(rank, stride));
        Value onGrid = b.equal(b.sub(rank, b.mul(step, stride)), b.f(0f));
        return b.and(b.and(onGrid, b.less(step, picks)), b.greater(validF, b.f(0.5f)));
    }
}
