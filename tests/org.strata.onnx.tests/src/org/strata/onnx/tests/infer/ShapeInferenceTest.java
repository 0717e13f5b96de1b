package org.strata.onnx.tests.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.onnx.tests.infer.TestGraph.assertType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Problem;
import org.strata.onnx.Shape;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;
import org.strata.onnx.infer.InferenceReport;
import org.strata.onnx.infer.ShapeInference;

/** The engine: unknown ops, declared types (kept, completed, or in conflict), custom rules, subgraphs, the report. */
class ShapeInferenceTest {
    @Test
    void aCustomOpStaysUnknownWithoutFailingTheRest() {
        TestGraph t = new TestGraph(17);
        t.model.setOpset("com.example", 1);
        Value x = t.input("x", DataType.FLOAT, "b", 8);
        Value mystery = t.node("com.example", "Mystery", List.of(x), 1).output(0);
        Value after = t.op("Relu", List.of(mystery));
        Value again = t.node("com.example", "Mystery", List.of(x), 1).output(0);
        Value independent = t.op("Relu", List.of(x));
        InferenceReport r = t.infer();
        assertEquals(Map.of("com.example::Mystery", 2), r.unknownOps());
        assertEquals(List.of(), r.failures());
        assertEquals(List.of(mystery, after, again), r.unknown());
        assertEquals(1, r.typed());
        assertNull(mystery.type());
        assertType("float[b, 8]", independent);
        assertTrue(r.summary().contains("com.example::Mystery=2"), r.summary());
    }

