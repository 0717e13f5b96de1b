package org.strata.technique.layers.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.strata.core.TechniqueException;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.structure.TransformerStructure;

/**
 * A dynamic early exit after block {@code k}: an ONNX {@code If} decides, per run, whether the remaining blocks
 * are needed. Its condition is the relative change of the residual stream across block {@code k},
 * {@code ‖h_k − h_{k−1}‖ / ‖h_{k−1}‖} (Frobenius norms over the whole tensor, so per input at batch 1): below
 * {@code threshold} the stream has settled and the {@code then} branch applies only what follows the last block
 * (final norm, pooler or LM head) to {@code h_k}; otherwise the {@code else} branch runs blocks {@code k+1} to the
 * last and that same head. Both branches produce the graph's outputs with their names and types.
 *
 * <p>Rewrite: every node of the main graph that depends on {@code h_k} moves into the {@code else} branch (its
 * inputs from before stay outer-scope references); the head's nodes are copied into the {@code then} branch with
 * the last block's output read as {@code h_k}; the graph outputs become the {@code If}'s outputs, renamed back.
 * Refused when a graph output is computed by a later block itself (per-layer cache outputs) or a node after block
 * {@code k} already holds a subgraph.
 */
final class ExitBranch {
    private ExitBranch() {
    }

    /** The nodes the rewrite created and removed. */
    record Result(int nodesAdded, int nodesRemoved, List<String> outputs) {
    }

    static Result build(Model model, TransformerStructure s, int k, double threshold, String id) {
        Graph g = model.graph();
        int n = s.blockCount();
        Value previous = s.block(k).input();
        Value current = s.block(k).output();
        Value last = s.block(n).output();

        Set<Node> later = downstream(g, current);
        Set<Node> head = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node node : s.head().nodes()) if (later.contains(node)) head.add(node);
        if (s.finalNorm() != null) for (Node node : s.finalNorm().nodes()) if (later.contains(node)) head.add(node);
        for (Node node : later) {
            if (!node.subgraphs().isEmpty()) {
                throw new TechniqueException(id + ": " + node.describe() + " after block " + k
                        + " already holds a subgraph; a dynamic exit cannot move it into a branch");
            }
        }
        List<Integer> affected = new ArrayList<>();
        for (int i = 0; i < g.outputs().size(); i++) {
            Value out = g.outputs().get(i);
            if (out == last || out.producer() != null && later.contains(out.producer())) {
                if (out != last && !head.contains(out.producer())) {
                    throw new TechniqueException(id + ": output '" + out.name() + "' is computed inside the blocks after block " + k
                            + " (a per-layer output such as a key/value cache); a dynamic exit cannot produce it without them."
                            + " Use mode=static or a model without such outputs");
                }
                affected.add(i);
            }
        }
        if (affected.isEmpty()) throw new TechniqueException(id + ": no graph output depends on the blocks after block " + k);
        for (Node node : head) {
            for (Value in : node.inputs()) {
                if (in != null && in != last && in.producer() != null && later.contains(in.producer()) && !head.contains(in.producer())) {
                    throw new TechniqueException(id + ": " + node.describe() + " after the last block reads '" + in.name()
                            + "', which the blocks after block " + k + " compute; it cannot be run on an early exit");
                }
            }
        }
        List<Node> order = g.topologicalOrder();
        int nodesBefore = g.nodes().size();

        Graph exit = g.newSubgraph("exit_after_block_" + k);
        Map<Value, Value> exitMap = new IdentityHashMap<>();
        exitMap.put(last, current);
        for (Node node : order) if (head.contains(node)) copy(exit, node, exitMap);
        Graph rest = g.newSubgraph("blocks_" + (k + 1) + "_to_" + n);
        Map<Value, Value> restMap = new IdentityHashMap<>();
        for (Node node : order) if (later.contains(node)) copy(rest, node, restMap);
        for (int i : affected) {
            Value out = g.outputs().get(i);
            exit.addOutput(branchOutput(exit, exitMap.getOrDefault(out, out), out));
            rest.addOutput(branchOutput(rest, restMap.getOrDefault(out, out), out));
        }

