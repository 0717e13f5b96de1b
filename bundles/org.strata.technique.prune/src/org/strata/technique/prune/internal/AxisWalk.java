package org.strata.technique.prune.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.strata.core.TechniqueException;
import org.strata.core.analysis.ProjectionWeights;
import org.strata.onnx.Attribute;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;

/**
 * Follows the pruned axis from the projections that produce it to the projection that consumes it (Q, K, V to
 * the output projection; up and gate to down), node by node, and plans every edit that keeps the graph
 * consistent once some heads (or neurons) are gone: head counts and widths in Reshape and Expand targets
 * (constants or the constant parts of a Concat), the sizes of a Split or the bounds of Slices dividing a fused
 * QKV, constants with an entry per head or per feature, {@code num_heads} of a RotaryEmbedding.
 *
 * <p>What it tracks is where the units sit in each value ({@link Carry}): packed in a feature axis (heads × head
 * size, or neurons), as a heads axis after the head-splitting Reshape, or as the three parts of a fused QKV.
 * The heads axis is known by position, never by value: the head-splitting Reshape is {@code [.., heads, head
 * size]} as every exporter writes it, Transpose, Unsqueeze, Squeeze and Gather move it, and grouped-query
 * attention's repeat ({@code Unsqueeze} after the heads axis, {@code Expand}, {@code Reshape} merging the two) is
 * followed as such. A node it does not know, a value leaving the region, or a dimension that would disagree is
 * refused with the node named; nothing is edited then, since edits are only planned here.
 */
final class AxisWalk {
    enum Kind {
        /** The units are packed in {@code axis}: count × unit features. */
        PACKED,
        /** {@code axis} is the heads axis itself. */
        HEADS,
        /** The fused QKV projection's output: Q, K and V parts packed one after another in {@code axis}. */
        QKV
    }

    /**
     * Where the units are in one value.
     *
     * @param keep     the kept units, ascending (0-based), out of {@code oldCount}
     * @param repAxis  for grouped-query attention, the axis right after the heads that repeats each key/value head
     *                 ({@code -1} when there is none)
     * @param repSize  its size once expanded (0 while unknown)
     */
    record Carry(Kind kind, int rank, int axis, int oldCount, int unit, int[] keep, int repAxis, long repSize) {
        int newCount() {
            return keep.length;
        }

        Carry at(int newRank, int newAxis) {
            return new Carry(kind, newRank, newAxis, oldCount, unit, keep, repAxis < 0 ? -1 : repAxis + newAxis - axis, repSize);
        }

        static Carry packed(int rank, int oldCount, int unit, int[] keep) {
            return new Carry(Kind.PACKED, rank, rank - 1, oldCount, unit, keep, -1, 0);
        }

        boolean sameAs(Carry o) {
            return kind == o.kind && rank == o.rank && axis == o.axis && oldCount == o.oldCount && unit == o.unit
                    && Arrays.equals(keep, o.keep) && repAxis == o.repAxis;
        }

        @Override
        public String toString() {
            return kind + " axis " + axis + " of rank " + rank + ", " + oldCount + "→" + keep.length
                    + (unit > 1 ? " × " + unit : "");
        }
    }

    /** The three parts of a fused QKV projection's output, in features. */
    record QkvParts(int heads, int kvHeads, int headSize, int[] keepQ, int[] keepKv) {
        long q() {
            return (long) heads * headSize;
        }

        long kv() {
            return (long) kvHeads * headSize;
        }

        long newQ() {
            return (long) keepQ.length * headSize;
        }

        long newKv() {
            return (long) keepKv.length * headSize;
        }
    }

    private static final Set<String> ELEMENTWISE = Set.of("Add", "Sub", "Mul", "Div", "Pow", "Where", "Max", "Min", "Mod",
            "Equal", "Greater", "Less", "GreaterOrEqual", "LessOrEqual", "And", "Or", "Xor", "Not", "Neg", "Abs", "Sqrt",
            "Exp", "Log", "Reciprocal", "Erf", "Tanh", "Sigmoid", "Relu", "LeakyRelu", "Elu", "Selu", "Celu", "Gelu",
            "Softplus", "Softsign", "HardSigmoid", "HardSwish", "Mish", "Clip", "Cast", "CastLike", "Identity", "Dropout",
            "Sign", "Floor", "Ceil", "Round", "IsNaN", "IsInf", "PRelu", "Sin", "Cos");
    private static final Set<String> MS_ELEMENTWISE = Set.of("Gelu", "FastGelu", "BiasGelu", "QuickGelu");
    private static final Set<String> REDUCTIONS = Set.of("ReduceMax", "ReduceMin", "ReduceSum", "ReduceMean", "ReduceLogSumExp");

