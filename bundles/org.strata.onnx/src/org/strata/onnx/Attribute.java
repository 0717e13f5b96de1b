package org.strata.onnx;

import java.util.List;

/**
 * A node attribute. Values are immutable except {@link Subgraph}, whose {@link Graph} is the mutable body of
 * a control-flow node. Attribute kinds Strata does not interpret (sparse tensors, type protos, references to
 * function attributes) are kept as {@link Opaque} and written back unchanged.
 */
public sealed interface Attribute {
    String name();

    record Int(String name, long value) implements Attribute {
    }

    record Float(String name, float value) implements Attribute {
    }

    record Str(String name, String value) implements Attribute {
    }

    record Ints(String name, List<Long> values) implements Attribute {
        public Ints {
            values = List.copyOf(values);
        }

        public long[] toArray() {
            return values.stream().mapToLong(Long::longValue).toArray();
        }
    }

    record Floats(String name, List<java.lang.Float> values) implements Attribute {
        public Floats {
            values = List.copyOf(values);
        }
    }

    record Strs(String name, List<String> values) implements Attribute {
        public Strs {
            values = List.copyOf(values);
        }
    }

    record TensorValue(String name, Tensor value) implements Attribute {
    }

    record Tensors(String name, List<Tensor> values) implements Attribute {
        public Tensors {
            values = List.copyOf(values);
        }
    }

    record Subgraph(String name, Graph value) implements Attribute {
    }

    record Subgraphs(String name, List<Graph> values) implements Attribute {
        public Subgraphs {
            values = List.copyOf(values);
        }
    }

    /** An attribute kept exactly as read; {@code proto} is the protobuf message, for the writer only. */
    record Opaque(String name, Object proto) implements Attribute {
    }

    static Attribute of(String name, long v) {
        return new Int(name, v);
    }

    static Attribute of(String name, float v) {
        return new Float(name, v);
    }

    static Attribute of(String name, String v) {
        return new Str(name, v);
    }

    static Attribute ofInts(String name, long... v) {
        return new Ints(name, java.util.Arrays.stream(v).boxed().toList());
    }

    static Attribute ofFloats(String name, float... v) {
        java.util.ArrayList<java.lang.Float> l = new java.util.ArrayList<>();
        for (float f : v) l.add(f);
        return new Floats(name, l);
    }

    static Attribute of(String name, Tensor t) {
        return new TensorValue(name, t);
    }

    static Attribute of(String name, Graph g) {
        return new Subgraph(name, g);
    }
}
