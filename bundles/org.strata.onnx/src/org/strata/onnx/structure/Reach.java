package org.strata.onnx.structure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Value;

/** Reachability over the producer/consumer index: what a value feeds and what it depends on. */
final class Reach {
    private Reach() {
    }

    /** Every node that (transitively) consumes {@code v}. */
    static Set<Node> descendants(Value v) {
        return descendants(List.of(v));
    }

    /** Every node that (transitively) consumes one of {@code vs}. */
    static Set<Node> descendants(Collection<Value> vs) {
        Set<Node> seen = new HashSet<>();
        ArrayDeque<Node> todo = new ArrayDeque<>();
        for (Value v : vs) todo.addAll(v.consumers());
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) continue;
            for (Value o : n.outputs()) todo.addAll(o.consumers());
        }
        return seen;
    }

    /** Every node {@code v} (transitively) depends on, including its producer. */
    static Set<Node> ancestors(Value v) {
        return ancestors(List.of(v));
    }

    static Set<Node> ancestors(Collection<Value> vs) {
        Set<Node> seen = new HashSet<>();
        ArrayDeque<Node> todo = new ArrayDeque<>();
        for (Value v : vs) if (v != null && v.producer() != null) todo.push(v.producer());
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) continue;
            for (Value in : n.inputs()) if (in != null && in.producer() != null) todo.push(in.producer());
        }
        return seen;
    }

    /** Nodes on some path from {@code from} to {@code to} (excluding {@code from}'s producer). */
    static Set<Node> between(Value from, Value to) {
        Set<Node> d = descendants(from);
        d.retainAll(ancestors(to));
        return d;
    }

    /** True when {@code v} is computed from a node of {@code region}. */
    static boolean producedIn(Value v, Set<Node> region) {
        return v != null && v.producer() != null && region.contains(v.producer());
    }

    /** {@code set} in the graph's node order, so results are deterministic. */
    static List<Node> inGraphOrder(Graph g, Collection<Node> set) {
        Set<Node> s = set instanceof Set<Node> ss ? ss : new HashSet<>(set);
        List<Node> out = new ArrayList<>(s.size());
        for (Node n : g.nodes()) if (s.contains(n)) out.add(n);
        return out;
    }
}