    private final String where;
    private final Set<Node> region;
    private final Set<Node> ends;
    private final Set<Node> sinks;
    private final int endCount;
    private final QkvParts qkv;
    private final RewritePlan plan;
    private final ShapeVectors vectors;
    private final ShapeFacts facts;
    private final Map<Value, Carry> seen = new IdentityHashMap<>();
    private final Map<Value, Carry> expected = new IdentityHashMap<>();
    private final Deque<Map.Entry<Value, Carry>> todo = new ArrayDeque<>();
    private boolean endReached;

    /**
     * @param where    what is walked, for messages ("the attention of block 3")
     * @param region   the nodes the units may pass through
     * @param ends     the nodes of the consuming projection: the walk ends there, with the units packed in the last axis
     * @param sinks    fused nodes that consume the units (their attributes are the caller's business)
     * @param endCount the unit count expected at {@code ends}
     * @param qkv      the parts of a fused QKV output, or null
     */
    AxisWalk(String where, Set<Node> region, Set<Node> ends, Set<Node> sinks, int endCount, QkvParts qkv, RewritePlan plan,
            ShapeFacts facts) {
        this.where = where;
        this.region = region;
        this.ends = ends;
        this.sinks = sinks;
        this.endCount = endCount;
        this.qkv = qkv;
        this.plan = plan;
        this.vectors = plan.vectors();
        this.facts = facts;
    }

    /** The rank of {@code v} as shape inference found it, or {@code fallback}. */
    int rankOr(Value v, int fallback) {
        int r = facts.rank(v);
        return r >= 0 ? r : fallback;
    }

    /** Adds a value where the units start. */
    void start(Value v, Carry c) {
        todo.add(Map.entry(v, c));
    }

    /**
     * Follows every start to the end.
     *
     * @throws TechniqueException naming the node where the units could not be followed
     */
    void run() {
        while (!todo.isEmpty()) {
            Map.Entry<Value, Carry> e = todo.poll();
            visit(e.getKey(), e.getValue());
        }
        for (Map.Entry<Value, Carry> e : expected.entrySet()) {
            Carry got = seen.get(e.getKey());
            if (got == null || !got.sameAs(e.getValue())) {
                throw fail(e.getKey().producer(), "its operand '" + e.getKey().name() + "' has "
                        + e.getValue().oldCount() + " entries along the pruned axis but does not come from the pruned projections");
            }
        }
        if (!endReached && !ends.isEmpty()) {
            throw new TechniqueException(where + ": the pruned units never reach the projection that reads them");
        }
    }

    private TechniqueException fail(Node n, String why) {
        return new TechniqueException(where + ": cannot follow the pruned units through "
                + (n == null ? "a graph input" : n.describe()) + ": " + why);
    }

    private void visit(Value v, Carry c) {
        Carry before = seen.get(v);
        if (before != null) {
            if (!before.sameAs(c)) {
                throw fail(v.producer(), "its output '" + v.name() + "' is reached as " + before + " and as " + c);
            }
            return;
        }
        seen.put(v, c);
        if (v.isGraphOutput()) throw fail(v.producer(), "its output '" + v.name() + "' is a graph output");
        for (Node n : v.consumers()) {
            if (ends.contains(n)) {
                if (c.kind() != Kind.PACKED || c.axis() != c.rank() - 1 || c.oldCount() != endCount) {
                    throw fail(n, "expected the units packed in the last axis (" + endCount + " of them), but they are " + c);
                }
                endReached = true;
                continue;
            }
            if (sinks.contains(n) || n.is("Shape") || n.is("Size")) continue;
            if (!region.contains(n)) {
                throw fail(n, "it reads '" + v.name() + "' but is not part of " + where);
            }
            for (int i = 0; i < n.inputs().size(); i++) {
                if (n.input(i) == v) step(n, i, c);
            }
        }
    }

    private void push(Value out, Carry c) {
        todo.add(Map.entry(out, c));
    }

