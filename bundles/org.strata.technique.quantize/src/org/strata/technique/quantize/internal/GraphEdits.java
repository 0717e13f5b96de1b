package org.strata.technique.quantize.internal;

import java.util.ArrayList;
import java.util.List;

import org.strata.onnx.Attribute;
import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Value;

/**
 * The few edits the writers make, counted for the {@link org.strata.core.Change}: a node placed just before
 * another (so the graph stays in a natural topological order without re-sorting), a node removed, and
 * constants nobody reads any more dropped.
 */
final class GraphEdits {
    private final Graph graph;
    int added;
    int removed;

    GraphEdits(Graph graph) {
        this.graph = graph;
    }

    /**
     * A new node just before {@code anchor}. Outputs are named {@code outputs}, or {@code name_output_0} when
     * none are given (made unique either way).
     */
    Node insert(Node anchor, String domain, String op, String name, List<Value> inputs, List<Attribute> attrs,
            String... outputs) {
        List<String> names = outputs.length > 0 ? List.of(outputs) : List.of(name + "_output_0");
        Node n = graph.addNode(domain, op, inputs, names, attrs);
        n.setName(name);
        graph.insertBefore(anchor, n);
        added++;
        return n;
    }

    /**
     * What a folded bias node becomes once the product before it adds the bias itself: for an Add, the product's
     * {@code result} as it is; for a com.microsoft BiasGelu or FastGelu (see
     * {@link QuantizationPlan.ProductSite#biasAdd()}), a new node placed before it that applies the GELU without
     * the bias (Gelu, FastGelu) to {@code result}. The caller points the readers of {@code biasNode} at the value
     * returned and removes {@code biasNode}.
     */
    Value withoutBias(Node biasNode, Value result) {
        if (biasNode.is("Add")) return result;
        String op = biasNode.is(Node.MS_DOMAIN, "BiasGelu") ? "Gelu" : biasNode.opType();
        String name = (biasNode.name().isEmpty() ? biasNode.output(0).name() : biasNode.name()) + "_unbiased";
        return insert(biasNode, Node.MS_DOMAIN, op, name, List.of(result), List.copyOf(biasNode.attributes().values())).output(0);
    }

    void remove(Node n) {
        graph.remove(n);
        removed++;
    }

    /**
     * Removes {@code v} when nothing reads it any more and it is a constant: an initializer, or the output of
     * a Constant, Identity or Transpose of constants (followed back to the initializer).
     */
    void dropIfUnused(Value v) {
        if (v == null || v.hasUses() || v.isGraphOutput() || v.graph() != graph) return;
        if (v.isInitializer()) {
            if (!v.isGraphInput()) graph.removeInitializer(v);
            return;
        }
        Node p = v.producer();
        if (p == null || !isConstant(v)) return;
        if (p.outputs().stream().anyMatch(o -> o.hasUses() || o.isGraphOutput())) return;
        List<Value> inputs = new ArrayList<>(p.inputs());
        remove(p);
        inputs.forEach(this::dropIfUnused);
    }

    /** True for an initializer or Constant output, possibly behind Identity and Transpose nodes. */
    private static boolean isConstant(Value v) {
        for (int hops = 0; v != null && hops < 8; hops++) {
            if (v.isInitializer()) return true;
            Node p = v.producer();
            if (p == null) return false;
            if (p.is("Constant")) return true;
            if (!p.is("Identity") && !p.is("Transpose")) return false;
            v = p.input(0);
        }
        return false;
    }
}
