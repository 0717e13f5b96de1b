package org.strata.onnx;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reachability over a graph's producer/consumer index: which nodes a value feeds and which it depends on. For
 * rewrites that must find the region between two values, or everything computed from one, without walking the
 * graph by hand. Nodes and values compare by identity, so the sets are identity sets.
 */
public final class Reachability {
    private Reachability() {
    }

    /** Every node that (transitively) consumes {@code v}. */
    public static Set<Node> descendants(Value v) {
        return descendants(List.of(v));
    }

    /** Every node that (transitively) consumes one of {@code vs}. */
    public static Set<Node> descendants(Collection<Value> vs) {
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

    /** Every node one of {@code vs} (transitively) depends on, their producers included; null values are skipped. */
    public static Set<Node> ancestors(Value... vs) {
        return ancestors(Arrays.asList(vs));
    }

    /** Every node one of {@code vs} (transitively) depends on, their producers included; null values are skipped. */
    public static Set<Node> ancestors(Collection<Value> vs) {
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

    /** {@code v} and every value computed from it. */
    public static Set<Value> downstreamValues(Value v) {
        Set<Value> seen = new HashSet<>();
        ArrayDeque<Value> todo = new ArrayDeque<>(List.of(v));
        while (!todo.isEmpty()) {
            Value x = todo.pop();
            if (!seen.add(x)) continue;
            for (Node n : x.consumers()) todo.addAll(n.outputs());
        }
        return seen;
    }
}