    @Test
    void aCustomRuleAndDeclaredTypesOfUnknownOps() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", 8);
        Value declared = t.node("com.example", "Known", List.of(x), 1).output(0);
        declared.setType(new TensorType(DataType.FLOAT, TestGraph.shape("b", 16)));
        Value after = t.op("Relu", List.of(declared));
        Value ruled = t.node("com.example", "Norm", List.of(after), 1).output(0);
        InferenceReport r = ShapeInference.standard().with("com.example", "Norm", op -> op.sameAsInput(0, 0)).infer(t.model);
        assertEquals(Map.of("com.example::Known", 1), r.unknownOps());
        assertType("float[b, 16]", after);
        assertType("float[b, 16]", ruled);
        assertTrue(ShapeInference.standard().hasRule("", "Reshape"));
        assertTrue(!ShapeInference.standard().hasRule("com.example", "Norm"));
    }

    @Test
    void aConflictingDeclaredOutputIsAProblemNamingTheNode() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", "s", 384);
        Node mm = t.node("MatMul", List.of(x, t.weights(384, 1536)), 1);
        mm.setName("ffn_up");
        Value y = mm.output(0);
        t.graph.addOutput(y);
        TensorType declared = new TensorType(DataType.FLOAT, TestGraph.shape("b", "s", 1024));
        y.setType(declared);
        Value z = t.op("Relu", List.of(y));
        InferenceReport r = t.infer();
        assertEquals(1, r.conflicts().size());
        Problem p = r.conflicts().get(0);
        assertEquals("node 'ffn_up' (MatMul)", p.where());
        assertTrue(p.message().contains("float[b, s, 1024]") && p.message().contains("float[b, s, 1536]"), p.message());
        assertTrue(p.message().contains("dimension 2 is 1024 vs 1536"), p.message());
        assertEquals(declared, y.type());
        assertType("float[b, s, 1024]", z); // downstream follows what the file declares
        assertTrue(!r.isConsistent());
    }

    @Test
    void declaredTypesAreCompletedNotOverwritten() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", "s", 384);
        Value rankUnknown = t.op("Relu", List.of(x));
        rankUnknown.setType(new TensorType(DataType.FLOAT, null));
        Value typeUnknown = t.op("Sigmoid", List.of(x));
        typeUnknown.setType(new TensorType(DataType.UNDEFINED, TestGraph.shape("batch", null, 384)));
        Value renamed = t.op("Tanh", List.of(x));
        renamed.setType(new TensorType(DataType.FLOAT, TestGraph.shape("N", "L", 384)));
        InferenceReport r = t.inferClean();
        assertType("float[b, s, 384]", rankUnknown);
        assertType("float[batch, s, 384]", typeUnknown); // the file's symbol wins where it names one
        assertType("float[N, L, 384]", renamed);
        assertTrue(r.isComplete());
    }

    @Test
    void ifBranchesAreInferredAndMerged() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", "s", 384);
        Value cond = t.input("cond", DataType.BOOL);
        Graph then = t.graph.newSubgraph("then");
        Node thenRelu = then.addNode("Relu", List.of(x), "t_out");
        then.addOutput(thenRelu.output(0));
        Graph otherwise = t.graph.newSubgraph("else");
        Node elseSlice = otherwise.addNode("Slice", List.of(x, t.ints(0), t.ints(1), t.ints(1)), "e_out");
        otherwise.addOutput(elseSlice.output(0));
        Node ifNode = t.graph.addNode("", "If", List.of(cond), List.of("merged"),
                List.of(Attribute.of("then_branch", then), Attribute.of("else_branch", otherwise)));
        Value after = t.op("Relu", List.of(ifNode.output(0)));
        InferenceReport r = t.inferClean();
        assertType("float[b, s, 384]", thenRelu.output(0));
        assertType("float[b, 1, 384]", elseSlice.output(0));
        assertType("float[b, ?, 384]", ifNode.output(0));
        assertType("float[b, ?, 384]", after);
        assertEquals(List.of(ifNode.output(0), after), r.partial().stream().filter(v -> v.graph() == t.graph).toList());
    }

    @Test
    void loopBodyIsInferredAndScanOutputsGetTheTripCount() {
        TestGraph t = new TestGraph(17);
        Value x = t.input("x", DataType.FLOAT, "b", 384);
        Graph body = t.graph.newSubgraph("body");
        Value i = body.addInput("i", null);
        Value c = body.addInput("c", null);
        Value acc = body.addInput("acc", null);
        Node add = body.addNode("Add", List.of(acc, x), "acc_next");
        Node keep = body.addNode("Identity", List.of(c), "c_next");
        Node step = body.addNode("Unsqueeze", List.of(i, t.ints(0)), "i_seen");
        body.addOutput(keep.output(0));
        body.addOutput(add.output(0));
        body.addOutput(step.output(0));
        Node loop = t.graph.addNode("", "Loop", java.util.Arrays.asList(t.scalar(5), null, x), List.of("final", "steps"),
                List.of(Attribute.of("body", body)));
        t.inferClean();
        assertType("float[b, 384]", add.output(0));
        assertType("float[b, 384]", loop.output(0));
        assertType("int64[5, 1]", loop.output(1));
        assertEquals(new TensorType(DataType.INT64, Shape.SCALAR), i.type());
    }

    @Test
    void everyRequiredOperatorHasARule() {
        String required = "Add Sub Mul Div Pow Sqrt Reciprocal Neg Abs Exp Log Erf Tanh Sigmoid Relu Gelu Softmax LogSoftmax Identity"
                + " Dropout Cast CastLike Constant ConstantOfShape Shape Size Gather GatherElements GatherND Unsqueeze Squeeze Flatten"
                + " Concat Reshape Transpose Expand Tile Slice Split MatMul Gemm ReduceMean ReduceSum ReduceMax ReduceMin ReduceProd"
                + " ArgMax Where Equal Less Greater LessOrEqual GreaterOrEqual Not And Or Range Trilu TopK ScatterElements ScatterND"
                + " Einsum LayerNormalization RMSNormalization Conv Pad Clip Min Max Sum Mean Mod QuantizeLinear DequantizeLinear"
                + " DynamicQuantizeLinear MatMulInteger ConvInteger QLinearMatMul If Loop";
        String microsoft = "Attention MultiHeadAttention GroupQueryAttention SkipLayerNormalization SkipSimplifiedLayerNormalization"
                + " SimplifiedLayerNormalization LayerNormalization FastGelu Gelu BiasGelu QuickGelu MatMulNBits DynamicQuantizeMatMul"
                + " MatMulIntegerToFloat QAttention RotaryEmbedding EmbedLayerNormalization";
        List<String> missing = new java.util.ArrayList<>();
        for (String op : required.split(" ")) if (!ShapeInference.standard().hasRule("", op)) missing.add(op);
        for (String op : microsoft.split(" ")) if (!ShapeInference.standard().hasRule(Node.MS_DOMAIN, op)) missing.add("com.microsoft::" + op);
        assertEquals(List.of(), missing);
        assertTrue(ShapeInference.standard().ops().size() > 150, ShapeInference.standard().ops().size() + " rules");
    }
}
