package org.strata.technique.quantize.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.strata.core.ProgressMonitor;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;
import org.strata.onnx.infer.ShapeInference;

/**
 * The float32 → float16 rewrite behind {@link Fp16Conversion}. Element types come from shape inference; only
 * float32 values are touched.
 *
 * <p>Compute mode, rule by rule:
 * <ol>
 * <li>A node that reads or writes float32 runs in float16 unless: its op is kept ({@code keep-fp32-ops}) or it
 * belongs to a kept norm; it has a subgraph or a custom domain; its op's float inputs need not share one type
 * (Resize, Range, random ops, BatchNormalization, Dropout, …); or some input or output type is unknown.</li>
 * <li>Shape and Size read any type and Cast any input type: they never need a Cast in front. A float16 Cast to
 * float32 becomes a Cast to float16; a float16 ConstantOfShape makes float16.</li>
 * <li>A float32 constant (initializer or Constant) read only by float16 nodes is stored in float16, values beyond
 * ±65504 clamped to it and non-zero values below the smallest float16 subnormal set to it; one read by both kinds
 * stays float32 and is cast for the float16 readers (ONNX Runtime folds such a Cast at load).</li>
 * <li>Where a float16 node reads a float32 value, or a float32 node a float16 one, one shared Cast per value and
 * direction is inserted right after the value's producer (at the top for graph inputs and constants).</li>
 * <li>Graph inputs and outputs keep their names and float32 types: an output computed in float16 is renamed and
 * a Cast to float32 takes its name.</li>
 * <li>Casts that cancel are removed: a Cast to the type its input already has, and float16 → float32 → float16.</li>
 * <li>Types of intermediate values are cleared and inferred again.</li>
 * </ol>
 * Storage mode: each float32 initializer of more than one element is stored in float16 and read through a Cast to
 * float32 (scalars such as ε stay float32: float16 cannot hold 1e-12).
 */
final class Fp16Rewriter {
    /** Ops whose float inputs are not all of one type, or that have no float16 form worth the risk. */
    private static final Set<String> NEVER = Set.of("Resize", "Upsample", "Range", "RandomNormal", "RandomNormalLike",
            "RandomUniform", "RandomUniformLike", "Multinomial", "Bernoulli", "NonMaxSuppression", "RoiAlign",
            "BatchNormalization", "Dropout", "GridSample", "STFT", "DFT", "MelWeightMatrix", "BlackmanWindow", "HannWindow",
            "HammingWindow", "EyeLike", "CastLike", "Einsum");
    /** Ops whose schema takes float16 only from an opset on (ONNX Runtime refuses the model below it). */
    private static final Map<String, Long> FLOAT16_SINCE = Map.of("CumSum", 14L);
    private static final float FP16_MAX = 65504f;
    private static final float FP16_MIN_SUBNORMAL = 5.9604645e-8f;

    private final Model model;
    private final Graph graph;
    private final Set<String> keepOps;
    private final Set<Node> keepNodes;
    private final Map<Value, DataType> types = new IdentityHashMap<>();
    private final Set<Node> half = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Value, Value> toHalf = new IdentityHashMap<>();
    private final Map<Value, Value> toFloat = new IdentityHashMap<>();

    int halfNodes;
    int floatNodes;
    int halfInitializers;
    int casts;
    int cancelled;
    int clamped;
    int added;
    int removed;
    final Map<String, Integer> keptOps = new HashMap<>();
    final Map<String, Integer> reasons = new LinkedHashMap<>();

    Fp16Rewriter(Model model, Set<String> keepOps, Set<Node> keepNodes) {
        this.model = model;
        this.graph = model.graph();
        this.keepOps = keepOps;
        this.keepNodes = keepNodes;
    }

