package org.strata.core.tests.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.core.TechniqueException;
import org.strata.core.analysis.LayerEdits;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.testing.TransformerSpec;
import org.strata.testing.TransformerSpec.NormForm;

/** Removing blocks and truncating, on every family at several depths and widths, checked in ONNX Runtime. */
class LayerEditsTest {

    static Stream<Arguments> shapes() {
        List<Arguments> out = new ArrayList<>();
        int[][] sizes = {{2, 32, 2}, {3, 64, 4}, {5, 48, 6}};
        for (TransformerSpec base : LayerFixtures.families()) {
            for (int[] size : sizes) {
                TransformerSpec spec = base.layers(size[0]).hidden(size[1]).heads(size[2])
                        .kvHeads(base.family() == TransformerSpec.Family.LLAMA ? size[2] / 2 : size[2]);
                out.add(Arguments.of(spec.family() + " " + size[0] + " blocks, " + size[1] + " wide, " + size[2] + " heads", spec));
            }
        }
        out.add(Arguments.of("BERT pre-LN with skip norms", LayerFixtures.families().get(1).layers(3).norm(NormForm.SKIP)));
        out.add(Arguments.of("LLaMA with skip norms", LayerFixtures.families().get(3).layers(3).norm(NormForm.SKIP)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void truncatingAfterAPassThroughTailIsExactAndRemovingChangesTheOutput(String label, TransformerSpec spec) {
        int n = spec.layers();
        Model original = spec.build();
        boolean preLn = spec.preLn();
        if (preLn) LayerFixtures.neutralize(original, n);

        Model cut = LayerFixtures.copy(original);
        LayerEdits.Removal r = LayerEdits.truncateAfter(cut, TransformerStructure.discover(cut), n - 1);
        assertEquals(List.of(n), r.blocks());
        assertTrue(GraphValidator.check(cut).isEmpty(), label + ": " + GraphValidator.check(cut));
        assertEquals(n - 1, TransformerStructure.discover(cut).blockCount());
        assertEquals(original.graph().outputs().stream().map(v -> v.name()).toList(), cut.graph().outputs().stream().map(v -> v.name()).toList(),
                label + ": outputs keep their names");
        assertTrue(r.bytesSaved() > 0 && r.nodesRemoved() > 0);
        double err = LayerFixtures.maxRelativeError(original, cut);
        if (preLn) assertTrue(err <= 1e-4, label + ": the last block added nothing, error " + err);
        else assertTrue(err > 1e-3, label + ": a post-LN block always changes the stream, error " + err);

        Model dropped = LayerFixtures.copy(original);
        LayerEdits.removeBlocks(dropped, TransformerStructure.discover(dropped), List.of(1));
        assertEquals(n - 1, TransformerStructure.discover(dropped).blockCount());
        assertTrue(LayerFixtures.maxRelativeError(original, dropped) > 1e-3, label + ": block 1 mattered");
    }

    @Test
    void adjacentBlocksCollapseOntoTheFirstInputAndBadNumbersChangeNothing() {
        Model m = LayerFixtures.families().get(2).layers(5).build();
        Model copy = LayerFixtures.copy(m);
        LayerEdits.Removal r = LayerEdits.removeBlocks(copy, TransformerStructure.discover(copy), List.of(4, 2, 3));
        assertEquals(List.of(2, 3, 4), r.blocks());
        assertEquals(2, TransformerStructure.discover(copy).blockCount());
        assertTrue(GraphValidator.check(copy).isEmpty());
        assertEquals(List.of(List.of(2, 3, 4), List.of(6)), LayerEdits.runs(List.of(2, 3, 4, 6)));

        byte[] before = ModelWriter.toBytes(m);
        TransformerStructure s = TransformerStructure.discover(m);
        TechniqueException range = assertThrows(TechniqueException.class, () -> LayerEdits.removeBlocks(m, s, List.of(2, 6)));
        assertTrue(range.getMessage().contains("block 6 is out of range") && range.getMessage().contains("blocks 1 to 5"), range.getMessage());
        TechniqueException all = assertThrows(TechniqueException.class, () -> LayerEdits.removeBlocks(m, s, List.of(1, 2, 3, 4, 5)));
        assertTrue(all.getMessage().contains("all 5 blocks") && all.getMessage().contains("at least one block must stay"), all.getMessage());
        TechniqueException last = assertThrows(TechniqueException.class, () -> LayerEdits.truncateAfter(m, s, 5));
        assertTrue(last.getMessage().contains("from 1 to 4"), last.getMessage());
        assertArrayEquals(before, ModelWriter.toBytes(m), "refused edits leave the model as it was");
    }
}
