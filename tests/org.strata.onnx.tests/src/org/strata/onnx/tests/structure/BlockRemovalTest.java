package org.strata.onnx.tests.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.onnx.tests.TestModels;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.Node;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;
import org.strata.testing.TransformerSpec.ActivationForm;
import org.strata.testing.TransformerSpec.AttentionForm;
import org.strata.testing.TransformerSpec.NormForm;
import org.strata.testing.TransformerSpec.ProjectionForm;

/**
 * The documented recipe removes a block: {@code replaceAllUsesWith(block.output(), block.input())} then
 * {@code removeDeadNodes()} leaves a valid graph with one block fewer, made of the remaining blocks' own nodes.
 */
class BlockRemovalTest {

    static Stream<Arguments> synthetic() {
        List<TransformerSpec> specs = List.of(SyntheticTransformers.bertPostLn(), SyntheticTransformers.bertPreLn(),
                SyntheticTransformers.gpt(), SyntheticTransformers.llama(), SyntheticTransformers.vit(),
                SyntheticTransformers.bertPostLn().attention(AttentionForm.ATTENTION).norm(NormForm.SKIP)
                        .activation(ActivationForm.FAST_GELU),
                SyntheticTransformers.llama().heads(4).norm(NormForm.SKIP),
                SyntheticTransformers.gpt().projection(ProjectionForm.QDQ),
                SyntheticTransformers.llama().projection(ProjectionForm.MATMUL_NBITS));
        List<Arguments> out = new ArrayList<>();
        for (TransformerSpec spec : specs) {
            for (int k = 1; k <= 3; k++) {
                out.add(Arguments.of(spec.family() + " " + spec.attention() + " " + spec.norm() + " " + spec.projection(),
                        spec.layers(3), k));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: remove block {2} of 3")
    @MethodSource("synthetic")
    void removesASyntheticBlock(String name, TransformerSpec spec, int k) {
        Model m = spec.build();
        assertRemoves(m, k);
        SyntheticStructureTest.assertMatches(spec.layers(2), TransformerStructure.discover(m));
    }

    static Stream<Arguments> miniLm() {
        return Stream.of(Arguments.of("fp32", 1), Arguments.of("fp32", 3), Arguments.of("fp32", 6), Arguments.of("int8", 4));
    }

    @ParameterizedTest(name = "MiniLM {0}: remove block {1} of 6")
    @MethodSource("miniLm")
    void removesAMiniLmBlock(String which, int k) {
        Model m = ModelReader.read(which.equals("fp32") ? TestModels.fp32() : TestModels.int8());
        assertRemoves(m, k);
        assertEquals("last_hidden_state", m.graph().outputs().get(0).name(), "the model keeps its output name");
    }

    private static void assertRemoves(Model m, int k) {
        TransformerStructure before = TransformerStructure.discover(m);
        int n = before.blockCount();
        Block doomed = before.block(k);
        Set<Node> doomedNodes = new HashSet<>(doomed.nodes());
        List<Value> survivorsWeights = new ArrayList<>();
        for (Block b : before.blocks()) if (b != doomed) survivorsWeights.add(b.attention().o().weight());

        m.graph().replaceAllUsesWith(doomed.output(), doomed.input());
        int removed = m.graph().removeDeadNodes();

        assertEquals(List.of(), GraphValidator.check(m), "the graph after removing block " + k);
        assertEquals(doomedNodes.size(), removed, "removeDeadNodes removed exactly the block's nodes");
        for (Node node : m.graph().nodes()) assertFalse(doomedNodes.contains(node), node + " of block " + k + " is still there");
        TransformerStructure after = TransformerStructure.discover(m);
        assertEquals(n - 1, after.blockCount());
        for (int i = 0; i < n - 1; i++) {
            assertSame(survivorsWeights.get(i), after.blocks().get(i).attention().o().weight(),
                    "block " + (i + 1) + " after removal should be the old block " + (i < k - 1 ? i + 1 : i + 2));
        }
        assertTrue(after.summary().startsWith(before.family() + ", " + (n - 1) + " blocks"), after.summary());
    }
}
