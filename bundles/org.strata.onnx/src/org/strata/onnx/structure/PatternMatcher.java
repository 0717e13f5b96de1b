package org.strata.onnx.structure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.Value;

/**
 * Matches {@link GraphPattern}s with full backtracking: every sub-match returns all its solutions, so an
 * {@code Either} alternative or a commutative input order chosen early is revisited when a later input
 * disagrees about a shared label. Patterns are a few nodes deep, so the solution lists stay tiny. Keeps the
 * failure that matched most nodes, to explain a miss.
 */
final class PatternMatcher {
    /** Bindings so far; copied on write (patterns are small). */
    private record State(Map<String, Value> values, Map<String, Node> nodes, List<Node> matched) {
        State bindValue(String label, Value v) {
            if (label == null) return this;
            Map<String, Value> m = new HashMap<>(values);
            m.put(label, v);
            return new State(m, nodes, matched);
        }

        State bindNode(String label, Node n, List<Node> passed) {
            Map<String, Node> m = nodes;
            if (label != null) {
                m = new HashMap<>(nodes);
                m.put(label, n);
            }
            List<Node> l = new ArrayList<>(matched);
            for (Node p : passed) if (!l.contains(p)) l.add(p);
            if (!l.contains(n)) l.add(n);
            return new State(values, m, l);
        }
    }

    private final Set<String> transparent;
    private PatternMatch.Missed deepest;

    PatternMatcher(Set<String> transparentOps) {
        this.transparent = transparentOps;
    }

    PatternMatch match(GraphPattern p, Value v, Map<String, Value> given) {
        deepest = null;
        List<State> solutions = match(p, v, new State(new HashMap<>(given), Map.of(), List.of()), null, -1);
        if (!solutions.isEmpty()) {
            State s = solutions.get(0);
            return new PatternMatch.Found(v, s.values, s.nodes, s.matched);
        }
        return deepest != null ? deepest : new PatternMatch.Missed("no match for " + p.expectation(), null, 0);
    }

    PatternMatch matchDownstream(GraphPattern p, Value start, String label, int radius) {
        PatternMatch.Found best = null;
        PatternMatch.Missed bestMiss = null;
        Set<Node> seen = new HashSet<>();
        ArrayDeque<Node> frontier = new ArrayDeque<>(start.consumers());
        for (int step = 0; step < radius && !frontier.isEmpty(); step++) {
            ArrayDeque<Node> next = new ArrayDeque<>();
            for (Node n : frontier) {
                if (!seen.add(n)) continue;
                if (n.domain().isEmpty() && transparent.contains(n.opType())) {
                    // a match rooted here would only add pass-through nodes to one rooted before
                    for (Value out : n.outputs()) next.addAll(out.consumers());
                    continue;
                }
                for (Value out : n.outputs()) {
                    PatternMatch m = match(p, out, Map.of(label, start));
                    if (m instanceof PatternMatch.Found f) {
                        if (best == null || f.matched().size() > best.matched().size()) best = f;
                    } else if (m instanceof PatternMatch.Missed miss
                            && (bestMiss == null || miss.progress() > bestMiss.progress())) {
                        bestMiss = miss;
                    }
                    next.addAll(out.consumers());
                }
            }
            frontier = next;
        }
        if (best != null) return best;
        return bestMiss != null ? bestMiss
                : new PatternMatch.Missed("'" + start.name() + "' is not used by any node", null, 0);
    }

    private List<State> match(GraphPattern p, Value v, State s, Node parent, int index) {
        return switch (p) {
            case GraphPattern.Absent a -> v == null ? List.of(s) : miss(p, v, s, parent, index);
            case GraphPattern.Either e -> {
                List<State> all = new ArrayList<>();
                for (GraphPattern alt : e.alternatives()) all.addAll(match(alt, v, s, parent, index));
                yield all;
            }
            case GraphPattern.AnyValue a -> {
                if (v == null || a.runtimeOnly() && Constants.tensor(v) != null) yield miss(p, v, s, parent, index);
                yield bindValue(a.label(), v, s, p, parent, index);
            }
            case GraphPattern.ConstantValue c -> {
                Tensor t = v == null ? null : Constants.tensor(v);
                if (t == null || c.check() != null && !c.check().test(t)) yield miss(p, v, s, parent, index);
                yield bindValue(c.label(), v, s, p, parent, index);
            }
            case GraphPattern.Op op -> matchOp(op, v, s, parent, index);
        };
    }

