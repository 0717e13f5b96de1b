package org.strata.core.tests.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.core.AnalysisTable;
import org.strata.core.ModelRunner;
import org.strata.core.ProgressMonitor;
import org.strata.core.analysis.BlockAblation;
import org.strata.core.analysis.BlockInfluence;
import org.strata.core.analysis.LayerReference;
import org.strata.onnx.Model;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.testing.TransformerSpec;

/** Per-block ablation: removing a block that adds nothing keeps cosine 1; on MiniLM, a table for every block. */
class BlockAblationTest {

    @Test
    void removingAPassThroughBlockCostsNothingAndTheOthersCostSomething() {
        for (TransformerSpec spec : LayerFixtures.families().subList(1, 5)) {
            Model m = spec.layers(3).build();
            LayerFixtures.neutralize(m, 2);
            BlockAblation a = BlockAblation.measure(m, TransformerStructure.discover(m), LayerFixtures.randomRunner(), 4, ProgressMonitor.NULL);
            System.out.println(spec.family() + " ablation: " + a);
            assertEquals(1.0, a.meanCosine(2), 1e-5, spec.family() + ": block 2 passes its input through");
            assertEquals(1.0, a.minCosine(2), 1e-5);
            assertTrue(a.meanCosine(1) < 0.99999 && a.meanCosine(3) < 0.99999, spec.family() + ": " + a);
            assertEquals(2, a.ranking().get(0));
            assertEquals(List.of(2), a.cheapest(1));
        }
    }

    @Test
    void miniLmAblationTableAndTheInfluenceGuidedChoice() {
        Model m = LayerFixtures.miniLm();
        TransformerStructure s = TransformerStructure.discover(m);
        ModelRunner runner = LayerFixtures.miniLmRunner();
        LayerReference reference = new LayerReference(m, runner, 32);
        assertEquals("last_hidden_state", reference.output());
        assertEquals(1.0, reference.agreement(m).meanCosine(), 1e-6, "the model agrees with itself");
        BlockAblation a = BlockAblation.measure(m, s, reference, ProgressMonitor.NULL);
        BlockInfluence bi = BlockInfluence.measure(m, s, runner, 32, ProgressMonitor.NULL);
        StringBuilder table = new StringBuilder("MiniLM, one block removed (32 calibration texts):\n");
        for (int b = 1; b <= 6; b++) {
            table.append(String.format("  block %d: influence %.4f, mean cosine %.4f, min %.4f%n", b, bi.of(b), a.meanCosine(b), a.minCosine(b)));
        }
        int byInfluence = bi.ranking().get(0);
        int byAblation = a.ranking().get(0);
        table.append("  least influential: block ").append(byInfluence).append(" (cosine ").append(String.format("%.4f", a.meanCosine(byInfluence)))
                .append("), best by ablation: block ").append(byAblation).append(" (").append(String.format("%.4f", a.meanCosine(byAblation))).append(')');
        System.out.println(table);
        for (int b = 1; b <= 6; b++) {
            assertTrue(a.meanCosine(b) > 0.2 && a.meanCosine(b) < 0.999, "block " + b + ": " + a.meanCosine(b));
            assertTrue(a.minCosine(b) <= a.meanCosine(b));
        }
        assertEquals(6, a.ranking().get(5), "without its last block MiniLM loses most");
        assertTrue(a.meanCosine(byInfluence) >= a.meanCosine(byAblation) - 0.01,
                "the least influential block is (nearly) the cheapest to remove: " + table);
        AnalysisTable t = a.table();
        assertEquals(BlockAblation.ID, t.id());
        assertEquals(List.of("mean cosine", "min cosine"), t.columns());
        assertEquals(a.minCosine(5), t.value(4, 1), 0.0);
    }
}