    private void step(Node n, int i, Carry c) {
        String op = n.domain().isEmpty() ? n.opType() : n.domain() + "::" + n.opType();
        if (c.kind() == Kind.QKV) {
            qkvStep(n, i, c, op);
            return;
        }
        switch (op) {
            case "Reshape" -> reshape(n, i, c);
            case "Transpose" -> {
                long[] perm = n.attrInts("perm");
                int r = c.rank();
                int axis = -1, rep = -1;
                for (int j = 0; j < r; j++) {
                    long src = perm == null ? r - 1 - j : perm[j];
                    if (src == c.axis()) axis = j;
                    if (src == c.repAxis()) rep = j;
                }
                if (c.repAxis() >= 0 && rep != axis + 1) throw fail(n, "it separates the heads from their repeats");
                push(n.output(0), new Carry(c.kind(), r, axis, c.oldCount(), c.unit(), c.keep(), rep, c.repSize()));
            }
            case "Unsqueeze" -> {
                long[] axes = axes(n, 1);
                if (axes == null) throw fail(n, "its axes are computed at run time");
                int r = c.rank() + axes.length;
                boolean[] inserted = new boolean[r];
                for (long a : axes) inserted[(int) (a < 0 ? a + r : a)] = true;
                int[] map = new int[c.rank()];
                for (int j = 0, k = 0; j < r; j++) if (!inserted[j]) map[k++] = j;
                int axis = map[c.axis()];
                int rep = c.repAxis() >= 0 ? map[c.repAxis()] : -1;
                if (c.kind() == Kind.HEADS && rep < 0 && axis + 1 < r && inserted[axis + 1]) rep = axis + 1;
                push(n.output(0), new Carry(c.kind(), r, axis, c.oldCount(), c.unit(), c.keep(), rep, rep >= 0 && c.repAxis() < 0 ? 1 : c.repSize()));
            }
            case "Squeeze" -> {
                long[] axes = axes(n, 1);
                if (axes == null) throw fail(n, "it squeezes axes it does not name");
                int r = c.rank();
                boolean[] gone = new boolean[r];
                for (long a : axes) gone[(int) (a < 0 ? a + r : a)] = true;
                if (gone[c.axis()] || c.repAxis() >= 0 && gone[c.repAxis()]) throw fail(n, "it squeezes the pruned axis");
                push(n.output(0), c.at(r - axes.length, c.axis() - count(gone, c.axis())));
            }
            case "Expand" -> expand(n, i, c);
            case "Tile" -> {
                long[] repeats = vectors.read(n.input(1));
                if (repeats == null || repeats.length != c.rank() || repeats[c.axis()] != 1) {
                    throw fail(n, "it may repeat the pruned axis");
                }
                if (c.repAxis() >= 0) {
                    long rep = repeats[c.repAxis()];
                    if (rep == ShapeVectors.DYNAMIC) throw fail(n, "the repeat count of the key/value heads is computed at run time");
                    push(n.output(0), new Carry(c.kind(), c.rank(), c.axis(), c.oldCount(), c.unit(), c.keep(), c.repAxis(), rep));
                } else {
                    push(n.output(0), c);
                }
            }
            case "Gather" -> {
                if (i != 0) throw fail(n, "it uses the pruned values as indices");
                int r = c.rank();
                long g = n.attrInt("axis", 0);
                int axis = (int) (g < 0 ? g + r : g);
                if (axis == c.axis() || axis == c.repAxis()) throw fail(n, "it picks along the pruned axis");
                int q = rankOr(n.input(1), -1);
                if (q < 0) {
                    Tensor t = ProjectionWeights.constant(n.input(1));
                    if (t == null) throw fail(n, "the rank of its indices is not known");
                    q = t.rank();
                }
                int shift = axis < c.axis() ? q - 1 : 0;
                push(n.output(0), c.at(r - 1 + q, c.axis() + shift));
            }
            case "Split" -> {
                int axis = normalized(n.attrInt("axis", 0), c.rank());
                if (axis == c.axis() || axis == c.repAxis()) throw fail(n, "it splits the pruned axis");
                for (Value out : n.outputs()) push(out, c);
            }
            case "Slice" -> {
                for (int axis : slicedAxes(n, c.rank())) {
                    if (axis == c.axis() || axis == c.repAxis()) throw fail(n, "it slices the pruned axis");
                }
                push(n.output(0), c);
            }
            case "Concat" -> {
                int axis = normalized(n.attrInt("axis", 0), c.rank());
                if (axis == c.axis()) throw fail(n, "it concatenates along the pruned axis");
                for (Value in : n.inputs()) {
                    if (in != null && ProjectionWeights.constant(in) == null && facts.dim(in, c.axis()) != 1) expect(in, c, n);
                    else if (in != null) operand(n, in, c, c.rank());
                }
                push(n.output(0), c);
            }
            case "MatMul" -> {
                Value other = n.input(1 - i);
                if (ProjectionWeights.constant(other) != null) {
                    throw fail(n, "a product with a constant inside " + where + " (a projection that was not recognised)");
                }
                int r = Math.max(c.rank(), rankOr(other, c.rank()));
                int axis = c.axis() + r - c.rank();
                if (c.kind() != Kind.HEADS || axis >= r - 2) throw fail(n, "the pruned axis is one of the multiplied axes");
                push(n.output(0), c.at(r, axis));
            }
            case "Softmax", "LogSoftmax" -> {
                int axis = normalized(n.attrInt("axis", -1), c.rank());
                if (axis <= c.axis()) throw fail(n, "it normalises across the pruned axis");
                push(n.output(0), c);
            }
            case "com.microsoft::RotaryEmbedding", "RotaryEmbedding" -> {
                if (i != 0) throw fail(n, "the pruned values are not its input");
                if (n.attrInt("num_heads", 0) > 0) {
                    if (c.oldCount() != n.attrInt("num_heads", 0)) throw fail(n, "its num_heads is not the head count " + c.oldCount());
                    plan.attribute(n, Attribute.of("num_heads", (long) c.newCount()));
                }
                push(n.output(0), c);
            }
            default -> {
                if (REDUCTIONS.contains(op)) {
                    if (n.attrInt("keepdims", 1) != 1) throw fail(n, "it drops axes (keepdims=0)");
                    long[] axes = axes(n, 1);
                    if (axes == null) throw fail(n, "it reduces over every axis");
                    for (long a : axes) if (normalized(a, c.rank()) == c.axis()) throw fail(n, "it reduces over the pruned axis");
                    push(n.output(0), c);
                } else if (ELEMENTWISE.contains(op) || n.domain().equals(Node.MS_DOMAIN) && MS_ELEMENTWISE.contains(n.opType())) {
                    elementwise(n, i, c);
                } else {
                    throw fail(n, "the pruning does not know how " + op + " treats the pruned axis");
                }
            }
        }
    }

