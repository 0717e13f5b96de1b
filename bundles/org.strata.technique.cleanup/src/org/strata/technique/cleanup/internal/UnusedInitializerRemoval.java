package org.strata.technique.cleanup.internal;

import java.util.List;

import org.strata.core.ParameterSpec;
import org.strata.onnx.Graph;
import org.strata.onnx.Value;

/**
 * Removes initializers of the main graph that no node (here or in a subgraph) uses.
 *
 * <ul>
 * <li>An initializer that is also a graph input is an overridable default and part of the interface: it stays
 * even when unused (and before IR 4, where every initializer is listed as an input, all stay).</li>
 * <li>An initializer that is a graph output stays.</li>
 * </ul>
 */
record UnusedInitializerRemoval() implements CleanupPass {
    @Override
    public ParameterSpec parameter() {
        return ParameterSpec.bool("unused-initializers", true, "remove initializers nothing uses (unless they are graph inputs)");
    }

    @Override
    public int run(GraphFacts facts) {
        Graph g = facts.graph();
        int removed = 0;
        for (Value v : List.copyOf(g.initializers().values())) {
            if (v.hasUses() || v.isGraphInput() || v.isGraphOutput()) continue;
            g.removeInitializer(v);
            removed++;
        }
        return removed;
    }

    @Override
    public String describe(int count) {
        return "removed " + count + " unused initializer" + (count == 1 ? "" : "s");
    }
}
