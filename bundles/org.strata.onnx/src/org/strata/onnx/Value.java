package org.strata.onnx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A named value of a graph: a graph input, an initializer, or an output of one node. Knows its producer
 * and every use, kept consistent by the edit operations of {@link Node} and {@link Graph}; callers never
 * maintain the index by hand.
 */
public final class Value {
    /** One use of a value: input {@code index} of {@code node}. */
    public record Use(Node node, int index) {
    }

    private String name;
    final Graph graph;
    Node producer;
    int producerIndex = -1;
    final List<Use> uses = new ArrayList<>();
    TensorType type;
    String docString = "";
    Tensor initializer;
    /** The ValueInfoProto read for this value (and the type parsed from it), so unchanged infos are written back exactly. */
    Object sourceInfo;
    TensorType sourceType;
    /** A non-tensor TypeProto (sequence, map, optional) kept as read. */
    Object opaqueType;

    Value(Graph graph, String name) {
        this.graph = graph;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The graph that declares this value (for outer-scope values used by a subgraph: the outer graph). */
    public Graph graph() {
        return graph;
    }

    /** The producing node, or null for graph inputs and initializers. */
    public Node producer() {
        return producer;
    }

    /** Which output of {@link #producer()} this is, or -1. */
    public int producerIndex() {
        return producerIndex;
    }

    /** Every use, including uses inside subgraphs. Unmodifiable snapshot. */
    public List<Use> uses() {
        return Collections.unmodifiableList(new ArrayList<>(uses));
    }

    /** The distinct nodes that consume this value. */
    public List<Node> consumers() {
        List<Node> out = new ArrayList<>();
        for (Use u : uses) if (!out.contains(u.node())) out.add(u.node());
        return out;
    }

    public boolean hasUses() {
        return !uses.isEmpty();
    }

    /** Element type and shape where known, else null. */
    public TensorType type() {
        return type;
    }

    public void setType(TensorType t) {
        this.type = t;
        if (t != null && producer != null) graph.noteTypedValue(this);
    }

    public boolean isInitializer() {
        return initializer != null;
    }

    /** The constant data of an initializer, or null. */
    public Tensor initializer() {
        return initializer;
    }

    public boolean isGraphInput() {
        return graph.inputs.contains(this);
    }

    public boolean isGraphOutput() {
        return graph.outputs.contains(this);
    }

    public String docString() {
        return docString;
    }

    /** Renames the value; the new name must be unused in its graph and the scopes it can see. */
    public void rename(String newName) {
        if (newName.equals(name)) return;
        graph.renameValue(this, newName);
    }

    void setNameInternal(String n) {
        this.name = n;
    }

    @Override
    public String toString() {
        return "'" + name + "'" + (type == null ? "" : " " + type);
    }
}
