package org.strata.onnx.tests.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.Node;
import org.strata.onnx.Problem;
import org.strata.onnx.Shape;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;
import org.strata.onnx.tests.TestModels;
import org.strata.onnx.infer.InferenceReport;
import org.strata.onnx.infer.ShapeInference;

/**
 * Inference on the real all-MiniLM-L6-v2 exports: fp32 (opset 11, decomposed LayerNorm, Erf GELU, reshape
 * targets computed by Shape→Gather→Unsqueeze→Concat) and int8 (ORT dynamic quantisation). Every type but the
 * graph inputs' is cleared first, so everything below comes from inference. (At development time ONNX Runtime's
 * symbolic_shape_infer.py, run on the same files, gave the same type for each of the 637 and 820 values.) Values
 * are found by topology, not by name.
 */
class MiniLmShapeInferenceTest {
    /** The node outputs of the fp32 and int8 graphs (Constants included). */
    private static final Map<String, Integer> NODE_OUTPUTS = Map.of("fp32", 637, "int8", 820);

    /** The model with every type cleared (node outputs, graph output, value_info, initializers) except the graph inputs'. */
    private static Model readCleared(String variant) {
        Model m = ModelReader.read(variant.equals("fp32") ? TestModels.fp32() : TestModels.int8());
        for (Value v : m.graph().values()) if (!v.isGraphInput()) v.setType(null);
        for (Node n : m.graph().allNodes()) assertTrue(n.outputs().stream().allMatch(v -> v.type() == null));
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fp32", "int8"})
    void typesEveryValueFromTheInputsAlone(String variant) {
        Model m = readCleared(variant);
        InferenceReport r = ShapeInference.standard().infer(m);

        assertEquals(List.of(), r.unknown(), r.summary());
        assertEquals(List.of(), r.partial(), r.summary());
        assertEquals(Map.of(), r.unknownOps());
        assertEquals(List.of(), r.failures());
        assertEquals(List.of(), r.conflicts());
        assertEquals(NODE_OUTPUTS.get(variant), r.typed(), r.summary());

        Value ids = m.graph().realInputs().get(0);
        Dim batch = ids.type().shape().dim(0);
        Dim seq = ids.type().shape().dim(1);
        assertEquals(Dim.of("batch_size"), batch);
        assertEquals(Dim.of("sequence_length"), seq);
        Value out = m.graph().outputs().get(0);
        assertEquals(new TensorType(DataType.FLOAT, Shape.of(batch, seq, Dim.of(384))), out.type());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fp32", "int8"})
    void attentionAndFeedForwardShapesFoundByTopology(String variant) {
        Model m = readCleared(variant);
        ShapeInference.standard().infer(m);
        Shape in = m.graph().realInputs().get(0).type().shape();
        Dim b = in.dim(0);
        Dim s = in.dim(1);

        List<Node> softmax = ops(m, "Softmax");
        assertEquals(6, softmax.size());
        for (Node sm : softmax) {
            assertEquals(Shape.of(b, Dim.of(12), s, s), sm.output(0).type().shape(), "attention probabilities of " + sm);
            // Softmax ← Add(mask) ← Div(√d) ← MatMul(Qᵀ, Kᵀ); Q ← Transpose ← Reshape
            Node scores = upstream(sm, "Add", "Div", "MatMul");
            assertEquals(Shape.of(b, Dim.of(12), s, s), scores.output(0).type().shape());
            Node qReshape = upstream(scores.input(0).producer(), "Reshape");
            assertEquals(Shape.of(b, s, Dim.of(12), Dim.of(32)), qReshape.output(0).type().shape(), "Q heads of " + sm);
            assertEquals(List.of(b, s, Dim.of(12), Dim.of(32)), targetOf(qReshape), "the Concat computing Q's target");
            Node kTransposed = scores.input(1).producer();
            assertEquals(Shape.of(b, Dim.of(12), Dim.of(32), s), kTransposed.output(0).type().shape(), "Kᵀ of " + sm);
            Node context = sm.output(0).consumers().get(0);
            assertEquals(Shape.of(b, Dim.of(12), s, Dim.of(32)), context.output(0).type().shape(), "context of " + sm);
        }

        List<Node> erf = ops(m, "Erf");
        assertEquals(6, erf.size());
        for (Node e : erf) {
            assertEquals(new TensorType(DataType.FLOAT, Shape.of(b, s, Dim.of(1536))), e.input(0).type(), "FFN intermediate at " + e);
        }
    }

    @Test
    void int8DeclaredValueInfoAgreesAndIsCompleted() {
        Model m = ModelReader.read(TestModels.int8());
        List<Value> declaredWithoutShape = new ArrayList<>();
        Map<Value, TensorType> declared = new IdentityHashMap<>();
        for (Node n : m.graph().allNodes()) {
            for (Value v : n.outputs()) {
                if (v.type() == null) continue;
                declared.put(v, v.type());
                if (!v.type().hasShape()) declaredWithoutShape.add(v);
            }
        }
        assertTrue(declared.size() > 600, "the quantizer wrote value_info for " + declared.size() + " values");
        assertTrue(declaredWithoutShape.size() > 300, declaredWithoutShape.size() + " declared without shape");

        InferenceReport r = ShapeInference.standard().infer(m);

        assertEquals(List.of(), r.conflicts(), "ORT's own value_info contradicts inference");
        assertTrue(r.isComplete(), r.summary());
        for (Value v : declaredWithoutShape) assertTrue(v.type().hasShape(), v + " was not completed");
        for (Map.Entry<Value, TensorType> e : declared.entrySet()) {
            assertEquals(e.getValue().elementType(), e.getKey().type().elementType(), "declared element type of " + e.getKey() + " kept");
        }
    }

    @Test
    void aWrongDeclaredOutputIsReportedAgainstItsNode() {
        Model m = ModelReader.read(TestModels.fp32());
        Value out = m.graph().outputs().get(0);
        TensorType wrong = new TensorType(DataType.FLOAT, Shape.of(Dim.of("batch_size"), Dim.of("sequence_length"), Dim.of(768)));
        out.setType(wrong);

        InferenceReport r = ShapeInference.standard().infer(m);

        assertEquals(1, r.conflicts().size(), r.conflicts().toString());
        Problem p = r.conflicts().get(0);
        assertEquals(out.producer().describe(), p.where());
        assertTrue(p.message().contains("float[batch_size, sequence_length, 768]"), p.message());
        assertTrue(p.message().contains("float[batch_size, sequence_length, 384]"), p.message());
        assertEquals(wrong, out.type(), "the declared type is kept");
    }

    @Test
    void secondRunChangesNothing() {
        Model m = readCleared("fp32");
        ShapeInference.standard().infer(m);
        Map<Value, TensorType> first = new IdentityHashMap<>();
        for (Node n : m.graph().allNodes()) for (Value v : n.outputs()) first.put(v, v.type());

        InferenceReport again = ShapeInference.standard().infer(m);

        assertEquals(List.of(), again.conflicts());
        for (Map.Entry<Value, TensorType> e : first.entrySet()) assertEquals(e.getValue(), e.getKey().type(), e.getKey().name());
    }

    private static List<Node> ops(Model m, String op) {
        return m.graph().nodes().stream().filter(n -> n.is(op)).toList();
    }

    /** Follows inputs back from {@code start}: each step goes to the first input produced by the next op. */
    private static Node upstream(Node start, String... ops) {
        Node cur = start;
        for (String op : ops) {
            Node next = null;
            for (Value in : cur.inputs()) {
                if (in != null && in.producer() != null && in.producer().is(op)) {
                    next = in.producer();
                    break;
                }
            }
            assertNotNull(next, "no " + op + " feeds " + cur);
            cur = next;
        }
        return cur;
    }

    /** The dimensions a Reshape's computed target spells, read back from the target Concat's inputs' types. */
    private static List<Dim> targetOf(Node reshape) {
        Node concat = reshape.input(1).producer();
        assertTrue(concat.is("Concat"), "target of " + reshape + " is computed by " + concat);
        List<Dim> dims = new ArrayList<>();
        for (Value part : concat.inputs()) {
            Node p = part.producer();
            if (p.is("Unsqueeze")) {
                Node gather = p.input(0).producer();
                Node shapeOf = gather.input(0).producer();
                long index = org.strata.onnx.TensorCodec.toLongs(gather.input(1).producer().attrTensor("value"))[0];
                dims.add(shapeOf.input(0).type().shape().dim((int) index));
            } else {
                dims.add(Dim.of(org.strata.onnx.TensorCodec.toLongs(p.attrTensor("value"))[0]));
            }
        }
        return dims;
    }
}
