package org.strata.technique.layers.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.core.AnalysisTable;
import org.strata.core.Change;
import org.strata.core.ModelRunner;
import org.strata.core.TechniqueException;
import org.strata.core.analysis.BlockAblation;
import org.strata.core.analysis.BlockInfluence;
import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.Node;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.testing.TransformerSpec;

/** layers.drop on MiniLM and on every synthetic family, with ONNX Runtime as the oracle, and its refusals. */
class BlockDropTest {

    static Stream<Arguments> preLn() {
        List<Arguments> out = new ArrayList<>();
        for (TransformerSpec base : LayerTestSupport.preLnFamilies()) {
            for (int layers : new int[] {3, 4}) out.add(Arguments.of(base.family() + ", " + layers + " blocks", LayerTestSupport.sized(base, layers)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("preLn")
    void theBlockThatAddsNothingIsChosenByInfluenceAndByAblationAndItsRemovalIsExact(String label, TransformerSpec spec) {
        Model original = spec.build();
        int quiet = spec.layers() - 1;
        LayerTestSupport.neutralize(original, quiet);
        for (String by : List.of("influence", "ablation")) {
            Model m = LayerTestSupport.copy(original);
            Change c = LayerTestSupport.apply(new BlockDrop(), m, Map.of(BlockDrop.BY, by, "texts", 4), LayerTestSupport.randomRunner());
            assertEquals(List.of(quiet), c.blocksTouched(), label + " by " + by + ": " + c.summary());
            assertEquals(spec.layers() - 1, TransformerStructure.discover(m).blockCount());
            assertEquals(1, c.analyses().size());
            assertEquals(by.equals("influence") ? BlockInfluence.ID : BlockAblation.ID, c.analyses().get(0).id());
            assertTrue(c.nodesRemoved() > 10, c.toString());
            double err = LayerTestSupport.maxRelativeError(original, m);
            assertTrue(err <= 1e-4, label + " by " + by + ": error " + err);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allFamilies")
    void namedBlocksGoOnEveryFamilyAndTheModelStillRuns(String label, TransformerSpec spec) {
        Model original = spec.build();
        Model m = LayerTestSupport.copy(original);
        Change c = LayerTestSupport.apply(new BlockDrop(), m, Map.of(BlockDrop.BLOCKS, List.of(1, 3)), LayerTestSupport.randomRunner());
        assertEquals(List.of(1, 3), c.blocksTouched());
        assertEquals(spec.layers() - 2, TransformerStructure.discover(m).blockCount(), label);
        assertEquals(List.of(), c.analyses(), "nothing measured for named blocks");
        assertEquals(original.graph().outputs().stream().map(Value::name).toList(), m.graph().outputs().stream().map(Value::name).toList());
        double err = LayerTestSupport.maxRelativeError(original, m);
        assertTrue(err > 1e-3 && Double.isFinite(err), label + ": error " + err);
    }

    static Stream<Arguments> allFamilies() {
        List<Arguments> out = new ArrayList<>();
        for (TransformerSpec base : LayerTestSupport.families()) out.add(Arguments.of(base.family().toString(), LayerTestSupport.sized(base, 5)));
        return out.stream();
    }

    @Test
    void miniLmInfluenceGuidedDropAgainstEverySingleBlock() {
        Model original = LayerTestSupport.miniLm();
        ModelRunner runner = LayerTestSupport.miniLmRunner();
        Model byInfluence = LayerTestSupport.copy(original);
        Change ci = LayerTestSupport.apply(new BlockDrop(), byInfluence, Map.of("texts", 48), runner);
        Model byAblation = LayerTestSupport.copy(original);
        Change ca = LayerTestSupport.apply(new BlockDrop(), byAblation, Map.of("texts", 48, BlockDrop.BY, "ablation"), runner);
        AnalysisTable influence = ci.analyses().get(0);
        AnalysisTable ablation = ca.analyses().get(0);
        int least = 0;
        for (int b = 0; b < 6; b++) if (influence.value(b, 0) < influence.value(least, 0)) least = b;
        int cheapest = 0;
        for (int b = 0; b < 6; b++) if (ablation.value(b, 0) > ablation.value(cheapest, 0)) cheapest = b;
        assertEquals(List.of(least + 1), ci.blocksTouched(), ci.summary());
        assertEquals(List.of(cheapest + 1), ca.blocksTouched(), ca.summary());
        assertEquals("last_hidden_state", byInfluence.graph().outputs().get(0).name());
        assertEquals(5, TransformerStructure.discover(byInfluence).blockCount());

        StringBuilder report = new StringBuilder("MiniLM, one block dropped — calibration (48 texts) and evaluation split (first 96 texts):\n");
        double best = 0;
        int bestBlock = 0;
        double[] evaluation = new double[7];
        for (int b = 1; b <= 6; b++) {
            Model m = LayerTestSupport.copy(original);
            LayerTestSupport.apply(new BlockDrop(), m, Map.of(BlockDrop.BLOCKS, List.of(b)), runner);
            EmbeddingFidelity f = LayerTestSupport.evaluation(m, 96);
            evaluation[b] = f.meanCosine();
            if (f.meanCosine() > best) {
                best = f.meanCosine();
                bestBlock = b;
            }
            report.append(String.format("  block %d: influence %.4f, calibration cosine %.4f, evaluation cosine %.4f (min %.4f)%n", b,
                    influence.value(b - 1, 0), ablation.value(b - 1, 0), f.meanCosine(), f.minCosine()));
        }
        report.append("  influence chooses block ").append(least + 1).append(", ablation block ").append(cheapest + 1)
                .append(", best on the evaluation split: block ").append(bestBlock);
        System.out.println(report);
        assertTrue(evaluation[least + 1] >= best - 0.01, "the influence-guided choice is within 0.01 of the best single block: " + report);
        assertTrue(evaluation[6] < 0.7, "the last block of MiniLM cannot go: " + report);
    }

    @Test
    void aLinearMapInPlaceOfTheBlockKeepsMoreOfMiniLm() {
        Model original = LayerTestSupport.miniLm();
        ModelRunner runner = LayerTestSupport.miniLmRunner();
        Model plain = LayerTestSupport.copy(original);
        LayerTestSupport.apply(new BlockDrop(), plain, Map.of(BlockDrop.BLOCKS, List.of(3)), runner);
        Model linear = LayerTestSupport.copy(original);
        Change c = LayerTestSupport.apply(new BlockDrop(), linear, Map.of(BlockDrop.BLOCKS, List.of(3), BlockDrop.REPLACE, "linear"), runner);
        assertEquals(2, c.nodesAdded(), "a MatMul and an Add");
        assertEquals("1", c.details().get("linear-maps"));
        double p = LayerTestSupport.evaluation(plain).meanCosine();
        double l = LayerTestSupport.evaluation(linear).meanCosine();
        System.out.printf("MiniLM without block 3: evaluation cosine %.4f plain, %.4f with a fitted linear map%n", p, l);
        assertTrue(l > p + 0.005, "plain " + p + ", linear " + l);
    }

    @Test
    void aLinearMapOverAPassThroughBlockIsNearlyTheIdentity() {
        TransformerSpec spec = LayerTestSupport.sized(LayerTestSupport.families().get(2), 3);
        Model original = spec.build();
        LayerTestSupport.neutralize(original, 2);
        Model m = LayerTestSupport.copy(original);
        LayerTestSupport.apply(new BlockDrop(), m, Map.of(BlockDrop.BLOCKS, List.of(2), BlockDrop.REPLACE, "linear"), LayerTestSupport.randomRunner());
        double err = LayerTestSupport.maxRelativeError(original, m);
        assertTrue(err < 1e-2, "error " + err);
    }

    @Test
    void perLayerCacheInputsAndOutputsGoWithTheirBlock() {
        Model m = LayerTestSupport.families().get(2).layers(3).build();
        TransformerStructure s = TransformerStructure.discover(m);
        Graph g = m.graph();
        // A value cache as decoders export it: V = Concat(past, V_new) on the sequence axis, exposed as "present".
        for (int b = 1; b <= 3; b++) {
            Node product = s.block(b).attention().core().output(0).consumers().get(0);
            assertEquals("MatMul", product.opType(), "probabilities × V");
            Value v = product.input(1);
            int heads = s.block(b).attention().heads(), size = s.block(b).attention().headSize();
            Value past = g.addInput("past_key_values." + (b - 1) + ".value", TensorType.of(DataType.FLOAT, 1, heads, 0, size));
            Node concat = g.addNode(Node.DEFAULT_DOMAIN, "Concat", List.of(past, v), List.of("present." + (b - 1) + ".value"),
                    List.of(Attribute.of("axis", 2L)));
            concat.output(0).setType(TensorType.of(DataType.FLOAT, 1, heads, 8, size));
            product.setInput(1, concat.output(0));
            g.addOutput(concat.output(0));
        }
        g.sortTopologically();
        LayerTestSupport.assertValid(m);
        assertEquals(3, TransformerStructure.discover(m).blockCount(), "the cache does not hide the blocks");
        Change c = LayerTestSupport.apply(new BlockDrop(), m, Map.of(BlockDrop.BLOCKS, List.of(2)), LayerTestSupport.randomRunner());
        assertEquals(List.of("input_ids", "attention_mask", "past_key_values.0.value", "past_key_values.2.value"),
                g.realInputs().stream().map(Value::name).toList());
        assertEquals(List.of("logits", "present.0.value", "present.2.value"), g.outputs().stream().map(Value::name).toList());
        assertEquals("[past_key_values.1.value]", c.details().get("inputs-removed"));
        assertEquals("[present.1.value]", c.details().get("outputs-removed"));
        assertEquals("[1, 3]", c.details().get("layer-numbers-kept"));
        assertEquals(2, TransformerStructure.discover(m).blockCount());
    }

    @Test
    void badRequestsAreRefusedWithTheReasonAndChangeNothing() {
        Model m = LayerTestSupport.families().get(1).layers(4).build();
        byte[] before = ModelWriter.toBytes(m);
        ModelRunner r = LayerTestSupport.randomRunner();
        assertRefused(m, Map.of(BlockDrop.BLOCKS, List.of(2, 5)), r, "block 5 is out of range", "blocks 1 to 4");
        assertRefused(m, Map.of(BlockDrop.BLOCKS, List.of(1, 2, 3, 4)), r, "all 4 blocks", "at least one block must stay");
        assertRefused(m, Map.of(BlockDrop.FRACTION, 1.0), r, "fraction 1.0", "all 4 blocks");
        assertRefused(m, Map.of(BlockDrop.FRACTION, 0.05), r, "rounds to no block");
        assertRefused(m, Map.of(BlockDrop.COUNT, 4), r, "removing 4 of 4 blocks", "at most 3");
        assertRefused(m, Map.of(BlockDrop.COUNT, 0), r, "nothing to remove");
        assertArrayEquals(before, ModelWriter.toBytes(m), "refused requests leave the model as it was");

        Graph g = new Graph("not a transformer");
        Value x = g.addInput("x", TensorType.of(DataType.FLOAT, 1, 4));
        Value w = g.addInitializer("w", TensorCodec.fromFloats("w", new long[] {4, 4}, new float[16]));
        Node mm = g.addNode("MatMul", List.of(x, w), "y");
        mm.output(0).setType(TensorType.of(DataType.FLOAT, 1, 4));
        g.addOutput(mm.output(0));
        Model plain = new Model(g, 8, 17);
        byte[] plainBefore = ModelWriter.toBytes(plain);
        assertRefused(plain, Map.of(), r, "layers.drop works on transformer blocks", "could not be recognised");
        assertArrayEquals(plainBefore, ModelWriter.toBytes(plain));
    }

    private static void assertRefused(Model m, Map<String, ?> params, ModelRunner r, String... fragments) {
        TechniqueException e = assertThrows(TechniqueException.class,
                () -> LayerTestSupport.apply(new BlockDrop(), m, params, r, new ArrayList<>()), params.toString());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should say " + f);
    }
}
