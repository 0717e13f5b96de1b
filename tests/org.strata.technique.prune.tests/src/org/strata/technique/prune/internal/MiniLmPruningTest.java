package org.strata.technique.prune.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.strata.core.AnalysisTable;
import org.strata.core.Change;
import org.strata.core.analysis.HeadImportance;
import org.strata.core.analysis.NeuronImportance;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddingFidelity;

/**
 * The techniques on the real MiniLM (torch export, opset 11, Concat-built reshape targets): a quarter of the heads
 * and of the FFN neurons, per block and globally, with calibration text; explicit heads against the masking
 * reference; and the fidelity that costs, printed.
 */
class MiniLmPruningTest {
    @Test
    void aQuarterOfTheHeadsPerBlock() {
        Model m = PruneFixture.minilm();
        Change c = PruneFixture.apply(new HeadPruning(), m, Map.of(), true);
        System.out.println("MiniLM heads 25 %: " + c.summary() + " " + c.details());
        assertEquals(List.of(), GraphValidator.check(m));
        TransformerStructure s = TransformerStructure.discover(m);
        for (Block b : s.blocks()) {
            assertEquals(9, b.attention().heads());
            assertEquals(288, b.attention().o().inFeatures());
            assertEquals(288, b.attention().q().outFeatures());
        }
        assertEquals(List.of(1, 2, 3, 4, 5, 6), c.blocksTouched());
        AnalysisTable heat = c.analyses().stream().filter(a -> a.id().equals(HeadImportance.ID)).findFirst().orElseThrow();
        assertEquals(AnalysisTable.Kind.HEATMAP, heat.kind());
        assertEquals(6, heat.rows().size());
        assertEquals(12, heat.columns().size());
        EmbeddingFidelity f = PruneFixture.fidelity(m);
        System.out.println("  fidelity " + f);
        assertTrue(f.meanCosine() > 0.85 && f.meanCosine() < 0.9999, f.toString());
    }

    @Test
    void aQuarterOfTheFfnNeuronsPerBlockAndGlobally() {
        Model m = PruneFixture.minilm();
        Change c = PruneFixture.apply(new FfnPruning(), m, Map.of(), true);
        System.out.println("MiniLM FFN 25 %: " + c.summary() + " " + c.details());
        assertEquals(List.of(), GraphValidator.check(m));
        for (Block b : TransformerStructure.discover(m).blocks()) assertEquals(1152, b.ffn().intermediateSize());
        assertTrue(c.analyses().stream().anyMatch(a -> a.id().equals(NeuronImportance.ID)));
        EmbeddingFidelity f = PruneFixture.fidelity(m);
        System.out.println("  fidelity " + f);
        assertTrue(f.meanCosine() > 0.9 && f.meanCosine() < 0.9999, f.toString());

        Model g = PruneFixture.minilm();
        Change cg = PruneFixture.apply(new FfnPruning(), g, Map.of("global", "true", "multiple-of", "16"), true);
        System.out.println("MiniLM FFN 25 % global: " + cg.summary() + " " + cg.details());
        long total = 0;
        for (Block b : TransformerStructure.discover(g).blocks()) {
            assertEquals(0, b.ffn().intermediateSize() % 16);
            total += b.ffn().intermediateSize();
        }
        assertEquals(6 * 1152, total, 6 * 8, "about three quarters of the neurons stay");
        System.out.println("  fidelity " + PruneFixture.fidelity(g));
    }

    @Test
    void explicitHeadsOfTheRealExportEqualZeroingTheirOutputRows() {
        Model original = PruneFixture.minilm();
        Model masked = PruneFixture.copy(original);
        TransformerStructure ms = TransformerStructure.discover(masked);
        PruneFixture.zeroRows(masked, ms.block(2).attention().o(), PruneFixture.features(new int[] {0, 5, 11}, 32));
        PruneFixture.zeroRows(masked, ms.block(6).attention().o(), PruneFixture.features(new int[] {3}, 32));
        Model pruned = PruneFixture.copy(original);
        Change c = PruneFixture.apply(new HeadPruning(), pruned, Map.of("heads", "2:1,2:6,2:12,6:4", "criterion", "fluctuation", "compensate", "false"), false);
        assertEquals(List.of(2, 6), c.blocksTouched());
        assertEquals("12,9,12,12,12,11", c.details().get("heads per block"));
        assertTrue(PruneFixture.same(PruneFixture.compare(masked, pruned)));
    }

    @Test
    void globalHeadPruningTakesMoreFromWeakBlocks() {
        Model m = PruneFixture.minilm();
        Change c = PruneFixture.apply(new HeadPruning(), m, Map.of("global", "true", "fraction", "0.25"), true);
        System.out.println("MiniLM heads 25 % global: " + c.summary() + " " + c.details());
        int total = 0;
        for (Block b : TransformerStructure.discover(m).blocks()) {
            assertTrue(b.attention().heads() >= 1);
            total += b.attention().heads();
        }
        assertEquals(54, total);
        assertTrue(PruneFixture.fidelity(m).meanCosine() > 0.8);
    }
}