    private static int count(boolean[] flags, int below) {
        int k = 0;
        for (int j = 0; j < below; j++) if (flags[j]) k++;
        return k;
    }

    private static int normalized(long axis, int rank) {
        return (int) (axis < 0 ? axis + rank : axis);
    }

    /** Axes from the attribute or (opset 13+) input {@code input}; null when computed at run time or absent. */
    private long[] axes(Node n, int input) {
        long[] a = n.attrInts("axes");
        if (a != null) return a;
        if (n.input(input) == null) return null;
        long[] v = vectors.read(n.input(input));
        if (v == null) return null;
        for (long x : v) if (x == ShapeVectors.DYNAMIC) return null;
        return v;
    }

    private int[] slicedAxes(Node n, int rank) {
        long[] axes = n.attrInts("axes");
        if (axes == null && n.inputs().size() > 3 && n.input(3) != null) axes = vectors.read(n.input(3));
        long[] starts = n.attrInts("starts");
        if (starts == null) starts = vectors.read(n.input(1));
        if (starts == null) throw new TechniqueException(where + ": the slice " + n.describe() + " has starts computed at run time");
        if (axes == null) {
            axes = new long[starts.length];
            for (int j = 0; j < axes.length; j++) axes[j] = j;
        }
        int[] out = new int[axes.length];
        for (int j = 0; j < axes.length; j++) {
            if (axes[j] == ShapeVectors.DYNAMIC) throw new TechniqueException(where + ": the slice " + n.describe() + " has axes computed at run time");
            out[j] = normalized(axes[j], rank);
        }
        return out;
    }

    /** Records that {@code v}, an operand of {@code n} next to a pruned value, must carry the units the same way. */
    private void expect(Value v, Carry c, Node n) {
        Carry old = expected.put(v, c);
        if (old != null && !old.sameAs(c)) throw fail(n, "its operand '" + v.name() + "' would be pruned two ways");
    }