    void convertCompute(ProgressMonitor monitor) {
        if (!graph.isTopologicallySorted()) graph.sortTopologically();
        ShapeInference.standard().infer(model);
        for (Node n : graph.allNodes()) {
            for (Value v : n.inputs()) noteType(v);
            for (Value v : n.outputs()) noteType(v);
        }
        graph.inputs().forEach(this::noteType);
        graph.initializers().values().forEach(this::noteType);

        List<Node> nodes = new ArrayList<>(graph.nodes());
        monitor.begin("converting " + nodes.size() + " nodes to float16", 3);
        // 1. which nodes run in float16
        for (Node n : nodes) {
            if (n.is("Constant") || !involvesFloat(n)) continue;
            String why = keepReason(n);
            if (why == null) {
                half.add(n);
                halfNodes++;
            } else {
                floatNodes++;
                keptOps.merge(n.opType(), 1, Integer::sum);
                reasons.merge(why, 1, Integer::sum);
            }
        }
        // 2. outputs of float16 nodes are float16; node attributes follow
        for (Node n : half) {
            for (int i = 0; i < n.outputs().size(); i++) {
                Value o = n.output(i);
                if (types.get(o) == DataType.FLOAT && !keepsFloatOutput(n, i)) types.put(o, DataType.FLOAT16);
            }
            if (n.is("Cast") && n.attrInt("to", 0) == DataType.FLOAT.code()) n.setAttribute(Attribute.of("to", (long) DataType.FLOAT16.code()));
            if (n.is("ConstantOfShape") && n.attrTensor("value") != null && n.attrTensor("value").type() == DataType.FLOAT) {
                n.setAttribute(new Attribute.TensorValue("value", toHalfTensor(n.attrTensor("value"))));
            }
        }
        // 3. constants read only by float16 nodes
        for (Value v : new ArrayList<>(graph.initializers().values())) {
            if (types.get(v) == DataType.FLOAT && !v.isGraphInput() && readOnlyByHalf(v)) {
                graph.setInitializer(v, toHalfTensor(v.initializer()));
                types.put(v, DataType.FLOAT16);
                halfInitializers++;
            }
        }
        for (Node n : nodes) {
            if (n.is("Constant") && types.get(n.output(0)) == DataType.FLOAT && readOnlyByHalf(n.output(0))) {
                Tensor t = constantValue(n);
                if (t == null) continue;
                for (String a : List.of("value", "value_float", "value_floats")) if (n.hasAttribute(a)) n.removeAttribute(a);
                n.setAttribute(new Attribute.TensorValue("value", toHalfTensor(t)));
                types.put(n.output(0), DataType.FLOAT16);
            }
        }
        monitor.worked(1);
        // 4. Casts where the regions meet
        for (Node n : new ArrayList<>(graph.allNodes())) {
            if (n.is("Shape") || n.is("Size") || n.is("Cast")) continue; // they read any type
            for (int i = 0; i < n.inputs().size(); i++) {
                Value v = n.input(i);
                DataType t = v == null ? null : types.get(v);
                if (t != DataType.FLOAT && t != DataType.FLOAT16) continue;
                DataType want = half.contains(n) ? DataType.FLOAT16 : DataType.FLOAT;
                if (t != want) n.setInput(i, cast(v, want));
            }
        }
        // 5. float32 outputs
        for (int i = 0; i < graph.outputs().size(); i++) {
            Value out = graph.outputs().get(i);
            if (types.get(out) != DataType.FLOAT16) continue;
            String name = out.name();
            TensorType declared = out.type();
            out.rename(graph.uniqueName(name + "_fp16"));
            Node c = graph.addNode(Node.DEFAULT_DOMAIN, "Cast", List.of(out), List.of(name), List.of(Attribute.of("to", (long) DataType.FLOAT.code())));
            c.setName(name + "_to_fp32");
            graph.insertAfter(out.producer(), c);
            c.output(0).setType(declared != null ? new TensorType(DataType.FLOAT, declared.shape()) : null);
            types.put(c.output(0), DataType.FLOAT);
            graph.setOutput(i, c.output(0));
            casts++;
            added++;
        }
        monitor.worked(1);
        cancelCasts();
        // 7. types inferred again for what changed
        for (Node n : graph.nodes()) {
            for (Value o : n.outputs()) if (!o.isGraphOutput() && o.type() != null) o.setType(null);
        }
        ShapeInference.standard().infer(model);
        monitor.worked(1);
    }

    void convertStorage() {
        if (!graph.isTopologicallySorted()) graph.sortTopologically();
        List<Value> initializers = new ArrayList<>(graph.initializers().values());
        for (Value v : initializers) {
            Tensor t = v.initializer();
            if (t.type() != DataType.FLOAT || t.elementCount() <= 1 || v.isGraphInput() || !v.hasUses() || graph.nodes().isEmpty()) continue;
            String name = v.name();
            Value stored = graph.addInitializer(name + "_fp16", toHalfTensor(t));
            Node c = graph.addNode(Node.DEFAULT_DOMAIN, "Cast", List.of(stored), List.of(name + "_fp32"),
                    List.of(Attribute.of("to", (long) DataType.FLOAT.code())));
            c.setName(name + "_to_fp32");
            graph.insertBefore(graph.nodes().get(0), c);
            graph.replaceAllUsesWith(v, c.output(0));
            graph.removeInitializer(v);
            c.output(0).rename(name);
            c.output(0).setType(t.tensorType());
            halfInitializers++;
            casts++;
            added++;
        }
    }

    private void noteType(Value v) {
        if (v != null && v.type() != null && v.type().elementType() != null) types.putIfAbsent(v, v.type().elementType());
    }

    private boolean involvesFloat(Node n) {
        for (Value v : n.inputs()) if (v != null && types.get(v) == DataType.FLOAT) return true;
        for (Value v : n.outputs()) if (types.get(v) == DataType.FLOAT) return true;
        return false;
    }

    /** Why {@code n} stays float32, or null when it runs in float16. */
    private String keepReason(Node n) {
        if (!n.subgraphs().isEmpty()) return "has a subgraph";
        if (!n.domain().isEmpty() && !n.domain().equals(Node.MS_DOMAIN)) return "custom domain " + n.domain();
        if (keepOps.contains(n.opType())) return "keep-fp32-ops";
        if (keepNodes.contains(n)) return "decomposed norm";
        if (NEVER.contains(n.opType())) return "float inputs of more than one type or no float16 form";
        Long since = n.domain().isEmpty() ? FLOAT16_SINCE.get(n.opType()) : null;
        if (since != null && model.opset(Node.DEFAULT_DOMAIN) < since) return "no float16 form before opset " + since;
        for (Value v : n.inputs()) if (v != null && !types.containsKey(v)) return "an input of unknown type";
        for (Value v : n.outputs()) if (v.hasUses() && !types.containsKey(v)) return "an output of unknown type";
        return null;
    }

