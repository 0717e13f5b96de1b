package org.strata.technique.cleanup.internal;

import java.util.List;

import org.strata.core.ParameterSpec;
import org.strata.onnx.DataType;
import org.strata.onnx.Node;

/**
 * Removes {@code Dropout} nodes that run in inference mode, where Dropout returns its input unchanged.
 *
 * <ul>
 * <li>Opset 12 and later: inference mode when the {@code training_mode} input is omitted or is a constant
 * {@code false}. A {@code training_mode} that is a graph input or computed at run time keeps the node.</li>
 * <li>Opsets 7 to 11: Dropout has no training switch and is the identity at inference.</li>
 * <li>Before opset 7: only with {@code is_test = 1}; the default ({@code is_test = 0}) is training.</li>
 * <li>The {@code mask} output must be unused and not a graph output (a used mask keeps the node).</li>
 * <li>The data output is bypassed as by {@link IdentityElimination}: a graph output keeps its name.</li>
 * </ul>
 */
record DropoutElimination() implements CleanupPass {
    @Override
    public ParameterSpec parameter() {
        return ParameterSpec.bool("dropout", true, "remove Dropout in inference mode (no training_mode, or a constant false)");
    }

    @Override
    public int run(GraphFacts facts) {
        int removed = 0;
        for (Node n : List.copyOf(facts.graph().nodes())) {
            if (n.is("Dropout") && inferenceMode(n, facts) && GraphEdits.bypass(n, n.output(0), n.input(0))) removed++;
        }
        return removed;
    }

    static boolean inferenceMode(Node n, GraphFacts facts) {
        long opset = facts.opset();
        if (opset >= 0 && opset < 7) return n.attrInt("is_test", 0) == 1;
        if (opset >= 0 && opset < 12) return true;
        if (n.input(2) == null) return true;
        KnownTensor mode = facts.contents(n.input(2), 1);
        return mode != null && mode.type() == DataType.BOOL && mode.size() == 1 && mode.get(0) == 0;
    }

    @Override
    public String describe(int count) {
        return "removed " + count + " inference-mode Dropout node" + (count == 1 ? "" : "s");
    }
}