        DataType type = current.type() != null && current.type().elementType() != null ? current.type().elementType() : DataType.FLOAT;
        Node change = g.addNode("Sub", List.of(current, previous), g.uniqueName("exit_" + k + "_change"));
        Node changeNorm = g.addNode(Node.DEFAULT_DOMAIN, "ReduceL2", List.of(change.output(0)), List.of(g.uniqueName("exit_" + k + "_change_norm")),
                List.of(Attribute.of("keepdims", 0L)));
        Node baseNorm = g.addNode(Node.DEFAULT_DOMAIN, "ReduceL2", List.of(previous), List.of(g.uniqueName("exit_" + k + "_stream_norm")),
                List.of(Attribute.of("keepdims", 0L)));
        Node relative = g.addNode("Div", List.of(changeNorm.output(0), baseNorm.output(0)), g.uniqueName("exit_" + k + "_relative_change"));
        Value limit = g.addInitializer("exit_" + k + "_threshold",
                TensorCodec.fromFloats("exit_" + k + "_threshold", type, new long[0], new float[] {(float) threshold}));
        Node settled = g.addNode("Less", List.of(relative.output(0), limit), g.uniqueName("exit_" + k + "_settled"));
        List<String> names = new ArrayList<>();
        for (int i : affected) names.add(g.uniqueName(g.outputs().get(i).name() + "_exit"));
        Node branch = g.addNode(Node.DEFAULT_DOMAIN, "If", List.of(settled.output(0)), names,
                List.of(Attribute.of("then_branch", exit), Attribute.of("else_branch", rest)));

        List<String> outputNames = new ArrayList<>();
        for (int j = 0; j < affected.size(); j++) {
            Value old = g.outputs().get(affected.get(j));
            outputNames.add(old.name());
            branch.output(j).setType(old.type());
            g.setOutput(affected.get(j), branch.output(j));
        }
        g.removeAll(later);
        g.removeDeadNodes();
        for (int j = 0; j < affected.size(); j++) branch.output(j).rename(outputNames.get(j));
        g.sortTopologically();
        int test = 6; // Sub, two ReduceL2, Div, Less, If
        return new Result(test + exit.nodes().size() + rest.nodes().size(), nodesBefore + test - g.nodes().size(), outputNames);
    }

    /** Every node of {@code g} that reads {@code v}, directly or through other nodes (uses in subgraphs count for their owner). */
    private static Set<Node> downstream(Graph g, Value v) {
        Set<Node> out = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Value> todo = new ArrayDeque<>(List.of(v));
        while (!todo.isEmpty()) {
            Value x = todo.pop();
            for (Node user : x.consumers()) {
                Node top = user;
                while (top.graph() != g && top.graph().owner() != null) top = top.graph().owner();
                if (top.graph() == g && out.add(top)) todo.addAll(top.outputs());
            }
        }
        return out;
    }

    private static void copy(Graph into, Node node, Map<Value, Value> map) {
        List<Value> inputs = new ArrayList<>();
        for (Value in : node.inputs()) inputs.add(in == null ? null : map.getOrDefault(in, in));
        List<String> outputNames = new ArrayList<>();
        for (Value o : node.outputs()) outputNames.add(into.uniqueName(o.name()));
        Node c = into.addNode(node.domain(), node.opType(), inputs, outputNames, new ArrayList<>(node.attributes().values()));
        c.setName(node.name());
        for (int i = 0; i < node.outputs().size(); i++) {
            c.output(i).setType(node.output(i).type());
            map.put(node.output(i), c.output(i));
        }
    }

    /** A branch's output: the value itself when the branch computes it, else an Identity of the outer value. */
    private static Value branchOutput(Graph branch, Value v, Value original) {
        Value out = v;
        if (v.producer() == null || v.graph() != branch) {
            out = branch.addNode("Identity", List.of(v), branch.uniqueName(original.name() + "_passed")).output(0);
        }
        out.setType(original.type());
        return out;
    }
}
