package org.strata.technique.cleanup.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.technique.cleanup.internal.CleanupFixture.assertSameOutputs;
import static org.strata.technique.cleanup.internal.CleanupFixture.assertValid;
import static org.strata.technique.cleanup.internal.CleanupFixture.clean;
import static org.strata.technique.cleanup.internal.CleanupFixture.copy;
import static org.strata.technique.cleanup.internal.CleanupFixture.count;
import static org.strata.technique.cleanup.internal.CleanupFixture.floats;
import static org.strata.technique.cleanup.internal.CleanupFixture.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.core.Change;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;

class ConstantFoldingTest {
    private static Value ints(Graph g, long... v) {
        return g.addInitializer("c", TensorCodec.fromLongs("c", new long[] {v.length}, v));
    }

    private static Value scalar(Graph g, long v) {
        return g.addInitializer("s", TensorCodec.fromLongs("s", new long[0], new long[] {v}));
    }

    private static Value floatsConst(Graph g, float... v) {
        return g.addInitializer("f", TensorCodec.fromFloats("f", new long[] {v.length}, v));
    }

    private static Value op(Graph g, String op, List<Attribute> attrs, Value... in) {
        return g.addNode("", op, List.of(in), List.of(op.toLowerCase()), attrs).output(0);
    }

    private static Value op(Graph g, String op, Value... in) {
        return op(g, op, List.of(), in);
    }

    /** Unsqueeze(Gather(Shape(x), i), 0) at opset 13: dimension i of x as a 1-element vector, as torch.onnx writes it. */
    private static Value dim(Graph g, Value x, long i) {
        Value gathered = op(g, "Gather", List.of(Attribute.of("axis", 0L)), op(g, "Shape", x), scalar(g, i));
        return op(g, "Unsqueeze", gathered, ints(g, 0));
    }