    /** Outputs of float16 norms that stay float32 (mean and inverse standard deviation, type U). */
    private static boolean keepsFloatOutput(Node n, int i) {
        boolean norm = n.opType().equals("LayerNormalization") || n.opType().equals("SimplifiedLayerNormalization")
                || n.is(Node.MS_DOMAIN, "SkipLayerNormalization") || n.is(Node.MS_DOMAIN, "SkipSimplifiedLayerNormalization");
        return norm && (i == 1 || i == 2);
    }

    /** True when {@code v} is read and every reader is a float16 node (or a Shape/Size, which read anything). */
    private boolean readOnlyByHalf(Value v) {
        if (v.isGraphOutput() || !v.hasUses()) return false;
        boolean any = false;
        for (Value.Use u : v.uses()) {
            Node r = u.node();
            if (r.is("Shape") || r.is("Size")) continue;
            if (!half.contains(r)) return false;
            any = true;
        }
        return any;
    }

    private static Tensor constantValue(Node n) {
        Tensor t = n.attrTensor("value");
        if (t != null) return t;
        if (n.hasAttribute("value_float")) {
            return TensorCodec.fromFloats("value", new long[0], new float[] {n.attrFloat("value_float", 0)});
        }
        if (n.attribute("value_floats") instanceof Attribute.Floats f) {
            float[] values = new float[f.values().size()];
            for (int i = 0; i < values.length; i++) values[i] = f.values().get(i);
            return TensorCodec.fromFloats("value", new long[] {values.length}, values);
        }
        return null;
    }

    /** {@code t} in float16, values outside float16's range clamped (counted). */
    private Tensor toHalfTensor(Tensor t) {
        float[] v = TensorCodec.toFloats(t);
        for (int i = 0; i < v.length; i++) {
            float a = Math.abs(v[i]);
            if (a > FP16_MAX && Float.isFinite(v[i])) {
                v[i] = Math.copySign(FP16_MAX, v[i]);
                clamped++;
            } else if (a != 0 && a < FP16_MIN_SUBNORMAL) {
                v[i] = Math.copySign(FP16_MIN_SUBNORMAL, v[i]);
                clamped++;
            }
        }
        return TensorCodec.fromFloats(t.name(), DataType.FLOAT16, t.dims(), v);
    }

    /** The shared Cast of {@code v} to {@code type}, made after its producer (or at the top) the first time. */
    private Value cast(Value v, DataType type) {
        Map<Value, Value> made = type == DataType.FLOAT16 ? toHalf : toFloat;
        Value known = made.get(v);
        if (known != null) return known;
        String suffix = type == DataType.FLOAT16 ? "_to_fp16" : "_to_fp32";
        Node c = graph.addNode(Node.DEFAULT_DOMAIN, "Cast", List.of(v), List.of(v.name() + suffix),
                List.of(Attribute.of("to", (long) type.code())));
        c.setName(v.name() + suffix);
        Node producer = v.producer();
        if (producer != null && producer.graph() == graph) graph.insertAfter(producer, c);
        else graph.insertBefore(graph.nodes().get(0), c);
        types.put(c.output(0), type);
        made.put(v, c.output(0));
        casts++;
        added++;
        return c.output(0);
    }

    /** Removes Casts to the type their input has, and float16 → float32 → float16 round trips. */
    private void cancelCasts() {
        boolean again = true;
        while (again) {
            again = false;
            for (Node c : new ArrayList<>(graph.nodes())) {
                if (!c.is("Cast") || c.graph() != graph) continue;
                Value x = c.input(0);
                Value out = c.output(0);
                DataType to = DataType.ofCode((int) c.attrInt("to", 0));
                Value replacement = null;
                if (types.get(x) == to) {
                    replacement = x;
                } else if (to == DataType.FLOAT16 && x.producer() != null && x.producer().is("Cast")
                        && types.get(x.producer().input(0)) == DataType.FLOAT16 && types.get(x) == DataType.FLOAT) {
                    replacement = x.producer().input(0);
                }
                if (replacement == null || out.isGraphOutput()) continue;
                graph.replaceAllUsesWith(out, replacement);
                Node before = x.producer();
                removeCast(c);
                if (before != null && before.is("Cast") && before.graph() == graph
                        && before.outputs().stream().noneMatch(o -> o.hasUses() || o.isGraphOutput())) {
                    removeCast(before);
                }
                cancelled++;
                again = true;
            }
        }
    }

    /** Removes a Cast nobody reads, counted as one of ours undone or as a removed node of the model. */
    private void removeCast(Node c) {
        boolean ours = toHalf.containsValue(c.output(0)) || toFloat.containsValue(c.output(0));
        graph.remove(c);
        if (ours) {
            casts--;
            added--;
        } else {
            removed++;
        }
    }
}