    /**
     * Checks (and plans the slicing of) an operand {@code w} of {@code n} that is not itself a pruned value, aligned
     * by broadcasting with an output of rank {@code outRank}: a constant with an entry per unit is sliced; one
     * broadcast along the pruned axis is left alone; a run-time value with an entry per unit must be pruned too.
     */
    private void operand(Node n, Value w, Carry c, int outRank) {
        int axis = c.axis() + outRank - c.rank();
        Tensor t = ProjectionWeights.constant(w);
        long full = (long) c.oldCount() * (c.kind() == Kind.PACKED ? c.unit() : 1);
        if (t != null) {
            int at = axis - (outRank - t.rank());
            if (at < 0 || t.dims()[at] == 1) return;
            if (t.dims()[at] != full) throw fail(n, "its constant '" + w.name() + "' has " + t.dims()[at] + " entries along the pruned axis, not " + full);
            int[] keep = c.kind() == Kind.PACKED ? TensorSlices.expand(c.keep(), c.unit(), 0) : c.keep();
            int input = n.inputs().indexOf(w);
            plan.slice(n, input, at, keep, full);
            return;
        }
        int r = facts.rank(w);
        long d = r < 0 ? ShapeFacts.UNKNOWN : facts.dim(w, axis - (outRank - r));
        if (r >= 0 && axis - (outRank - r) >= 0 && d == full && full > 1) expect(w, c.at(r, axis - (outRank - r)), n);
    }

    private void elementwise(Node n, int i, Carry c) {
        int outRank = c.rank();
        for (Value w : n.inputs()) {
            if (w == null) continue;
            Tensor t = ProjectionWeights.constant(w);
            outRank = Math.max(outRank, t != null ? t.rank() : Math.max(0, facts.rank(w)));
        }
        for (int j = 0; j < n.inputs().size(); j++) {
            Value w = n.input(j);
            if (j == i || w == null || seen.get(w) != null && seen.get(w).sameAs(c)) continue;
            if (n.is("Dropout") && j > 0) continue;
            operand(n, w, c, outRank);
        }
        push(n.output(0), c.at(outRank, c.axis() + outRank - c.rank()));
    }

    // ---- shape-changing nodes ------------------------------------------------------------------------------

    /** Entry {@code at} of the vector {@code n} reads at {@code input}: set it to {@code value} when it is {@code old}. */
    private void rewrite(Node n, int input, long[] e, int at, long old, long value, String what) {
        long x = e[at];
        if (x == old) {
            if (old != value) plan.entry(n, input, at, value);
        } else if (x != -1 && x != ShapeVectors.DYNAMIC) {
            throw fail(n, "expected " + what + " " + old + " (or -1) at position " + at + " of its shape " + text(e));
        }
    }

    private static String text(long[] e) {
        StringBuilder b = new StringBuilder("[");
        for (int j = 0; j < e.length; j++) b.append(j == 0 ? "" : ", ").append(e[j] == ShapeVectors.DYNAMIC ? "?" : Long.toString(e[j]));
        return b.append(']').toString();
    }

    private long[] target(Node n) {
        long[] e = vectors.read(n.input(1));
        if (e == null) {
            int r = facts.rank(n.output(0));
            if (r < 0) throw fail(n, "the length of its target shape is not known");
            e = new long[r];
            Arrays.fill(e, ShapeVectors.DYNAMIC);
        }
        return e;
    }

