package org.strata.onnx.structure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Reachability;
import org.strata.onnx.Value;

/** {@link Reachability} and the region helpers structure discovery builds on it. */
final class Reach {
    private Reach() {
    }

    /** Every node that (transitively) consumes {@code v}. */
    static Set<Node> descendants(Value v) {
        return Reachability.descendants(v);
    }

    /** Every node that (transitively) consumes one of {@code vs}. */
    static Set<Node> descendants(Collection<Value> vs) {
        return Reachability.descendants(vs);
    }

    /** Every node {@code v} (transitively) depends on, including its producer. */
    static Set<Node> ancestors(Value v) {
        return Reachability.ancestors(v);
    }

    static Set<Node> ancestors(Collection<Value> vs) {
        return Reachability.ancestors(vs);
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
