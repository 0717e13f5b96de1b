package org.strata.onnx.tests.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Shape;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;
import org.strata.onnx.infer.InferenceReport;
import org.strata.onnx.infer.ShapeInference;

/** A small model built in a test with the IR API: inputs, initializers and nodes, then inference over it. */
final class TestGraph {
    final Graph graph = new Graph("test");
    final Model model;
    private int counter;

    TestGraph(long opset) {
        model = new Model(graph, 8, opset);
        model.setOpset(Node.MS_DOMAIN, 1);
    }

    /** Dimensions: a number is fixed, a string symbolic, null unknown. */
    static Shape shape(Object... dims) {
        List<Dim> out = new ArrayList<>();
        for (Object d : dims) {
            out.add(d == null ? Dim.UNKNOWN : d instanceof String s ? Dim.of(s) : Dim.of(((Number) d).longValue()));
        }
        return new Shape(out);
    }

    Value input(String name, DataType type, Object... dims) {
        return graph.addInput(name, new TensorType(type, shape(dims)));
    }

    /** An int64 vector initializer. */
    Value ints(long... values) {
        return graph.addInitializer("c" + (++counter), TensorCodec.fromLongs("", new long[] {values.length}, values));
    }

    /** An int64 scalar initializer. */
    Value scalar(long value) {
        return graph.addInitializer("c" + (++counter), TensorCodec.fromLongs("", new long[0], new long[] {value}));
    }

    /** A float initializer of zeros. */
    Value weights(long... dims) {
        return graph.addInitializer("w" + (++counter), TensorCodec.fromFloats("", dims, new float[(int) Shape.elementCount(dims)]));
    }

    /** A default-domain node with {@code outputs} outputs. */
    Node node(String op, List<Value> inputs, int outputs, Attribute... attrs) {
        return node("", op, inputs, outputs, attrs);
    }

    Node node(String domain, String op, List<Value> inputs, int outputs, Attribute... attrs) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < outputs; i++) names.add(op.toLowerCase(java.util.Locale.ROOT) + (++counter));
        return graph.addNode(domain, op, inputs, names, Arrays.asList(attrs));
    }

    /** Output 0 of a new single-output default-domain node. */
    Value op(String op, List<Value> inputs, Attribute... attrs) {
        return node(op, inputs, 1, attrs).output(0);
    }

    /** Output 0 of a new single-output com.microsoft node. */
    Value ms(String op, List<Value> inputs, Attribute... attrs) {
        return node(Node.MS_DOMAIN, op, inputs, 1, attrs).output(0);
    }

    InferenceReport infer() {
        return ShapeInference.standard().infer(model);
    }

    /** Infers and requires that nothing contradicted and no node failed. */
    InferenceReport inferClean() {
        InferenceReport r = infer();
        assertEquals(List.of(), r.failures(), "failures");
        assertEquals(List.of(), r.conflicts(), "conflicts");
        return r;
    }

    /** Asserts a value's type in its printed form, e.g. {@code float[b, s, 12, 32]}. */
    static void assertType(String expected, Value v) {
        assertEquals(expected, String.valueOf(v.type()), "type of " + v);
    }
}
