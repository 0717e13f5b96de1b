package org.strata.technique.cleanup.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.strata.core.ParameterSpec;
import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Value;

/**
 * Removes nodes of the main graph whose results nobody needs: a node is live when one of its outputs is a
 * graph output or is used by a live node (a use inside a subgraph makes the node owning that subgraph the
 * user); every other node is dead and goes, all at once.
 *
 * <ul>
 * <li>Nodes of domains Strata does not know (custom ops) are always live: they may have effects Strata
 * cannot see. The default, {@code ai.onnx.ml} and {@code com.microsoft} operators are pure.</li>
 * <li>Graph inputs stay even when unused: they are the model's interface.</li>
 * <li>Liveness is decided in one backward sweep over the topological order.</li>
 * </ul>
 */
record DeadNodeElimination() implements CleanupPass {
    @Override
    public ParameterSpec parameter() {
        return ParameterSpec.bool("dead-nodes", true, "remove nodes whose outputs nothing uses (custom-domain nodes are kept)");
    }

    @Override
    public int run(GraphFacts facts) {
        Graph g = facts.graph();
        List<Node> order = g.topologicalOrder();
        Set<Node> live = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Node> dead = new ArrayList<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            Node n = order.get(i);
            if (GraphFacts.isCustom(n) || n.outputs().stream().anyMatch(o -> needed(o, g, live))) live.add(n);
            else dead.add(n);
        }
        if (!dead.isEmpty()) g.removeAll(dead);
        return dead.size();
    }

    private static boolean needed(Value v, Graph g, Set<Node> live) {
        if (v.isGraphOutput()) return true;
        for (Value.Use u : v.uses()) {
            Node user = u.node();
            while (user != null && user.graph() != g) user = user.graph().owner();
            if (user == null || live.contains(user)) return true;
        }
        return false;
    }

    @Override
    public String describe(int count) {
        return "removed " + count + " dead node" + (count == 1 ? "" : "s");
    }
}
