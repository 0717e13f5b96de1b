package org.strata.technique.tokens.internal;

import org.strata.onnx.DataType;
import org.strata.onnx.Value;

/**
 * Token Pooling after a block (Marin et al., "Token Pooling in Vision Transformers", 2021), the stage of
 * {@code tokens.pool}: the real tokens of each row are downsampled to {@code ceil(keep × real tokens)} by
 * clustering their hidden states, and each cluster goes on as one token (with its size, for proportional
 * attention).
 *
 * <ul>
 * <li>{@code window}: the baseline — consecutive windows of about equal length, averaged.</li>
 * <li>{@code kmeans}: starting from those windows, a fixed number of weighted k-means iterations unrolled in the
 * graph (assign each token to the nearest centre, move each centre to its members' size-weighted mean; an empty
 * cluster keeps its centre).</li>
 * <li>{@code kmedoids}: the same, but after each update a centre moves to its member nearest to the mean, and the
 * cluster goes on as that token's state.</li>
 * </ul>
 * The first token is a cluster of its own; padding belongs to no cluster.
 */
final class PoolStage extends ReductionStage {
    enum Method implements TokenParameters.Choice {
        WINDOW, KMEANS, KMEDOIDS
    }

    private final Method method;
    private final int iterations;

    PoolStage(int block, double keep, Method method, int iterations) {
        super(block, keep);
        this.method = method;
        this.iterations = iterations;
    }

    @Override
    String describe() {
        return "after block " + block() + " pool to " + ReductionStage.percent(keep()) + " by " + method.id()
                + (method == Method.WINDOW ? "" : " (" + iterations + " iterations)");
    }

    @Override
    Output reduce(OpBuilder b, Input in) {
        Value x = in.stream();
        Value size = in.size();
        Rows rows = rows(b, in);
        Value valid = rows.valid();
        Value validF = rows.validF();
        Value first = rows.first();
        Value count = rows.count();
        Value target = rows.target();
        Value width = ReductionStage.widest(b, target);
        Value slots = b.iota(width);
        Value slotsF = b.cast(slots, DataType.FLOAT);

        // windows: the first token alone in slot 0, the others spread evenly over slots 1 … target − 1
        Value rank = b.sub(b.cumSum(validF, 1), b.f(1f));
        Value spread = b.div(b.mul(b.sub(rank, b.f(1f)), b.sub(target, b.f(1f))), b.max(b.sub(count, b.f(1f)), b.f(1f)));
        Value window = b.min(b.add(b.op("Floor", spread), b.f(1f)), b.sub(target, b.f(1f)));
        window = b.where(b.and(valid, b.not(first)), window, b.f(0f));
        Value assign = b.cast(window, DataType.INT64);
        Value weights = b.assignment(assign, slots, size);
        Value sizes = b.reduce("ReduceSum", weights, false, 2);
        Value centres = ReductionStage.slotMeans(b, weights, x, sizes, b.gatherRows(x, b.zerosLong(b.concat(0, b.dim(x, 0), b.unsqueeze(width, 0)))));
        if (method == Method.WINDOW) return new Output(centres, sizes, assign, null);

        // clusters a token other than the first may join: 1 … target − 1
        Value open = b.and(b.greater(slotsF, b.f(0.5f)), b.less(slotsF, target)); // [B, R]
        Value squares = method == Method.KMEDOIDS ? b.reduce("ReduceSum", b.mul(x, x), false, 2) : null;
        for (int it = 0; it < iterations; it++) {
            Value centreSquares = b.reduce("ReduceSum", b.mul(centres, centres), false, 2);
            Value distance = b.sub(b.unsqueeze(centreSquares, 1), b.mul(b.matMul(x, b.transpose(centres, 0, 2, 1)), b.f(2f)));
            distance = b.where(b.unsqueeze(open, 1), distance, b.f(1e30f));
            Value nearest = b.where(b.and(valid, b.not(first)), b.argMin(distance, 2), b.i(0));
            weights = b.assignment(nearest, slots, size);
            sizes = b.reduce("ReduceSum", weights, false, 2);
            centres = ReductionStage.slotMeans(b, weights, x, sizes, centres);
            assign = nearest;
            if (method == Method.KMEDOIDS) {
                // each centre moves to its member nearest to it
                Value toMembers = b.sub(b.unsqueeze(squares, 1), b.mul(b.matMul(centres, b.transpose(x, 0, 2, 1)), b.f(2f)));
                // two members equidistant from their mean (any cluster of two) must not be told apart by rounding:
                // the earlier one wins by 10⁻³ per position
                toMembers = b.add(toMembers, b.mul(b.cast(b.iota(b.scalarDim(x, 1)), DataType.FLOAT), b.f(1e-3f)));
                toMembers = b.where(b.greater(weights, b.f(0f)), toMembers, b.f(1e30f));
                Value medoid = b.argMin(toMembers, 2);
                centres = b.where(b.unsqueeze(b.greater(sizes, b.f(0f)), 2), b.gatherRows(x, medoid), centres);
            }
        }
        return new Output(centres, sizes, assign, null);
    }
}