    /** x reshaped to [d0, d1, 4, 2] where d0 and d1 come from Shape(x): a torch-style dynamic reshape. */
    private static Model dynamicReshape(Object d0, Object d1) {
        Model m = CleanupFixture.model(13);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(d0, d1, 8));
        Value target = op(g, "Concat", List.of(Attribute.of("axis", 0L)), dim(g, x, 0), dim(g, x, 1), ints(g, 4, 2));
        output(g, op(g, "Reshape", x, target), floats(d0, d1, 4, 2));
        return m;
    }

    @Test
    void aShapeChainOnAStaticInputBecomesOneInitializer() {
        Model m = dynamicReshape(2, 5);
        Model reference = copy(m);
        Change c = clean(m);

        assertEquals(List.of("Reshape"), m.graph().nodes().stream().map(Node::opType).toList(), c.summary());
        Value target = m.graph().nodes().get(0).input(1);
        assertTrue(target.isInitializer());
        assertArrayEquals(new long[] {2, 5, 4, 2}, TensorCodec.toLongs(target.initializer()));
        assertEquals(1, m.graph().initializers().size(), "the links of the chain and its constants are gone");
        assertEquals("7", c.details().get("fold-constants"), "Shape, Gather and Unsqueeze twice, then Concat: " + c.summary());
        assertValid(m);
        assertSameOutputs(reference, m, Map.of("x", new long[] {2, 5, 8}));
    }

    @Test
    void aShapeChainOnSymbolicDimensionsIsLeftAlone() {
        Model m = dynamicReshape("batch", "seq");
        Map<String, Integer> before = m.graph().opHistogram();
        Change c = clean(m);

        assertEquals(before, m.graph().opHistogram(), c.summary());
        assertEquals(null, c.details().get("fold-constants"));
        assertValid(m);
    }

    @Test
    void fixedDimensionsOfAPartlySymbolicShapeFold() {
        // [batch, seq, 8] → [batch, seq, 2, 8 / 2]: the last entry is computed from the fixed dimension 8
        Model m = CleanupFixture.model(13);
        Graph g = m.graph();
        Value x = g.addInput("x", floats("batch", "seq", 8));
        Value width = op(g, "Gather", List.of(Attribute.of("axis", 0L)), op(g, "Shape", x), scalar(g, 2));
        Value half = op(g, "Unsqueeze", op(g, "Div", width, scalar(g, 2)), ints(g, 0));
        Value target = op(g, "Concat", List.of(Attribute.of("axis", 0L)), dim(g, x, 0), dim(g, x, 1), ints(g, 2), half);
        output(g, op(g, "Reshape", x, target), floats("batch", "seq", 2, 4));
        Model reference = copy(m);

        Change c = clean(m);
        assertEquals("3", c.details().get("fold-constants"), "Gather(…, 2), Div and Unsqueeze: " + c.summary());
        assertEquals(1, count(m, "Concat"), "batch and seq are still read at run time");
        assertEquals(2, count(m, "Gather"));
        assertEquals(0, count(m, "Div"));
        Value last = m.graph().value("concat").producer().input(3);
        assertArrayEquals(new long[] {4}, TensorCodec.toLongs(last.initializer()));
        assertValid(m);
        assertSameOutputs(reference, m, Map.of("x", new long[] {3, 7, 8}));
    }

    @Test
    void shapesOfIntermediateValuesComeFromShapeInference() {
        Model m = CleanupFixture.model(13);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(3, 8));
        Value r = op(g, "Relu", x);
        Value target = op(g, "Concat", List.of(Attribute.of("axis", 0L)), dim(g, r, 0), ints(g, 2, 4));
        output(g, op(g, "Reshape", r, target), floats(3, 2, 4));
        Model without = copy(m);

        assertEquals(null, clean(without, Map.of("shape-inference", false), null).details().get("fold-constants"),
                "without inference nothing is known about Relu's output");
        Change c = clean(m);
        assertEquals("4", c.details().get("fold-constants"), "Shape, Gather, Unsqueeze, Concat: " + c.summary());
        assertArrayEquals(new long[] {3, 2, 4}, TensorCodec.toLongs(m.graph().value("concat").initializer()));
        assertSameOutputs(without, m, Map.of("x", new long[] {3, 8}));
    }

    @Test
    void aStaleDeclaredShapeOnAnIntermediateValueIsNotTrusted() {
        // value_info written when the model was traced with a batch of 1. ONNX Runtime at ORT_ENABLE_ALL believes
        // it (and then fails on a batch of 3); other runtimes and lower levels do not: the cleanup must not bake it in.
        Model m = CleanupFixture.model(13);
        Graph g = m.graph();
        Value x = g.addInput("x", floats("batch", 8));
        Value r = op(g, "Relu", x);
        r.setType(floats(1, 8));
        Value target = op(g, "Concat", List.of(Attribute.of("axis", 0L)), dim(g, r, 0), ints(g, 2, 4));
        output(g, op(g, "Reshape", r, target), floats("batch", 2, 4));
        Model reference = copy(m);

        Change c = clean(m);
        assertEquals(null, c.details().get("fold-constants"), c.summary());
        assertEquals(1, count(m, "Shape"));
        assertEquals(floats(1, 8), m.graph().value("relu").type(), "the declaration is written back as it was");
        assertValid(m);
        assertSameOutputs(reference, m, Map.of("x", new long[] {1, 8}));
    }

    @Test
    void foldingStopsAtTheSizeLimitAndAtGraphOutputs() {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        Value big = op(g, "ConstantOfShape", ints(g, 64, 64));
        Value x = g.addInput("x", floats(64, 64));
        output(g, op(g, "Add", x, big), floats(64, 64));
        Value shape = op(g, "Shape", x);
        output(g, shape, null);

        Change c = clean(m, Map.of("max-folded-elements", 4095), null);
        assertEquals(1, count(m, "ConstantOfShape"), "4096 elements are over the limit: " + c.summary());
        assertEquals(1, count(m, "Shape"), "a graph output keeps its producer");
        Model again = copy(m);
        assertEquals("1", clean(again, Map.of("max-folded-elements", 4096), null).details().get("fold-constants"));
        assertEquals(0, count(again, "ConstantOfShape"));
    }

    // ---- ONNX Runtime as the oracle of every operator the evaluator knows ---------------------------------

    private record Case(String label, int opset, Function<Graph, Value> build) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static List<Attribute> attrs(Object... nameValue) {
        List<Attribute> out = new ArrayList<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            String n = (String) nameValue[i];
            out.add(nameValue[i + 1] instanceof long[] l ? Attribute.ofInts(n, l) : Attribute.of(n, ((Number) nameValue[i + 1]).longValue()));
        }
        return out;
    }

    private static Value matrix(Graph g) {
        return g.addInitializer("m", TensorCodec.fromLongs("m", new long[] {2, 3}, new long[] {1, 2, 3, 4, 5, 6}));
    }

    static Stream<Arguments> foldableCases() {
        List<Case> cases = List.of(
                new Case("Gather axis 1, negative index", 17,
                        g -> op(g, "Gather", attrs("axis", 1), matrix(g), ints(g, -1, 0))),
                new Case("Gather of a float table (moved, not computed)", 17,
                        g -> op(g, "Gather", floatsConst(g, 0.1f, -0f, Float.NaN, 3e38f), ints(g, 3, 1, 2))),
                new Case("Unsqueeze axes 0 and -1 (input, opset 13)", 13, g -> op(g, "Unsqueeze", matrix(g), ints(g, 0, -1))),
                new Case("Unsqueeze axes as attribute (opset 11)", 11, g -> op(g, "Unsqueeze", attrs("axes", new long[] {1}), matrix(g))),
                new Case("Squeeze without axes", 17, g -> op(g, "Squeeze",
                        g.addInitializer("q", TensorCodec.fromLongs("q", new long[] {1, 3, 1}, new long[] {7, 8, 9})))),
                new Case("Concat axis -1", 17, g -> op(g, "Concat", attrs("axis", -1), matrix(g), matrix(g))),
                new Case("Slice with a negative step past the start", 17,
                        g -> op(g, "Slice", op(g, "Range", scalar(g, 0), scalar(g, 10), scalar(g, 1)), ints(g, -1), ints(g, Long.MIN_VALUE),
                                ints(g, 0), ints(g, -3))),
                new Case("Slice to INT64_MAX on axis 1", 17,
                        g -> op(g, "Slice", matrix(g), ints(g, 1), ints(g, Long.MAX_VALUE), ints(g, 1))),
                new Case("Slice as attributes (opset 9)", 9,
                        g -> op(g, "Slice", attrs("starts", new long[] {0, 1}, "ends", new long[] {1, 3}), matrix(g))),
                new Case("Cast int64 → float, exact", 17, g -> op(g, "Cast", attrs("to", DataType.FLOAT.code()), matrix(g))),
                new Case("Cast float → int32 truncates", 17, g -> op(g, "Cast", attrs("to", DataType.INT32.code()), floatsConst(g, 2.7f, -2.7f, 0f))),
                new Case("Cast int64 → bool", 17, g -> op(g, "Cast", attrs("to", DataType.BOOL.code()), ints(g, 0, 5, -1))),
                new Case("Add with broadcasting", 17, g -> op(g, "Add", matrix(g), ints(g, 10, 20, 30))),
                new Case("Sub", 17, g -> op(g, "Sub", matrix(g), scalar(g, 7))),
                new Case("Mul", 17, g -> op(g, "Mul", matrix(g), ints(g, -1, 0, 2))),
                new Case("Div of non-negatives truncates", 17, g -> op(g, "Div", matrix(g), scalar(g, 4))),
                new Case("Div that is exact with negatives", 17, g -> op(g, "Div", ints(g, -8, 9), ints(g, 2, -3))),
                new Case("Reshape with 0 and -1", 17, g -> op(g, "Reshape", matrix(g), ints(g, 0, -1, 1))),
                new Case("ConstantOfShape int64 7", 17, g -> op(g, "ConstantOfShape",
                        List.of(Attribute.of("value", TensorCodec.fromLongs("value", new long[] {1}, new long[] {7}))), ints(g, 2, 2))),
                new Case("ConstantOfShape default float 0", 17, g -> op(g, "ConstantOfShape", ints(g, 3))),
                new Case("Range downwards", 17, g -> op(g, "Range", scalar(g, 10), scalar(g, 1), scalar(g, -3))),
                new Case("Equal, Not and Where", 17, g -> op(g, "Where", op(g, "Not", op(g, "Equal", matrix(g), ints(g, 1, 5, 3))), matrix(g),
                        scalar(g, -1))),
                new Case("Shape with start and end (opset 15) of a constant", 15,
                        g -> op(g, "Shape", attrs("start", 1, "end", -1), g.addInitializer("t",
                                TensorCodec.fromFloats("t", new long[] {2, 3, 4, 5}, new float[120])))),
                new Case("Size of a constant", 17, g -> op(g, "Size", matrix(g))));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foldableCases")
    void foldsExactlyAsOnnxRuntimeComputes(Case c) {
        Model m = CleanupFixture.model(c.opset());
        Graph g = m.graph();
        Value result = c.build().apply(g);
        Node identity = g.addNode("Identity", List.of(result), "out");
        g.addOutput(identity.output(0));
        Model reference = copy(m);

        Change change = clean(m, Map.of("identity", false), null);
        assertEquals(List.of(identity), m.graph().nodes(), c.label() + ": only the output's Identity is left, " + change.summary());
        assertTrue(identity.input(0).isInitializer());
        assertValid(m);
        assertSameOutputs(reference, m, Map.of());
    }

    static Stream<Arguments> unfoldableCases() {
        Map<String, Function<Graph, Value>> cases = new LinkedHashMap<>();
        cases.put("Div of a negative that truncation and flooring disagree on", g -> op(g, "Div", ints(g, -7), ints(g, 2)));
        cases.put("Div by zero", g -> op(g, "Div", ints(g, 7), ints(g, 0)));
        cases.put("Cast of 2^24 + 1 to float (not exact)", g -> op(g, "Cast", attrs("to", DataType.FLOAT.code()), ints(g, (1L << 24) + 1)));
        cases.put("Cast of 300 to uint8 (out of range)", g -> op(g, "Cast", attrs("to", DataType.UINT8.code()), ints(g, 300)));
        cases.put("Cast of a float to float16 that rounds", g -> op(g, "Cast", attrs("to", DataType.FLOAT16.code()), floatsConst(g, 0.1f)));
        cases.put("Add of floats (computed, not moved)", g -> op(g, "Add", floatsConst(g, 0.1f), floatsConst(g, 0.2f)));
        cases.put("Gather out of range", g -> op(g, "Gather", matrix(g), ints(g, 2)));
        cases.put("Mul overflowing int64", g -> op(g, "Mul", ints(g, Long.MAX_VALUE), ints(g, 2)));
        cases.put("Reshape that does not fit", g -> op(g, "Reshape", matrix(g), ints(g, 4, -1)));
        cases.put("Squeeze of a dimension that is not 1", g -> op(g, "Squeeze", matrix(g), ints(g, 0)));
        return cases.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unfoldableCases")
    void leavesWhatRuntimesMightComputeDifferentlyToTheRuntime(String label, Function<Graph, Value> build) {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        Node n = build.apply(g).producer();
        Node identity = g.addNode("Identity", List.of(n.output(0)), "out");
        g.addOutput(identity.output(0));

        clean(m, Map.of("identity", false), null);
        assertEquals(List.of(n, identity), m.graph().nodes(), label);
        assertNotNull(m.graph().value(n.output(0).name()));
    }
}
