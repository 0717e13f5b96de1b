package org.strata.technique.cleanup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.strata.technique.cleanup.internal.CleanupFixture.assertSameOutputs;
import static org.strata.technique.cleanup.internal.CleanupFixture.assertValid;
import static org.strata.technique.cleanup.internal.CleanupFixture.copy;
import static org.strata.technique.cleanup.internal.CleanupFixture.count;
import static org.strata.technique.cleanup.internal.CleanupFixture.floats;
import static org.strata.technique.cleanup.internal.CleanupFixture.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Shape;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;

class DropoutEliminationTest {
    private static int run(Model m) {
        return new DropoutElimination().run(new GraphFacts(m));
    }

    /** x → Dropout(x, ratio 0.5, mode) → Relu → y, at opset 13. */
    private static Model dropout(String mode) {
        Model m = CleanupFixture.model(13);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(2, 8));
        Value ratio = g.addInitializer("ratio", TensorCodec.fromFloats("ratio", new long[0], new float[] {0.5f}));
        List<Value> inputs = new ArrayList<>(Arrays.asList(x, ratio));
        switch (mode) {
            case "false", "true" -> inputs.add(g.addInitializer("training_mode",
                    TensorCodec.fromLongs("training_mode", DataType.BOOL, new long[0], new long[] {mode.equals("true") ? 1 : 0})));
            case "input" -> inputs.add(g.addInput("training_mode", new TensorType(DataType.BOOL, Shape.SCALAR)));
            default -> inputs.remove(ratio);
        }
        Node d = g.addNode("Dropout", inputs, "dropped");
        output(g, g.addNode("Relu", List.of(d.output(0)), "y").output(0), floats(2, 8));
        return m;
    }

    @Test
    void trainingModeConstantFalseIsInferenceAndTheNodeGoes() {
        Model m = dropout("false");
        Model reference = copy(m);
        assertEquals(1, run(m));
        assertEquals(0, count(m, "Dropout"));
        assertEquals("x", m.graph().value("y").producer().input(0).name());
        assertValid(m);
        assertSameOutputs(reference, m, Map.of("x", new long[] {2, 8}));
    }

    @Test
    void omittedTrainingModeIsInference() {
        Model m = dropout("omitted");
        assertEquals(1, run(m));
        assertEquals(0, count(m, "Dropout"));
    }

    @Test
    void trainingModeTrueOrFedAtRunTimeKeepsTheNode() {
        assertEquals(0, run(dropout("true")));
        assertEquals(0, run(dropout("input")));
    }

    @Test
    void aUsedMaskKeepsTheNode() {
        Model m = CleanupFixture.model(13);
        Graph g = m.graph();
        Value x = g.addInput("x", floats(4));
        Node d = g.addNode("", "Dropout", List.of(x), List.of("out", "mask"), List.of());
        output(g, d.output(0), floats(4));
        output(g, d.output(1), new TensorType(DataType.BOOL, Shape.of(4)));
        assertEquals(0, run(m));
    }

    @Test
    void opsetsBeforeTwelveAreInferenceButBeforeSevenOnlyWithIsTest() {
        for (int opset : new int[] {7, 11, 6}) {
            for (long isTest : new long[] {0, 1}) {
                Model m = CleanupFixture.model(opset);
                Graph g = m.graph();
                Value x = g.addInput("x", floats(4));
                List<Attribute> attrs = opset < 7 ? List.of(Attribute.of("is_test", isTest)) : List.of();
                Node d = g.addNode("", "Dropout", List.of(x), List.of("d"), attrs);
                output(g, g.addNode("Relu", List.of(d.output(0)), "y").output(0), floats(4));
                int expected = opset >= 7 || isTest == 1 ? 1 : 0;
                assertEquals(expected, run(m), "opset " + opset + ", is_test " + isTest);
            }
        }
    }
}
