package org.strata.technique.prune.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.strata.core.TechniqueException;
import org.strata.core.analysis.ProjectionWeights;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;

/**
 * Reads and rewrites the 1-D integer vectors that Reshape, Expand, Split and Slice take as inputs: a constant,
 * or the {@code Concat(Unsqueeze(Gather(Shape(x), i)), ..., [heads], [head size])} exporters write, where some
 * entries are computed at run time ({@link #DYNAMIC}) and others are constants that name a width. A rewrite
 * replaces constant entries only, by new initializers and, where the vector is a Concat, a new Concat; the old
 * nodes stay for other readers or die.
 */
final class ShapeVectors {
    /** An entry computed at run time. */
    static final long DYNAMIC = Long.MIN_VALUE;

    private final Graph graph;
    private final ShapeFacts facts;
    private final Map<String, Value> memo = new HashMap<>();

    ShapeVectors(Graph graph, ShapeFacts facts) {
        this.graph = graph;
        this.facts = facts;
    }

    /** The entries of {@code v}, {@link #DYNAMIC} where computed at run time; null when even the length is unknown. */
    long[] read(Value v) {
        if (v == null) return null;
        Tensor t = ProjectionWeights.constant(v);
        if (t != null) return t.type().isInteger() && t.rank() <= 1 ? TensorCodec.toLongs(t) : null;
        Node p = v.producer();
        if (p != null) {
            if (p.is("Cast") || p.is("Identity")) return read(p.input(0));
            if (p.is("Unsqueeze") && facts.rank(p.input(0)) == 0) {
                long[] inner = read(p.input(0));
                return inner != null && inner.length == 1 ? inner : new long[] {DYNAMIC};
            }
            if (p.is("Concat")) {
                List<long[]> parts = new ArrayList<>();
                int n = 0;
                for (Value in : p.inputs()) {
                    long[] part = read(in);
                    if (part == null) return null;
                    parts.add(part);
                    n += part.length;
                }
                long[] out = new long[n];
                int at = 0;
                for (long[] part : parts) {
                    System.arraycopy(part, 0, out, at, part.length);
                    at += part.length;
                }
                return out;
            }
        }
        // computed at run time (Shape, Gather of a Shape, Slice of a Shape...): its length from shape inference
        if (facts.rank(v) == 0) return new long[] {DYNAMIC};
        long length = facts.rank(v) == 1 ? facts.dim(v, 0) : ShapeFacts.UNKNOWN;
        if (length < 0) return null;
        long[] out = new long[(int) length];
        java.util.Arrays.fill(out, DYNAMIC);
        return out;
    }

    /**
     * A value equal to {@code v} with {@code edits} (entry → new value) applied, built once per distinct
     * request. Every edited entry must be a constant of {@code v} ({@link #read} not {@link #DYNAMIC}).
     */
    Value rewritten(Value v, Map<Integer, Long> edits) {
        String key = v.name() + new TreeMap<>(edits);
        Value done = memo.get(key);
        if (done != null) return done;
        Value out = build(v, edits);
        memo.put(key, out);
        return out;
    }

    private Value build(Value v, Map<Integer, Long> edits) {
        long[] entries = read(v);
        if (entries == null) throw new TechniqueException("cannot read the shape vector '" + v.name() + "'");
        boolean constant = true;
        for (long e : entries) constant &= e != DYNAMIC;
        if (constant) {
            long[] changed = entries.clone();
            edits.forEach((i, x) -> changed[i] = x);
            // the vector itself if it is a constant; a computed one (Cast, Unsqueeze, Concat of constants) is int64
            Tensor old = ProjectionWeights.constant(v);
            DataType type = old != null ? old.type() : DataType.INT64;
            boolean scalar = old != null ? old.rank() == 0 : facts.rank(v) == 0;
            Tensor t = TensorCodec.fromLongs(v.name(), type, scalar ? new long[0] : new long[] {changed.length}, changed);
            return graph.addInitializer(v.name() + "_pruned", t);
        }
        Node p = v.producer();
        if (p != null && (p.is("Cast") || p.is("Identity"))) {
            Value inner = rewritten(p.input(0), edits);
            Node copy = graph.addNode(p.domain(), p.opType(), List.of(inner), List.of(v.name() + "_pruned"),
                    new ArrayList<>(p.attributes().values()));
            return copy.output(0);
        }
        if (p != null && p.is("Concat")) {
            List<Value> inputs = new ArrayList<>(p.inputs());
            int at = 0;
            for (int k = 0; k < inputs.size(); k++) {
                long[] part = read(inputs.get(k));
                Map<Integer, Long> local = new HashMap<>();
                for (Map.Entry<Integer, Long> e : edits.entrySet()) {
                    int i = e.getKey();
                    if (i >= at && i < at + part.length) local.put(i - at, e.getValue());
                }
                if (!local.isEmpty()) inputs.set(k, rewritten(inputs.get(k), local));
                at += part.length;
            }
            Node copy = graph.addNode(p.domain(), p.opType(), inputs, List.of(v.name() + "_pruned"),
                    new ArrayList<>(p.attributes().values()));
            return copy.output(0);
        }
        throw new TechniqueException("cannot rewrite the shape vector '" + v.name() + "' computed by "
                + (p == null ? "nothing" : p.describe()));
    }
}
