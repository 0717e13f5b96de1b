package org.strata.technique.cleanup.internal;

import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.Value;

/**
 * The two edits every cleanup rule is made of, so that each rule keeps the model's interface the same way:
 * bypassing a node that computes its input, and replacing a value by an initializer.
 */
final class GraphEdits {
    private GraphEdits() {
    }

    /**
     * Removes {@code n}, whose output {@code out} equals its input {@code in}, making every user of {@code out}
     * use {@code in}. When {@code out} is a graph output its name is part of the interface, so {@code in} takes
     * that name — possible only when {@code in} is a node output of the same graph that is not itself a graph
     * output; otherwise the node stays (it is what carries the name) and false is returned. Every other output of
     * {@code n} must be unused.
     */
    static boolean bypass(Node n, Value out, Value in) {
        Graph g = n.graph();
        if (in == null || in == out) return false;
        for (Value o : n.outputs()) if (o != out && (o.hasUses() || o.isGraphOutput())) return false;
        if (out.isGraphOutput() && (in.producer() == null || in.graph() != g || in.isGraphOutput())) return false;
        g.replaceAllUsesWith(out, in);
        g.remove(n);
        return true;
    }

    /** Whether {@link #replaceByInitializer} may replace {@code v}: graph outputs keep their producer. */
    static boolean replaceable(Value v) {
        return !v.isGraphOutput() && v.graph().parent() == null;
    }

    /**
     * Replaces the node output {@code v} by a new initializer holding {@code data}, under {@code v}'s name (the
     * old value is renamed aside and left unused, for its producer to be removed). The caller checks
     * {@link #replaceable}.
     */
    static Value replaceByInitializer(Value v, Tensor data) {
        Graph g = v.graph();
        String name = v.name();
        v.rename(g.uniqueName(name + "_replaced"));
        Value init = g.addInitializer(name, data);
        g.replaceAllUsesWith(v, init);
        return init;
    }
}
