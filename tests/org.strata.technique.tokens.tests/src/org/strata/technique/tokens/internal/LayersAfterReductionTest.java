package org.strata.technique.tokens.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.strata.core.TechniqueException;
import org.strata.onnx.Model;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.structure.TransformerStructure;

/**
 * The layer techniques after a token reduction: the blocks after it run on merged slots, so the analyses that compare
 * every block on the same tokens (block influence, layer similarity, ablation, early exit) refuse with a message that
 * names the reduction and the order to use, and the model is left as it was; an exit after the reduced blocks, which
 * would output slots instead of tokens, is refused too.
 */
class LayersAfterReductionTest {
    @Test
    void layerStepsAfterATokenReductionAreRefusedClearly() throws Exception {
        Model plain = Runs.miniLm();
        assertEquals(List.of(), TransformerStructure.discover(plain).tokenReductions());
        Model m = Runs.copy(plain);
        Runs.apply(new TokenDrop(), m, Map.of());
        assertEquals(List.of(2), TransformerStructure.discover(m).tokenReductions());
        byte[] before = ModelWriter.toBytes(m);

        for (String id : List.of("layers.drop", "layers.share", "analyze.layers", "layers.exit")) {
            TechniqueException e = assertThrows(TechniqueException.class, () -> Runs.apply(Registry.technique(id), m, Map.of()), id);
            System.out.println(id + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("reduced after block 2") && e.getMessage().contains("before the token reduction"),
                    id + ": " + e.getMessage());
            assertArrayEquals(before, ModelWriter.toBytes(m), id + " changed the model");
        }
        TechniqueException exit = assertThrows(TechniqueException.class,
                () -> Runs.apply(Registry.technique("layers.exit"), m, Map.of("block", 4)));
        assertTrue(exit.getMessage().contains("block 4 outputs the reduced sequence") && exit.getMessage().contains("after block 2 or earlier"),
                exit.getMessage());
        assertArrayEquals(before, ModelWriter.toBytes(m));
    }

    /**
     * Head pruning after tokens.drop: the reduction ranks the tokens by block 3's attention, so block 3's heads stay
     * (noted in the change) while the other blocks are pruned; naming block 3, or one of its heads, is refused.
     */
    @Test
    void headPruningLeavesTheBlockTheReductionReads() throws Exception {
        Model m = Runs.miniLm();
        Runs.apply(new TokenDrop(), m, Map.of());
        byte[] before = ModelWriter.toBytes(m);
        for (Map<String, Object> named : List.<Map<String, Object>>of(Map.of("blocks", List.of(3)), Map.of("heads", List.of("3:1")))) {
            TechniqueException e = assertThrows(TechniqueException.class, () -> Runs.apply(Registry.technique("prune.heads"), m, named));
            assertTrue(e.getMessage().contains("reads the attention of block 3") && e.getMessage().contains("prune before the token reduction"),
                    e.getMessage());
            assertArrayEquals(before, ModelWriter.toBytes(m), named.toString());
        }
        org.strata.core.Technique prune = Registry.technique("prune.heads");
        org.strata.core.ModelRunner runner = new org.strata.core.ModelRunner(Runs.tokenizer(),
                org.strata.runtime.TextCorpus.builtIn().calibration(), org.strata.runtime.SessionSettings.defaults());
        org.strata.core.Change c = prune.apply(m, org.strata.core.Parameters.of(prune.descriptor(), Map.of("criterion", "magnitude", "calibration-texts", 8)),
                org.strata.core.TechniqueContext.simple(m, org.strata.core.TargetRuntime.ONNXRUNTIME, List.of(), x -> {}, runner));
        System.out.println("prune.heads after tokens.drop: " + c.summary() + " " + c.details());
        assertTrue(c.details().get("left as it is").contains("block 3"), c.details().toString());
        TransformerStructure s = TransformerStructure.discover(m);
        assertEquals(List.of(2), s.tokenReductions());
        for (var b : s.blocks()) {
            if (b.number() == 3) assertEquals(12, b.attention().heads(), "block 3 keeps its heads");
            else assertTrue(b.attention().heads() < 12, "block " + b.number() + " pruned: " + b.attention().heads());
        }
    }
}
