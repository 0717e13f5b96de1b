package org.strata.technique.layers.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.strata.core.AnalysisTable;
import org.strata.core.Change;
import org.strata.onnx.Model;
import org.strata.onnx.ModelWriter;
import org.strata.testing.TransformerSpec;

/** analyze.layers measures and changes nothing. */
class LayerAnalysisTest {

    @Test
    void miniLmGetsEveryAnalysisAndStaysByteIdentical() {
        Model m = LayerTestSupport.miniLm();
        byte[] before = ModelWriter.toBytes(m);
        Change c = LayerTestSupport.apply(new LayerAnalysis(), m, Map.of("texts", 16), LayerTestSupport.miniLmRunner());
        System.out.println("MiniLM: " + c.summary());
        assertFalse(c.modified(), c.toString());
        assertArrayEquals(before, ModelWriter.toBytes(m));
        assertEquals(List.of("block-influence", "layer-similarity-cka", "layer-similarity-cosine", "block-ablation", "early-exit"),
                c.analyses().stream().map(AnalysisTable::id).toList());
        assertEquals(List.of(AnalysisTable.Kind.BARS, AnalysisTable.Kind.HEATMAP, AnalysisTable.Kind.HEATMAP, AnalysisTable.Kind.BARS,
                AnalysisTable.Kind.LINES), c.analyses().stream().map(AnalysisTable::kind).toList());
        for (AnalysisTable t : c.analyses()) {
            assertTrue(t.rows().contains("block 6") || t.columns().contains("block 6"), t.id() + " is labelled by block from 1");
            assertFalse(t.rows().contains("block 0") || t.columns().contains("block 0"));
        }
        assertTrue(c.summary().contains("least influential block"), c.summary());
    }

    @Test
    void everyFamilyCanBeAnalysedAndAChoiceOfAnalysesIsHonoured() {
        for (TransformerSpec spec : LayerTestSupport.families()) {
            Model m = LayerTestSupport.sized(spec, 3).build();
            byte[] before = ModelWriter.toBytes(m);
            Change c = LayerTestSupport.apply(new LayerAnalysis(), m, Map.of("texts", 4), LayerTestSupport.randomRunner());
            assertEquals(5, c.analyses().size(), spec.family().toString());
            assertArrayEquals(before, ModelWriter.toBytes(m), spec.family().toString());
        }
        Model m = LayerTestSupport.families().get(2).build();
        Change c = LayerTestSupport.apply(new LayerAnalysis(), m, Map.of("texts", 4, LayerAnalysis.ANALYSES, List.of("ablation")),
                LayerTestSupport.randomRunner());
        assertEquals(List.of("block-ablation"), c.analyses().stream().map(AnalysisTable::id).toList());
    }
}
