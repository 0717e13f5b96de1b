package org.strata.technique.fuse.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.strata.core.TechniqueContext;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Value;
import org.strata.onnx.structure.TransformerStructure;

/**
 * The state one application of {@code fuse.transformer} shares between its fusions: the model being rewritten,
 * the structure discovered before any rewrite (whose values a fusion may since have replaced), what was fused
 * and what was left, and why. Mutable; one per {@link TransformerFusion#apply} call.
 */
final class FusionRun {
    final Model model;
    final Graph graph;
    final TransformerStructure structure;
    final TechniqueContext context;
    /** Old value → the value that replaced it, so a later fusion reads what the graph holds now. */
    private final Map<Value, Value> replaced = new IdentityHashMap<>();
    private final Set<Integer> blocks = new TreeSet<>();
    /** A copy of the model with inferred types, made on first use; values keep their names through rewrites. */
    private Model typed;
    /** Counts of what was fused, by detail key, in the order first counted. */
    final Map<String, Integer> counts = new LinkedHashMap<>();
    final List<String> left = new ArrayList<>();

    FusionRun(Model model, TransformerStructure structure, TechniqueContext context) {
        this.model = model;
        this.graph = model.graph();
        this.structure = structure;
        this.context = context;
    }

    /** What {@code v} is now, after the replacements made so far. */
    Value current(Value v) {
        Value out = v;
        while (out != null && replaced.containsKey(out)) out = replaced.get(out);
        return out;
    }

    /**
     * The type shape inference gives {@code v}: a graph input's declared type, or the inferred type of the value
     * of the same name in a copy of the model (made, and inferred, once per run).
     */
    org.strata.onnx.TensorType inferredType(Value v) {
        if (v.isGraphInput() && v.type() != null && v.type().hasShape()) return v.type();
        if (typed == null) {
            typed = org.strata.onnx.ModelReader.read(org.strata.onnx.ModelWriter.toBytes(model), graph.name() + " (shape inference copy)");
            org.strata.onnx.infer.ShapeInference.standard().infer(typed);
        }
        Value t = typed.graph().value(v.name());
        return t == null ? null : t.type();
    }

    /** The inferred shape of {@code v}, or null. */
    org.strata.onnx.Shape inferredShape(Value v) {
        org.strata.onnx.TensorType t = inferredType(v);
        return t == null ? null : t.shape();
    }

    /** Makes every reader of {@code old} read {@code now}, and remembers it for {@link #current}. */
    void replace(Value old, Value now) {
        if (now.type() == null && old.type() != null) now.setType(old.type());
        graph.replaceAllUsesWith(old, now);
        replaced.put(old, now);
    }

    /** Counts one fusion of kind {@code key} in block {@code block} (0: outside the blocks). */
    void fused(String key, int block) {
        counts.merge(key, 1, Integer::sum);
        if (block > 0) blocks.add(block);
    }

    /** Records and logs a site left as it is. */
    void leave(String where, String why) {
        String line = TransformerFusion.ID + ": " + where + " left as it is: " + why;
        left.add(line);
        context.log(line);
    }

    int count(String key) {
        return counts.getOrDefault(key, 0);
    }

    List<Integer> blocksTouched() {
        return List.copyOf(blocks);
    }

    /** A node in the com.microsoft domain, importing the domain when the model does not yet. */
    Node addContribNode(String op, List<Value> inputs, List<String> outputs, List<org.strata.onnx.Attribute> attrs) {
        if (model.opset(Node.MS_DOMAIN) < 0) model.setOpset(Node.MS_DOMAIN, 1);
        return graph.addNode(Node.MS_DOMAIN, op, inputs, outputs, attrs);
    }

    /**
     * True when no node in {@code doomed} would still be needed for the graph outputs once {@code old} is
     * computed from {@code sources} instead: the subgraph being replaced has no reader outside it.
     * {@code why} receives the first node that would stay alive.
     */
    boolean allDeadAfterReplacing(Value old, List<Value> sources, Set<Node> doomed, StringBuilder why) {
        Set<Node> live = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.ArrayDeque<Value> todo = new java.util.ArrayDeque<>(graph.outputs());
        while (!todo.isEmpty()) {
            Value v = todo.pop();
            if (v == null || !seen.add(v)) continue;
            if (v == old) {
                todo.addAll(sources);
                continue;
            }
            Node p = v.producer();
            if (p == null || !live.add(p)) continue;
            if (doomed.contains(p)) {
                why.append(p.describe()).append(" would still be needed (its output '").append(v.name())
                        .append("' is read outside the fused part)");
                return false;
            }
            for (Value in : p.inputs()) if (in != null) todo.push(in);
            for (org.strata.onnx.Graph sub : p.subgraphs()) {
                for (Node n : sub.allNodes()) for (Value in : n.inputs()) if (in != null && in.graph() == graph) todo.push(in);
            }
        }
        return true;
    }
}
