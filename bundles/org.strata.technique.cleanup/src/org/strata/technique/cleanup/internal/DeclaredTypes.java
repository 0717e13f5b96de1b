package org.strata.technique.cleanup.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;

/**
 * The types a model declares on node outputs ({@code value_info} and graph outputs), set aside while the
 * cleanup runs and put back afterwards.
 *
 * <p>Why aside: ONNX Runtime enforces the declared types of graph inputs but not those of intermediate
 * values, and exporters leave stale ones behind (a fixed batch of 1 from the example input). A rule that
 * folded {@code Shape} from such a declaration would bake a wrong size into the model, so the passes see
 * only what follows from the inputs and initializers — Strata's shape inference, when it runs.
 *
 * <p>Why back: inferred types must not be written into the file as new {@code value_info}, which would change
 * bytes the cleanup has no reason to change. Graph outputs get back the declared type of the output at the
 * same position, whichever value now carries it.
 */
final class DeclaredTypes {
    private final Map<Value, TensorType> types = new IdentityHashMap<>();
    private final List<TensorType> outputs = new ArrayList<>();

    private DeclaredTypes() {
    }

    /** Takes the declared types of every node output of {@code g} and its subgraphs, and clears them. */
    static DeclaredTypes setAside(Graph g) {
        DeclaredTypes d = new DeclaredTypes();
        for (Value o : g.outputs()) d.outputs.add(o.type());
        d.take(g);
        return d;
    }

    private void take(Graph g) {
        for (Node n : g.nodes()) {
            for (Value v : n.outputs()) {
                types.put(v, v.type());
                if (v.type() != null) v.setType(null);
            }
            for (Graph sub : n.subgraphs()) take(sub);
        }
    }

    /** Puts the declared types back on every node output that still exists, and on the graph outputs. */
    void restore(Graph g) {
        for (Map.Entry<Value, TensorType> e : types.entrySet()) {
            Value v = e.getKey();
            if (v.graph().value(v.name()) == v && v.type() != e.getValue()) v.setType(e.getValue());
        }
        List<Value> now = g.outputs();
        for (int i = 0; i < now.size() && i < outputs.size(); i++) {
            if (outputs.get(i) != null && now.get(i).type() != outputs.get(i)) now.get(i).setType(outputs.get(i));
        }
    }
}
