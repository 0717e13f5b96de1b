package org.strata.technique.cleanup.internal;

import java.util.List;

import org.strata.core.ParameterSpec;
import org.strata.onnx.Node;

/**
 * Removes {@code Identity} nodes (onnx_ir's {@code IdentityEliminationPass}, in Strata's IR).
 *
 * <ul>
 * <li>{@code y = Identity(x)}: every user of {@code y} uses {@code x}; the node goes.</li>
 * <li>{@code y} is a graph output: {@code x} takes the name {@code y}, so the interface is unchanged — when
 * {@code x} is a node output of the main graph and not itself a graph output. When {@code x} is a graph
 * input, an initializer or another graph output, the Identity stays: it is what gives the output its own
 * name.</li>
 * <li>A chain {@code Identity(Identity(x))} collapses node by node; when it ends in a graph output, the
 * producer of {@code x} ends up producing the output under its name.</li>
 * <li>Identity nodes inside subgraphs (If/Loop bodies) are left alone.</li>
 * </ul>
 */
record IdentityElimination() implements CleanupPass {
    @Override
    public ParameterSpec parameter() {
        return ParameterSpec.bool("identity", true, "remove Identity nodes (graph outputs keep their names)");
    }

    @Override
    public int run(GraphFacts facts) {
        int removed = 0;
        for (Node n : List.copyOf(facts.graph().nodes())) {
            if (n.is("Identity") && GraphEdits.bypass(n, n.output(0), n.input(0))) removed++;
        }
        return removed;
    }

    @Override
    public String describe(int count) {
        return "removed " + count + " Identity node" + (count == 1 ? "" : "s");
    }
}
