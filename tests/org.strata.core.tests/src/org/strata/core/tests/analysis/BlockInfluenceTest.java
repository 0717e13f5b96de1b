package org.strata.core.tests.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.strata.core.AnalysisTable;
import org.strata.core.ProgressMonitor;
import org.strata.core.analysis.BlockInfluence;
import org.strata.onnx.Model;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;

/** ShortGPT block influence: 0 for a block that changes nothing, positive for the others, on real and synthetic models. */
class BlockInfluenceTest {

    @ParameterizedTest(name = "pre-LN family {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void aBlockThatAddsNothingHasNoInfluence(int family) {
        TransformerSpec spec = LayerFixtures.families().get(family).layers(4).hidden(48).heads(family == 3 ? 6 : 4)
                .kvHeads(family == 3 ? 2 : 4);
        Model m = spec.build();
        LayerFixtures.neutralize(m, 3);
        BlockInfluence bi = BlockInfluence.measure(m, TransformerStructure.discover(m), LayerFixtures.randomRunner(), 6, ProgressMonitor.NULL);
        System.out.println(spec.family() + ": " + bi + " over " + bi.tokens() + " tokens");
        assertEquals(4, bi.blockCount());
        assertEquals(0.0, bi.of(3), 1e-6, "block 3 passes its input through");
        for (int b : List.of(1, 2, 4)) assertTrue(bi.of(b) > 1e-4, "block " + b + ": " + bi.of(b));
        assertEquals(3, bi.ranking().get(0));
        assertEquals(List.of(3), bi.leastInfluential(1));
        assertTrue(bi.tokens() > 0);
    }

    @Test
    void miniLmTableHasOneBarPerBlock() {
        Model m = LayerFixtures.miniLm();
        BlockInfluence bi = BlockInfluence.measure(m, TransformerStructure.discover(m), LayerFixtures.miniLmRunner(), 16, ProgressMonitor.NULL);
        System.out.println("MiniLM block influence: " + bi + ", ranking " + bi.ranking());
        for (int b = 1; b <= 6; b++) assertTrue(bi.of(b) > 0.01 && bi.of(b) < 1, "block " + b + ": " + bi.of(b));
        assertEquals(6, bi.ranking().get(5), "the last block turns the stream most");
        AnalysisTable t = bi.table();
        assertEquals(BlockInfluence.ID, t.id());
        assertEquals(AnalysisTable.Kind.BARS, t.kind());
        assertEquals(6, t.rows().size());
        assertEquals("block 1", t.rows().get(0));
        assertEquals(bi.of(4), t.value(3, 0), 0.0);
        // Only real tokens count: 16 texts of a few words each, not 16 × 128 padded positions.
        assertTrue(bi.tokens() > 16 && bi.tokens() < 16 * 64, "tokens " + bi.tokens());
    }

    @Test
    void postLnBlocksAllHaveInfluence() {
        Model m = SyntheticTransformers.bertPostLn().vocab(1000).layers(3).build();
        BlockInfluence bi = BlockInfluence.measure(m, TransformerStructure.discover(m), LayerFixtures.randomRunner(), 4, ProgressMonitor.NULL);
        for (int b = 1; b <= 3; b++) assertTrue(bi.of(b) > 0 && bi.of(b) < 2, "block " + b + ": " + bi.of(b));
    }
}