    private List<State> bindValue(String label, Value v, State s, GraphPattern p, Node parent, int index) {
        Value bound = label == null ? null : s.values.get(label);
        if (bound == null || bound == v) return List.of(s.bindValue(label, v));
        // the same value seen through ops the caller looks through: Cast(x) where x is bound, or both behind Q/DQ
        List<Node> passed = new ArrayList<>();
        Value a = stripTransparent(v, passed);
        if (a == stripTransparent(bound, null)) {
            State st = s;
            for (Node n : passed) st = st.bindNode(null, n, List.of());
            return List.of(st);
        }
        return miss("the same value as '" + label + "' ('" + bound.name() + "')", v, s, parent, index);
    }

    /** {@code v} stepped back through transparent producers; the nodes passed are added to {@code passed}. */
    private Value stripTransparent(Value v, List<Node> passed) {
        while (v.producer() != null && v.producer().domain().isEmpty() && transparent.contains(v.producer().opType())
                && v.producer().input(0) != null) {
            if (passed != null) passed.add(v.producer());
            v = v.producer().input(0);
        }
        return v;
    }

    private List<State> matchOp(GraphPattern.Op op, Value v, State s, Node parent, int index) {
        if (v == null) return miss(op, null, s, parent, index);
        Value at = v;
        Node n = at.producer();
        List<Node> passed = new ArrayList<>();
        while (n != null && !op.accepts(n) && n.domain().isEmpty() && transparent.contains(n.opType()) && n.input(0) != null) {
            passed.add(n);
            at = n.input(0);
            n = at.producer();
        }
        if (n == null || !op.accepts(n)) return miss(op, v, s, parent, index);
        if (op.outputIndex() >= 0 && at.producerIndex() != op.outputIndex()) return miss(op, v, s, parent, index);
        if (op.label() != null && s.nodes.containsKey(op.label()) && s.nodes.get(op.label()) != n) {
            return miss("the same node as '" + op.label() + "' (" + s.nodes.get(op.label()).describe() + ")", v, s, parent,
                    index);
        }
        if (op.check() != null && !op.check().test(n)) return miss(op, v, s, parent, index);
        State bound = s.bindNode(op.label(), n, passed);
        int k = op.inputs().size();
        List<int[]> orders = new ArrayList<>();
        int[] identity = new int[k];
        for (int i = 0; i < k; i++) identity[i] = i;
        orders.add(identity);
        if (op.eitherOrder() && k == 2) orders.add(new int[] {1, 0});
        List<State> out = new ArrayList<>();
        for (int[] order : orders) {
            List<State> states = List.of(bound);
            for (int i = 0; i < k && !states.isEmpty(); i++) {
                List<State> next = new ArrayList<>();
                for (State st : states) next.addAll(match(op.inputs().get(i), n.input(order[i]), st, n, order[i]));
                states = next;
            }
            out.addAll(states);
        }
        return out;
    }

    private List<State> miss(GraphPattern p, Value found, State s, Node parent, int index) {
        return miss(p.expectation(), found, s, parent, index);
    }

    private List<State> miss(String expected, Value found, State s, Node parent, int index) {
        int progress = s.matched.size();
        if (deepest == null || progress > deepest.progress()) {
            String where = parent == null ? (found == null ? "" : " producing '" + found.name() + "'")
                    : " as input " + index + " of " + parent.describe();
            deepest = new PatternMatch.Missed("expected " + expected + where + ", but found " + source(found),
                    found == null ? null : found.producer(), progress);
        }
        return List.of();
    }

    /** How messages name where a value comes from. */
    static String source(Value v) {
        if (v == null) return "no input there";
        if (v.producer() != null) return v.producer().describe();
        if (v.isInitializer()) return "initializer '" + v.name() + "'";
        if (v.isGraphInput()) return "graph input '" + v.name() + "'";
        return "value '" + v.name() + "' that nothing produces";
    }
}
