package org.strata.technique.tokens.internal;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.strata.onnx.Node;
import org.strata.onnx.Value;

/** What a value feeds and what it depends on, over the graph's producer/consumer index. */
final class Reach {
    private Reach() {
    }

    /** Every node that (transitively) consumes {@code v}. */
    static Set<Node> descendants(Value v) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Node> todo = new ArrayDeque<>(v.consumers());
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) continue;
            for (Value o : n.outputs()) todo.addAll(o.consumers());
        }
        return seen;
    }

    /** Every node {@code vs} (transitively) depend on, their producers included. */
    static Set<Node> ancestors(Value... vs) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
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
    static Set<Value> downstreamValues(Value v) {
        Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Value> todo = new ArrayDeque<>(List.of(v));
        while (!todo.isEmpty()) {
            Value x = todo.pop();
            if (!seen.add(x)) continue;
            for (Node n : x.consumers()) todo.addAll(n.outputs());
        }
        return seen;
    }
}
