package org.strata.technique.tokens.internal;

import org.strata.onnx.DataType;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;

/**
 * One reduction of the token sequence after one block, written as graph ops. A stage reads the residual
 * stream after its block and the weight ("size") of every position — 1 for a real token, 0 for padding,
 * more for a position that already stands for several merged tokens — and returns a shorter sequence:
 * the representatives' states, their sizes (0 marks an empty slot, which later attentions ignore), and for
 * every input position the slot whose output it takes back when the full sequence is restored.
 *
 * <p>Slots are ordered so that the first real token (the [CLS] or class token) is always kept on its own.
 */
abstract class ReductionStage {
    /**
     * What a stage reads: the block it follows and the attention of the one after it, the stream after it
     * [B, N, H], sizes [B, N], real tokens of the model input [B, 1] (float), and the fewest tokens a row keeps
     * (a float scalar).
     */
    record Input(Block block, NextBlockAttention next, Value stream, Value size, Value realTokens, Value minTokens) {
    }

    /**
     * What a stage produces.
     *
     * @param stream the reduced stream [B, R, H]
     * @param size   the size of each slot [B, R] (float; 0: empty, masked in later attentions)
     * @param assign for each input position, the slot whose output it takes on restoring [B, N] (int64)
     * @param kept   for each input position, whether it takes its slot's output (true) or keeps the stream it left
     *               with (false: a dropped token rejoining), [B, N] bool; null when every position takes a slot's output
     */
    record Output(Value stream, Value size, Value assign, Value kept) {
    }

    /**
     * What every stage first computes about the rows of its input, [B, N] or [B, 1].
     *
     * @param valid  real (non-empty) positions, bool
     * @param validF the same as float
     * @param first  the first real position of each row (the class token), bool
     * @param count  non-empty positions per row, float [B, 1]
     * @param target how many slots the row keeps, float [B, 1]: {@link #target}
     */
    record Rows(Value valid, Value validF, Value first, Value count, Value target) {
    }

    private final int block;
    private final double keep;

    ReductionStage(int block, double keep) {
        this.block = block;
        this.keep = keep;
    }

    abstract Output reduce(OpBuilder b, Input in);

    /** One line for the change summary, e.g. "after block 2 keep 50 % by cls-attention". */
    abstract String describe();

    /** The block this stage follows (from 1). */
    final int block() {
        return block;
    }

    /** The fraction of the real tokens kept after this stage. */
    final double keep() {
        return keep;
    }

    final Rows rows(OpBuilder b, Input in) {
        Value valid = valid(b, in.size());
        Value validF = b.cast(valid, DataType.FLOAT);
        Value count = b.reduce("ReduceSum", validF, true, 1);
        return new Rows(valid, validF, first(b, valid, validF), count, target(b, in, count, keep));
    }

    // ---- helpers shared by the stages ----------------------------------------------------------------

    /** Real (non-empty) positions: size > 0, [B, N] bool. */
    static Value valid(OpBuilder b, Value size) {
        return b.greater(size, b.f(0f));
    }

    /** The first real position of each row (the class token), [B, N] bool, from {@code valid} and it as float; robust to left padding. */
    static Value first(OpBuilder b, Value valid, Value validF) {
        return b.and(valid, b.equal(b.cumSum(validF, 1), b.f(1f)));
    }

    /**
     * How many slots each row keeps, [B, 1] float: {@code ceil(keep × real tokens)}, at least the minimum (and 1)
     * and at most the row's non-empty positions.
     */
    static Value target(OpBuilder b, Input in, Value count, double keep) {
        Value k = b.op("Ceil", b.sub(b.mul(in.realTokens(), b.f((float) keep)), b.f(1e-4f)));
        return b.min(count, b.max(b.max(k, in.minTokens()), b.f(1f)));
    }

    /** The largest of {@code perRow} [B, 1] (float), as an int64 scalar. */
    static Value widest(OpBuilder b, Value perRow) {
        return b.cast(b.reduce("ReduceMax", perRow, false, 0, 1), DataType.INT64);
    }

    /**
     * Per-row slot of each selected position: {@code slotOf[b, idx[b, r]] = r}, 0 elsewhere, [B, N] int64.
     *
     * @param idx   the selected positions [B, R] (distinct per row)
     * @param slots {@code [0, …, R-1]}
     * @param like  any [B, N] tensor
     */
    static Value slotOf(OpBuilder b, Value idx, Value slots, Value like) {
        return b.scatterElements(b.zerosLong(b.shape(like)), idx, b.expand(slots, b.shape(idx)), 1);
    }

    /** Weighted means of the rows of {@code x} [B, N, H] per slot, by the one-hot {@code weights} [B, R, N]; {@code fallback} [B, R, H] where a slot is empty. */
    static Value slotMeans(OpBuilder b, Value weights, Value x, Value size, Value fallback) {
        Value sum = b.matMul(weights, x);
        Value mean = b.div(sum, b.unsqueeze(b.max(size, b.f(1e-12f)), 2));
        return b.where(b.unsqueeze(b.greater(size, b.f(0f)), 2), mean, fallback);
    }

    /** {@code 0.5} as "50 %". */
    static String percent(double fraction) {
        double p = fraction * 100;
        return (p == Math.rint(p) ? Long.toString(Math.round(p)) : String.format(java.util.Locale.ROOT, "%.1f", p)) + " %";
    }
}
