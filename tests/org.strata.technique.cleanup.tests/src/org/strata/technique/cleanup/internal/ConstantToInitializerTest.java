package org.strata.technique.cleanup.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.technique.cleanup.internal.CleanupFixture.assertSameOutputs;
import static org.strata.technique.cleanup.internal.CleanupFixture.assertValid;
import static org.strata.technique.cleanup.internal.CleanupFixture.copy;
import static org.strata.technique.cleanup.internal.CleanupFixture.count;
import static org.strata.technique.cleanup.internal.CleanupFixture.floats;
import static org.strata.technique.cleanup.internal.CleanupFixture.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Attribute;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;

class ConstantToInitializerTest {
    private static int run(Model m) {
        return new ConstantToInitializer().run(new GraphFacts(m));
    }

    private static Value constant(Graph g, String name, Attribute value) {
        return g.addNode("", "Constant", List.of(), List.of(name), List.of(value)).output(0);
    }

    @Test
    void everyAttributeFormBecomesAnInitializerOfTheSameNameAndData() {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(2));
        Value tensor = constant(g, "tensor", Attribute.of("value", TensorCodec.fromFloats("v", new long[] {2}, new float[] {0.5f, -0f})));
        Value oneFloat = constant(g, "one_float", Attribute.of("value_float", 3f));
        Value someFloats = constant(g, "some_floats", Attribute.ofFloats("value_floats", 1f, 2f));
        Value shape = constant(g, "shape", Attribute.ofInts("value_ints", 2));
        Value y = g.addNode("Mul", List.of(g.addNode("Add", List.of(x, tensor), "a").output(0), oneFloat), "b").output(0);
        Value z = g.addNode("Reshape", List.of(g.addNode("Sub", List.of(y, someFloats), "c").output(0), shape), "z").output(0);
        output(g, z, floats(2));
        Model reference = copy(m);

        assertEquals(4, run(m));
        assertEquals(0, count(m, "Constant"));
        assertEquals(List.of("tensor", "one_float", "some_floats", "shape"), List.copyOf(g.initializers().keySet()));
        assertArrayEquals(new long[] {2}, TensorCodec.toLongs(g.value("shape").initializer()));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(TensorCodec.toFloats(g.value("tensor").initializer())[1]));
        assertSame(g.value("shape"), g.value("z").producer().input(1));
        assertValid(m);
        assertSameOutputs(reference, m, Map.of("x", new long[] {2}));
    }

    @Test
    void aConstantThatIsAGraphOutputStays() {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        g.addOutput(constant(g, "answer", Attribute.of("value_int", 42L)));
        assertEquals(0, run(m));
        assertEquals(1, count(m, "Constant"));
    }

    @Test
    void beforeIrFourNothingIsConvertedAndTheStepSaysWhy() {
        Model m = new Model(new Graph("old"), 3, 9);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(1));
        output(g, g.addNode("Add", List.of(x, constant(g, "one", Attribute.of("value_float", 1f))), "y").output(0), floats(1));
        List<String> log = new ArrayList<>();
        CleanupFixture.clean(m, Map.of(), log);
        assertEquals(1, count(m, "Constant"));
        assertTrue(g.initializers().isEmpty());
        assertTrue(log.stream().anyMatch(l -> l.contains("IR version 3")), log.toString());
    }

    @Test
    void aSparseConstantIsLeftAsItIs() {
        Model m = CleanupFixture.model(17);
        Graph g = m.graph();
        Node sparse = g.addNode("", "Constant", List.of(), List.of("sparse"), List.of(new Attribute.Opaque("sparse_value", null)));
        output(g, g.addNode("Relu", List.of(sparse.output(0)), "y").output(0), floats(2));
        assertEquals(0, run(m));
    }
}
