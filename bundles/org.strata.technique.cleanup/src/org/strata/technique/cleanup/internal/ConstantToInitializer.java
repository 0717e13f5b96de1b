package org.strata.technique.cleanup.internal;

import java.util.List;

import org.strata.core.ParameterSpec;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;

/**
 * Turns {@code Constant} nodes of the main graph into initializers of the same name and data (as onnx_ir's
 * {@code LiftConstantsToInitializersPass}): the node goes, its users read the initializer.
 *
 * <ul>
 * <li>Every attribute form: {@code value}, {@code value_float(s)}, {@code value_int(s)},
 * {@code value_string(s)}. A {@code sparse_value} Constant stays.</li>
 * <li>A Constant whose output is a graph output stays (the output keeps its producer).</li>
 * <li>Not before IR 4, where every initializer must also be a graph input: that would add inputs.</li>
 * </ul>
 */
record ConstantToInitializer() implements CleanupPass {
    @Override
    public ParameterSpec parameter() {
        return ParameterSpec.bool("constants-to-initializers", true, "turn Constant nodes into initializers of the same name");
    }

    @Override
    public int run(GraphFacts facts) {
        if (!facts.mayAddInitializers()) return 0;
        int converted = 0;
        for (Node n : List.copyOf(facts.graph().nodes())) {
            if (!n.is("Constant") || n.outputs().size() != 1 || !GraphEdits.replaceable(n.output(0))) continue;
            Tensor t = GraphFacts.constantNodeValue(n);
            if (t == null) continue;
            GraphEdits.replaceByInitializer(n.output(0), t);
            facts.graph().remove(n);
            converted++;
        }
        return converted;
    }

    @Override
    public String describe(int count) {
        return "turned " + count + " Constant node" + (count == 1 ? "" : "s") + " into initializers";
    }
}
