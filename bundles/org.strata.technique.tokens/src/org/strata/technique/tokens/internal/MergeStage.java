package org.strata.technique.tokens.internal;

import org.strata.onnx.DataType;
import org.strata.onnx.Value;

/**
 * One round of ToMe's bipartite soft matching after a block (Bolya et al., "Token Merging: Your ViT but
 * Faster", 2023), one stage of {@code tokens.merge}.
 *
 * <p>Positions alternate between set A (even) and set B (odd). Each A token finds its most similar B token
 * (cosine of the metric: the hidden states, or the block's keys as ToMe uses); the A tokens with the most
 * similar partners are merged into them, as many per row as bring it to {@code ceil(keep × real tokens)} — at
 * most every A token but the first, so one round cannot quite halve a sequence. A merged token's state is the
 * size-weighted mean of its members and its size their total, which later attentions add as log(size) to their scores
 * (proportional attention). The first token is never merged and never absorbs; padding neither merges nor is
 * merged into. Kept tokens stay in their original order.
 */
final class MergeStage extends ReductionStage {
    enum Metric implements TokenParameters.Choice {
        HIDDEN, KEYS
    }

    private final Metric metric;

    MergeStage(int block, double keep, Metric metric) {
        super(block, keep);
        this.metric = metric;
    }

    @Override
    String describe() {
        return "after block " + block() + " merge down to " + ReductionStage.percent(keep()) + " by " + metric.id() + " similarity";
    }

    @Override
    Output reduce(OpBuilder b, Input in) {
        Value x = in.stream();
        Rows rows = rows(b, in);
        Value valid = rows.valid();
        Value first = rows.first();
        Value count = rows.count();
        Value target = rows.target();

        Value n = b.scalarDim(x, 1);
        Value even = b.mul(b.iota(b.div(b.add(n, b.i(1)), b.i(2))), b.i(2));
        Value odd = b.add(b.mul(b.iota(b.div(n, b.i(2))), b.i(2)), b.i(1));
        Value unit = b.unitRows(metric(b, in));
        Value similarity = b.matMul(b.gather(unit, even, 1), b.transpose(b.gather(unit, odd, 1), 0, 2, 1)); // [B, A, B]
        Value validB = b.and(b.gather(valid, odd, 1), b.not(b.gather(first, odd, 1)));
        similarity = b.where(b.unsqueeze(validB, 1), similarity, b.f(-1e9f));
        Value best = b.reduce("ReduceMax", similarity, false, 2);
        Value partner = b.add(b.mul(b.argMax(similarity, 2), b.i(2)), b.i(1)); // position of each A token's B partner
        Value mergeable = b.and(b.and(b.gather(valid, even, 1), b.not(b.gather(first, even, 1))), b.greater(best, b.f(-1e8f)));
        Value score = b.where(mergeable, best, b.f(-1e9f));

        // rank A tokens by similarity; merge the best (count − target) of each row
        Value aCount = b.dim(score, 1);
        Value order = b.topK(score, aCount, 1, true)[1];
        Value rank = b.scatterElements(b.zerosLong(b.shape(score)), order, b.expand(b.iota(b.scalarDim(score, 1)), b.shape(order)), 1);
        Value merged = b.and(mergeable, b.less(b.cast(rank, DataType.FLOAT), b.sub(count, target)));
        Value evenRows = b.expand(even, b.shape(merged));
        Value mergedAt = b.greater(b.scatterElements(b.zerosFloat(b.shape(in.size())), evenRows, b.cast(merged, DataType.FLOAT), 1), b.f(0.5f));
        Value keptAt = b.and(valid, b.not(mergedAt));
        Value keptCount = b.reduce("ReduceSum", b.cast(keptAt, DataType.FLOAT), true, 1);
        Value width = ReductionStage.widest(b, keptCount);

        // slots: kept positions in order (priority 2 − position / N), then empty slots
        Value positions = b.iota(n);
        Value nF = b.cast(n, DataType.FLOAT);
        Value priority = b.sub(b.mul(b.cast(keptAt, DataType.FLOAT), b.f(2f)), b.div(b.cast(positions, DataType.FLOAT), nF));
        Value idx = b.topK(priority, b.unsqueeze(width, 0), 1, true)[1];
        Value slots = b.iota(width);
        Value slotOf = ReductionStage.slotOf(b, idx, slots, in.size());

        // each position's representative: itself, or the B partner it merged into
        Value self = b.expand(b.unsqueeze(positions, 0), b.shape(in.size()));
        Value partnerAt = b.scatterElements(self, evenRows, partner, 1);
        Value representative = b.where(mergedAt, partnerAt, self);
        Value assign = b.gatherElements(slotOf, representative, 1);
        Value weights = b.assignment(assign, slots, in.size());
        Value size = b.mul(b.reduce("ReduceSum", weights, false, 2),
                b.cast(b.less(b.cast(slots, DataType.FLOAT), keptCount), DataType.FLOAT));
        Value stream = ReductionStage.slotMeans(b, weights, x, size, b.gatherRows(x, idx));
        return new Output(stream, size, assign, null);
    }

    /** The vectors similarity is measured on, [B, N, D]. */
    private Value metric(OpBuilder b, Input in) {
        // keys exist for the sequence the block ran on, not for a later round's
        if (metric == Metric.KEYS && in.stream() == in.block().output()) {
            var k = in.block().attention().k();
            if (k != null && k.output() != null) return k.output();
        }
        return in.stream();
    }
}
