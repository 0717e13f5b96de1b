package org.strata.technique.prune.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.strata.core.TechniqueException;
import org.strata.core.analysis.ProjectionWeights;
import org.strata.onnx.Attribute;
import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Projection;

/**
 * The edits a structured pruning makes, collected first and applied together, so that a model the pruning
 * cannot handle is refused before anything changes: slices of constant inputs (weights, biases, per-head
 * constants), new constant entries of shape vectors (head counts and widths in Reshape, Expand, Split and Slice
 * inputs), attributes ({@code num_heads}) and additions to a bias (compensation for what was removed). The same edit asked for twice is made once; two different edits of
 * the same input are a bug in the caller and refused.
 */
final class RewritePlan {
    /** One input of one node. */
    private record Site(Node node, int input) {
    }

    private record Slice(int axis, int[] keep) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Slice s && s.axis == axis && Arrays.equals(s.keep, keep);
        }

        @Override
        public int hashCode() {
            return axis * 31 + Arrays.hashCode(keep);
        }
    }

    private final Graph graph;
    private final ShapeVectors vectors;
    private final Map<Site, Slice> slices = new LinkedHashMap<>();
    private final Map<Site, Map<Integer, Long>> entries = new LinkedHashMap<>();
    private final Map<Node, Map<String, Attribute>> attributes = new LinkedHashMap<>();
    private final Map<Projection, float[]> biasDeltas = new LinkedHashMap<>();
    private final Map<Projection, float[]> weightDeltas = new LinkedHashMap<>();
    private final Map<Projection, org.strata.onnx.DataType> biasTypes = new LinkedHashMap<>();
    private final Set<Node> touched = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    RewritePlan(Graph graph, ShapeVectors vectors) {
        this.graph = graph;
        this.vectors = vectors;
    }

    ShapeVectors vectors() {
        return vectors;
    }

    /**
     * Keep only {@code keep} along {@code axis} of the constant that input {@code input} of {@code node} reads.
     *
     * @throws TechniqueException when that input is not a constant with such an axis
     */
    void slice(Node node, int input, int axis, int[] keep, long expectedSize) {
        Value v = node.input(input);
        Tensor t = v == null ? null : ProjectionWeights.constant(v);
        if (t == null || axis < 0 || axis >= t.rank() || t.dims()[axis] != expectedSize) {
            throw new TechniqueException("expected input " + input + " of " + node.describe() + " to be a constant with "
                    + expectedSize + " entries along axis " + axis + ", but it is " + (t == null ? "computed at run time" : t));
        }
        put(slices, new Site(node, input), new Slice(axis, keep.clone()), node);
    }

    /** Set entry {@code entry} of the shape vector input {@code input} of {@code node} to {@code value}. */
    void entry(Node node, int input, int entry, long value) {
        Site s = new Site(node, input);
        Map<Integer, Long> m = entries.computeIfAbsent(s, k -> new LinkedHashMap<>());
        Long old = m.put(entry, value);
        if (old != null && old != value) {
            throw new IllegalStateException("two values for entry " + entry + " of input " + input + " of " + node.describe());
        }
        touched.add(node);
    }

    void attribute(Node node, Attribute a) {
        Attribute old = attributes.computeIfAbsent(node, k -> new LinkedHashMap<>()).put(a.name(), a);
        if (old != null && !old.equals(a)) {
            throw new IllegalStateException("two values for attribute " + a.name() + " of " + node.describe());
        }
        touched.add(node);
    }

    /**
     * Add {@code delta} to the bias of {@code p} (one value per output feature), or give {@code p} a bias Add when it
     * has none: how a pruning puts the mean contribution of what it removed back (bias compensation).
     *
     * @throws TechniqueException when the bias is computed at run time or the output is a graph output
     */
    void addToBias(Projection p, float[] delta) {
        if (delta.length != p.outFeatures()) throw new IllegalArgumentException(delta.length + " values for " + p);
        if (p.bias() != null) {
            Tensor t = ProjectionWeights.constant(p.bias());
            if (t == null || t.elementCount() != p.outFeatures()) {
                throw new TechniqueException("the bias '" + p.bias().name() + "' of " + p.node().describe()
                        + " is not a constant of " + p.outFeatures() + " values; it cannot take the removed units' mean");
            }
        } else if (p.output() == null || p.output().isGraphOutput()) {
            throw new TechniqueException("cannot add a bias after " + p.node().describe());
        }
        if (biasDeltas.put(p, delta.clone()) != null) throw new IllegalStateException("two bias edits of " + p);
        biasTypes.put(p, ProjectionWeights.of(p).tensor().type());
        touched.add(p.node());
    }

    /**
     * Add {@code delta} (row-major [in, out], as {@link ProjectionWeights#matrix()}) to the weight of {@code p} before
     * any slice of it is taken: how a least-squares refit of the remaining rows is applied.
     *
     * @throws TechniqueException when the weight is not a constant {@link ProjectionWeights} can read
     */
    void addToWeight(Projection p, float[] delta) {
        ProjectionWeights w = ProjectionWeights.of(p);
        if (delta.length != (long) w.in() * w.out()) throw new IllegalArgumentException(delta.length + " values for " + p);
        if (weightDeltas.put(p, delta.clone()) != null) throw new IllegalStateException("two weight edits of " + p);
        touched.add(p.node());
    }

    private void applyWeight(Projection p, float[] delta) {
        ProjectionWeights w = ProjectionWeights.of(p);
        Tensor t = w.tensor();
        float[] v = TensorCodec.toFloats(t);
        int in = w.in(), out = w.out();
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; o++) {
                int at = w.storedOutIn() ? o * in + i : i * out + o;
                v[at] += delta[i * out + o];
            }
        }
        Value stored = p.weight();
        Tensor sum = TensorCodec.fromFloats(stored.name(), t.type(), t.dims(), v);
        java.util.Set<Node> own = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        own.addAll(p.nodes());
        boolean onlyOwn = stored.uses().stream().allMatch(u -> own.contains(u.node()));
        if (stored.isInitializer() && !stored.isGraphOutput() && onlyOwn) {
            graph.setInitializer(stored, sum);
        } else {
            Value fresh = graph.addInitializer(stored.name() + "_refit", sum);
            for (Value.Use u : new ArrayList<>(stored.uses())) if (own.contains(u.node())) u.node().setInput(u.index(), fresh);
        }
    }

    private void applyBias(Projection p, float[] delta) {
        if (p.bias() != null) {
            Value b = p.bias();
            Tensor t = ProjectionWeights.constant(b);
            float[] v = TensorCodec.toFloats(t);
            for (int i = 0; i < v.length; i++) v[i] += delta[i];
            Tensor sum = TensorCodec.fromFloats(b.name(), t.type(), t.dims(), v);
            if (b.isInitializer() && !b.isGraphOutput() && b.uses().size() == 1) {
                graph.setInitializer(b, sum);
            } else {
                Value fresh = graph.addInitializer(b.name() + "_compensated", sum);
                Set<Node> readers = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                readers.addAll(p.nodes());
                if (p.output() != null) readers.addAll(p.output().consumers());
                for (Value.Use u : new ArrayList<>(b.uses())) if (readers.contains(u.node())) u.node().setInput(u.index(), fresh);
            }
            return;
        }
        Value out = p.output();
        Value bias = graph.addInitializer(p.weight().name() + "_compensation",
                TensorCodec.fromFloats("b", biasTypes.get(p), new long[] {delta.length}, delta));
        Node add = graph.addNode("Add", List.of(out, bias), graph.uniqueName(out.name() + "_compensated"));
        for (Value.Use u : new ArrayList<>(out.uses())) if (u.node() != add) u.node().setInput(u.index(), add.output(0));
    }

    private <T> void put(Map<Site, T> map, Site site, T edit, Node node) {
        T old = map.put(site, edit);
        if (old != null && !old.equals(edit)) {
            throw new IllegalStateException("two different edits of input " + site.input() + " of " + node.describe());
        }
        touched.add(node);
    }

    /** Nodes whose inputs or attributes the plan changes. */
    Set<Node> touched() {
        return touched;
    }

    boolean isEmpty() {
        return slices.isEmpty() && entries.isEmpty() && attributes.isEmpty() && biasDeltas.isEmpty() && weightDeltas.isEmpty();
    }

    /** Makes the edits, then removes what they left unused and restores topological order. */
    void apply() {
        // refits first: the slices below read the refitted weights
        weightDeltas.forEach(this::applyWeight);
        // one new tensor per (source, slice); edited in place when every reader of an initializer is edited alike
        Map<Value, Map<Slice, List<Site>>> bySource = new LinkedHashMap<>();
        slices.forEach((site, slice) -> bySource.computeIfAbsent(site.node().input(site.input()), k -> new LinkedHashMap<>())
                .computeIfAbsent(slice, k -> new ArrayList<>()).add(site));
        bySource.forEach((source, groups) -> groups.forEach((slice, sites) -> {
            Tensor sliced = TensorSlices.keep(ProjectionWeights.constant(source), slice.axis(), slice.keep());
            boolean everyUse = groups.size() == 1 && source.isInitializer() && !source.isGraphOutput()
                    && source.uses().size() == sites.size();
            if (everyUse) {
                graph.setInitializer(source, sliced);
            } else {
                Value fresh = graph.addInitializer(source.name() + "_pruned", sliced);
                for (Site s : sites) s.node().setInput(s.input(), fresh);
            }
        }));
        entries.forEach((site, edits) -> site.node().setInput(site.input(),
                vectors.rewritten(site.node().input(site.input()), edits)));
        attributes.forEach((node, attrs) -> attrs.values().forEach(node::setAttribute));
        biasDeltas.forEach(this::applyBias);
        graph.removeDeadNodes();
        graph.sortTopologically();
    }
}
