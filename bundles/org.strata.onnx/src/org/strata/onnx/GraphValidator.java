package org.strata.onnx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the IR rules every graph must keep after every step: nodes in topological order with no cycle;
 * SSA (one definition per name, no subgraph shadowing an outer name); every node input and graph output
 * produced by a node, a graph input or an initializer that is still part of the graph; initializer data
 * consistent with its shape and type; and an opset import for every domain a node uses.
 */
public final class GraphValidator {
    private GraphValidator() {
    }

    /** All problems found; empty when the model is valid. */
    public static List<Problem> check(Model m) {
        List<Problem> out = new ArrayList<>();
        Set<String> domains = m.graph.domainsUsed();
        for (String d : domains) {
            if (m.opset(d) < 0) {
                out.add(new Problem("model", "nodes use domain '" + (d.isEmpty() ? "ai.onnx" : d) + "' but the model imports no opset for it"));
            }
        }
        checkGraph(m.graph, out, new HashSet<>());
        return out;
    }

    /** @throws InvalidGraphException listing every problem, when there is one */
    public static void requireValid(Model m, String what) {
        List<Problem> problems = check(m);
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder(what).append(" is not a valid graph: ");
            for (int i = 0; i < Math.min(problems.size(), 5); i++) sb.append(i == 0 ? "" : "; ").append(problems.get(i));
            if (problems.size() > 5) sb.append("; and ").append(problems.size() - 5).append(" more");
            throw new InvalidGraphException(sb.toString());
        }
    }

    private static void checkGraph(Graph g, List<Problem> out, Set<String> outerNames) {
        String where = g.parent == null ? "graph '" + g.name + "'" : "subgraph '" + g.name + "' of " + g.owner.describe();
        Set<String> names = new HashSet<>();
        for (Value v : g.values.values()) {
            names.add(v.name());
            if (outerNames.contains(v.name())) out.add(new Problem(where, "value '" + v.name() + "' shadows a value of an enclosing graph"));
        }
        try {
            g.topologicalOrder();
            if (!g.isTopologicallySorted()) {
                out.add(new Problem(where, "nodes are not in topological order (call sortTopologically)"));
            }
        } catch (InvalidGraphException e) {
            out.add(new Problem(where, e.getMessage()));
        }
        for (Node n : g.nodes) {
            for (int i = 0; i < n.inputs.size(); i++) {
                Value v = n.inputs.get(i);
                if (v != null && !defined(v, g)) {
                    out.add(new Problem(where, n.describe() + " input " + i + " '" + v.name()
                            + "' is produced by no node, graph input or initializer"));
                }
            }
            for (Value o : n.outputs) {
                if (o.producer != n) out.add(new Problem(where, n.describe() + " output '" + o.name() + "' has a different producer"));
            }
            Set<String> inner = new HashSet<>(outerNames);
            inner.addAll(names);
            for (Graph sub : n.subgraphs()) checkGraph(sub, out, inner);
        }
        for (Value o : g.outputs) {
            if (!defined(o, g)) out.add(new Problem(where, "graph output '" + o.name() + "' is produced by nothing"));
        }
        for (Value v : g.initializers.values()) {
            Tensor t = v.initializer;
            try {
                long expected = t.type() == DataType.STRING ? 0 : t.type().byteSize(t.elementCount());
                if (t.byteSize() != expected) {
                    out.add(new Problem(where, "initializer '" + v.name() + "' of " + t.type().onnxName() + java.util.Arrays.toString(t.dims())
                            + " holds " + t.byteSize() + " bytes, not " + expected));
                }
            } catch (ArithmeticException e) {
                out.add(new Problem(where, "initializer '" + v.name() + "' has a shape whose size overflows"));
            }
            if (v.type != null && v.type.elementType() != t.type() && v.type.elementType() != DataType.UNDEFINED) {
                out.add(new Problem(where, "initializer '" + v.name() + "' holds " + t.type().onnxName() + " but is declared "
                        + v.type.elementType().onnxName()));
            }
        }
    }

    /** True when {@code v} is still defined in {@code g} or an enclosing graph. */
    private static boolean defined(Value v, Graph g) {
        if (v.name().isEmpty()) return false;
        for (Graph s = g; s != null; s = s.parent) {
            if (s.values.get(v.name()) == v) {
                return v.producer != null || v.initializer != null || s.inputs.contains(v);
            }
        }
        return false;
    }
}
