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
 * The types a model declares, taken before shape inference and put back after the cleanup, so that inferred
 * types serve the passes without being written into the file as new {@code value_info} (which would change
 * bytes the cleanup has no reason to change). Graph outputs get back the declared type of the output at the
 * same position, whichever value now carries it.
 */
final class DeclaredTypes {
    private final Map<Value, TensorType> types = new IdentityHashMap<>();
    private final List<TensorType> outputs = new ArrayList<>();

    private DeclaredTypes() {
    }

    static DeclaredTypes of(Graph g) {
        DeclaredTypes d = new DeclaredTypes();
        d.take(g);
        for (Value o : g.outputs()) d.outputs.add(o.type());
        return d;
    }

    private void take(Graph g) {
        for (Value v : g.values()) types.put(v, v.type());
        for (Node n : g.nodes()) for (Graph sub : n.subgraphs()) take(sub);
    }

    /** Puts the declared types back on every value that still exists, and on the graph outputs. */
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
