package org.strata.core.tests.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.core.AnalysisTable;
import org.strata.core.ProgressMonitor;
import org.strata.core.analysis.EarlyExitAnalysis;
import org.strata.onnx.Model;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.testing.TransformerSpec;

/** Early-exit fidelity: exact where the later blocks add nothing, a line per statistic for the report. */
class EarlyExitAnalysisTest {

    @Test
    void exitingBeforePassThroughBlocksKeepsTheOutputs() {
        for (TransformerSpec spec : LayerFixtures.families().subList(1, 5)) {
            Model m = spec.layers(4).build();
            LayerFixtures.neutralize(m, 3);
            LayerFixtures.neutralize(m, 4);
            EarlyExitAnalysis e = EarlyExitAnalysis.measure(m, TransformerStructure.discover(m), LayerFixtures.randomRunner(), 4,
                    ProgressMonitor.NULL);
            System.out.println(spec.family() + " early exit: " + e);
            assertEquals(1.0, e.meanCosine(2), 1e-5, spec.family() + ": blocks 3 and 4 add nothing");
            assertEquals(1.0, e.meanCosine(3), 1e-5);
            assertTrue(e.meanCosine(1) < 0.99999, spec.family() + ": block 2 matters");
            assertEquals(2, e.firstReaching(0.9999));
            assertEquals(1.0, e.meanCosine(4), 0.0, "the full model");
        }
    }

    @Test
    void miniLmExitsAreMeasuredForEveryBlock() {
        Model m = LayerFixtures.miniLm();
        EarlyExitAnalysis e = EarlyExitAnalysis.measure(m, TransformerStructure.discover(m), LayerFixtures.miniLmRunner(), 16,
                ProgressMonitor.NULL);
        System.out.println("MiniLM early exit: " + e);
        for (int k = 1; k < 6; k++) assertTrue(e.meanCosine(k) > 0 && e.meanCosine(k) < 0.99, "after block " + k + ": " + e.meanCosine(k));
        assertEquals(6, e.firstReaching(0.99));
        AnalysisTable t = e.table();
        assertEquals(AnalysisTable.Kind.LINES, t.kind());
        assertEquals(List.of("mean cosine", "min cosine"), t.rows());
        assertEquals(6, t.columns().size());
        assertEquals(e.meanCosine(2), t.value(0, 1), 0.0);
    }
}