    private void reshape(Node n, int i, Carry c) {
        if (i != 0) throw fail(n, "the pruned values are used as a shape");
        long[] e = target(n);
        int r = c.rank();
        int l = e.length;
        switch (c.kind()) {
            case PACKED -> {
                if (c.axis() != r - 1) throw fail(n, "the pruned features are not in the last axis");
                long width = (long) c.oldCount() * c.unit();
                long newWidth = (long) c.newCount() * c.unit();
                if (e[l - 1] == width || (l != r + 1 && (e[l - 1] == -1 || e[l - 1] == ShapeVectors.DYNAMIC))) {
                    // flattening to 2-D, unflattening, or a reshape keeping the features last
                    rewrite(n, 1, e, l - 1, width, newWidth, "the width");
                    push(n.output(0), c.at(l, l - 1));
                } else if (l == r + 1 && c.unit() > 1) {
                    // the head split [.., heads, head size]
                    rewrite(n, 1, e, l - 1, c.unit(), c.unit(), "the head size");
                    rewrite(n, 1, e, l - 2, c.oldCount(), c.newCount(), "the head count");
                    push(n.output(0), new Carry(Kind.HEADS, l, l - 2, c.oldCount(), c.unit(), c.keep(), -1, 0));
                } else {
                    throw fail(n, "it reshapes " + c.oldCount() + " × " + c.unit() + " packed features to " + text(e));
                }
            }
            case HEADS -> {
                int h = c.axis();
                if (l == r - 1 && h == r - 2) {
                    // merging the heads with the head size: [.., heads × head size]
                    rewrite(n, 1, e, l - 1, (long) c.oldCount() * c.unit(), (long) c.newCount() * c.unit(), "the width");
                    push(n.output(0), Carry.packed(l, c.oldCount(), c.unit(), c.keep()));
                } else if (l == r - 1 && c.repAxis() == h + 1) {
                    // grouped-query attention: [.., kv heads, repeats, ..] → [.., heads, ..]
                    long rep = c.repSize();
                    if (rep < 1) throw fail(n, "the number of query heads per key/value head is not known");
                    int[] keep = TensorSlices.expand(c.keep(), (int) rep, 0);
                    rewrite(n, 1, e, h, c.oldCount() * rep, keep.length, "the head count");
                    push(n.output(0), new Carry(Kind.HEADS, l, h, (int) (c.oldCount() * rep), c.unit(), keep, -1, 0));
                } else if (l == r && c.repAxis() < 0) {
                    rewrite(n, 1, e, h, c.oldCount(), c.newCount(), "the head count");
                    push(n.output(0), c);
                } else {
                    throw fail(n, "it reshapes the heads axis " + h + " of a rank-" + r + " value to " + text(e));
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private void expand(Node n, int i, Carry c) {
        if (i != 0) throw fail(n, "the pruned values are used as a shape");
        long[] e = target(n);
        int r = c.rank();
        int l = Math.max(e.length, r);
        Carry out = c.at(l, c.axis() + l - r);
        int at = out.axis() - (l - e.length);
        if (at >= 0) {
            long x = e[at];
            if (x == c.oldCount() * (c.kind() == Kind.PACKED ? (long) c.unit() : 1)) {
                rewrite(n, 1, e, at, x, (long) c.newCount() * (c.kind() == Kind.PACKED ? c.unit() : 1), "the head count");
            } else if (x != 1 && x != -1 && x != ShapeVectors.DYNAMIC) {
                throw fail(n, "it expands the pruned axis to " + x);
            }
        }
        if (out.repAxis() >= 0) {
            int repAt = out.repAxis() - (l - e.length);
            long rep = repAt >= 0 ? e[repAt] : 1;
            if (rep == ShapeVectors.DYNAMIC || rep < 1) throw fail(n, "the number of query heads per key/value head is computed at run time");
            out = new Carry(out.kind(), l, out.axis(), out.oldCount(), out.unit(), out.keep(), out.repAxis(), rep);
        }
        push(n.output(0), out);
    }

    // ---- the fused QKV output ------------------------------------------------------------------------------

    private void qkvStep(Node n, int i, Carry c, String op) {
        QkvParts p = qkv;
        int r = c.rank();
        long total = p.q() + 2 * p.kv();
        switch (op) {
            case "Split" -> {
                int axis = normalized(n.attrInt("axis", 0), r);
                if (axis != c.axis() || n.outputs().size() != 3) throw fail(n, "expected a Split of the fused QKV into three parts");
                long[] sizes = n.attrInts("split");
                long[] want = {p.q(), p.kv(), p.kv()};
                long[] now = {p.newQ(), p.newKv(), p.newKv()};
                if (sizes != null) {
                    if (!Arrays.equals(sizes, want)) throw fail(n, "its sizes " + Arrays.toString(sizes) + " are not " + Arrays.toString(want));
                    plan.attribute(n, Attribute.ofInts("split", now));
                } else if (n.inputs().size() > 1 && n.input(1) != null) {
                    long[] e = vectors.read(n.input(1));
                    if (e == null || e.length != 3) throw fail(n, "its sizes are computed at run time");
                    for (int k = 0; k < 3; k++) rewrite(n, 1, e, k, want[k], now[k], "the part width");
                } else if (p.q() != p.kv()) {
                    throw fail(n, "it splits in equal parts, but queries and keys differ in width");
                }
                push(n.output(0), Carry.packed(r, p.heads(), p.headSize(), p.keepQ()).at(r, c.axis()));
                push(n.output(1), Carry.packed(r, p.kvHeads(), p.headSize(), p.keepKv()).at(r, c.axis()));
                push(n.output(2), Carry.packed(r, p.kvHeads(), p.headSize(), p.keepKv()).at(r, c.axis()));
            }
            case "Slice" -> qkvSlice(n, c, total);
            case "Reshape" -> {
                long[] e = target(n);
                int l = e.length;
                if (l == r + 2 && (e[l - 3] == 3 || e[l - 3] == ShapeVectors.DYNAMIC) && p.heads() == p.kvHeads()) {
                    rewrite(n, 1, e, l - 1, p.headSize(), p.headSize(), "the head size");
                    rewrite(n, 1, e, l - 2, p.heads(), p.keepQ().length, "the head count");
                    push(n.output(0), new Carry(Kind.HEADS, l, l - 2, p.heads(), p.headSize(), p.keepQ(), -1, 0));
                } else if (l == r && (e[l - 1] == total || e[l - 1] == -1)) {
                    rewrite(n, 1, e, l - 1, total, p.newQ() + 2 * p.newKv(), "the fused width");
                    push(n.output(0), c.at(l, l - 1));
                } else {
                    throw fail(n, "expected the fused QKV to be reshaped to [.., 3, heads, head size], but the target is " + text(e));
                }
            }
            default -> {
                if (ELEMENTWISE.contains(op) && (n.is("Identity") || n.is("Cast"))) {
                    push(n.output(0), c);
                } else {
                    throw fail(n, "expected a Split, Slice or Reshape dividing the fused QKV");
                }
            }
        }
    }

    private void qkvSlice(Node n, Carry c, long total) {
        QkvParts p = qkv;
        int r = c.rank();
        int[] axes = slicedAxes(n, r);
        int k = -1;
        for (int j = 0; j < axes.length; j++) if (axes[j] == c.axis()) k = j;
        if (k < 0 || axes.length != 1) throw fail(n, "expected a Slice of the fused QKV along its features");
        boolean attrs = n.attrInts("starts") != null;
        long[] starts = attrs ? n.attrInts("starts") : vectors.read(n.input(1));
        long[] endsV = attrs ? n.attrInts("ends") : vectors.read(n.input(2));
        if (starts == null || endsV == null || starts[k] == ShapeVectors.DYNAMIC || endsV[k] == ShapeVectors.DYNAMIC) {
            throw fail(n, "its bounds are computed at run time");
        }
        if (!attrs && n.inputs().size() > 4 && n.input(4) != null) {
            long[] steps = vectors.read(n.input(4));
            if (steps == null || steps[k] != 1) throw fail(n, "it slices with a step");
        }
        long newTotal = p.newQ() + 2 * p.newKv();
        long[] oldBounds = {0, p.q(), p.q() + p.kv(), total};
        long[] newBounds = {0, p.newQ(), p.newQ() + p.newKv(), newTotal};
        long s = starts[k] < 0 ? starts[k] + total : starts[k];
        long e = endsV[k] < 0 ? endsV[k] + total : Math.min(endsV[k], total);
        int part = Arrays.binarySearch(oldBounds, s);
        if (part < 0 || part > 2 || e != oldBounds[part + 1]) {
            throw fail(n, "its bounds [" + starts[k] + ", " + endsV[k] + ") are not one of the Q, K, V parts of the "
                    + total + " fused features");
        }
        long newStart = starts[k] < 0 ? newBounds[part] - newTotal : newBounds[part];
        long newEnd = endsV[k] < 0 ? newBounds[part + 1] - newTotal : endsV[k] >= total && endsV[k] != total ? endsV[k] : newBounds[part + 1];
        if (attrs) {
            long[] ns = starts.clone();
            long[] ne = endsV.clone();
            ns[k] = newStart;
            ne[k] = newEnd;
            plan.attribute(n, Attribute.ofInts("starts", ns));
            plan.attribute(n, Attribute.ofInts("ends", ne));
        } else {
            if (starts[k] != newStart) plan.entry(n, 1, k, newStart);
            if (endsV[k] != newEnd) plan.entry(n, 2, k, newEnd);
        }
        Carry out = part == 0 ? Carry.packed(r, p.heads(), p.headSize(), p.keepQ())
                : Carry.packed(r, p.kvHeads(), p.headSize(), p.keepKv());
        push(n.output(0), out.at(r, c.axis()));
    }

    /** Every value the walk reached, with where the units are in it. */
    List<Value> reached() {
        return new ArrayList<>(seen.keySet());
    }
}
