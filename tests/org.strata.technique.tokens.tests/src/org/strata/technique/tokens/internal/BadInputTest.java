package org.strata.technique.tokens.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.strata.core.ParameterException;
import org.strata.core.Technique;
import org.strata.core.TechniqueException;
import org.strata.onnx.Model;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;

/** Refusals: a clear one-line message naming what is wrong, and the model left exactly as it was. */
class BadInputTest {
    /** Asserts that {@code t} refuses {@code m} with {@code params} with a message containing every one of {@code words}. */
    private static void refused(Class<? extends RuntimeException> type, Technique t, Model m, Map<String, ?> params,
            String... words) {
        byte[] before = ModelWriter.toBytes(m);
        Executable run = () -> Runs.apply(t, m, params);
        RuntimeException e = assertThrows(type, run);
        System.out.println(t.descriptor().id() + " " + params + ": " + e.getMessage());
        for (String w : words) assertTrue(e.getMessage().contains(w), "'" + w + "' missing from: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertArrayEquals(before, ModelWriter.toBytes(m), "nothing written");
    }

    private static Model bert() {
        return SyntheticTransformers.bertPostLn().layers(4).build();
    }

    @Test
    void keepRatiosOutsideZeroToOneAreRefused() {
        refused(TechniqueException.class, new TokenDrop(), bert(), Map.of(TokenParameters.KEEP, List.of("0")), "keep 0", "above 0");
        refused(TechniqueException.class, new TokenDrop(), bert(), Map.of(TokenParameters.KEEP, List.of("-0.2")), "keep -0.2");
        refused(TechniqueException.class, new TokenDrop(), bert(), Map.of(TokenParameters.KEEP, List.of("1.5")), "keep 1.5", "at most 1");
        refused(TechniqueException.class, new TokenDrop(), bert(), Map.of(TokenParameters.KEEP, List.of("half")), "'half' is not a number");
        refused(TechniqueException.class, new TokenMerge(), bert(), Map.of(TokenParameters.KEEP, 0.0), "keep 0.0", "above 0");
        refused(TechniqueException.class, new TokenPool(), bert(), Map.of(TokenParameters.KEEP, 0.0), "keep 0.0");
        refused(ParameterException.class, new TokenMerge(), bert(), Map.of(TokenParameters.KEEP, 1.5), "keep", "out of range");
        refused(ParameterException.class, new TokenPool(), bert(), Map.of(TokenParameters.KEEP, 2), "keep", "out of range");
    }

    @Test
    void blocksThatDoNotExistOrLeaveNothingToReduceAreRefused() {
        refused(TechniqueException.class, new TokenDrop(), bert(), Map.of(TokenDrop.BLOCKS, List.of(7)), "block 7",
                "beyond the last block", "1 to 4");
        refused(TechniqueException.class, new TokenMerge(), bert(), Map.of(TokenParameters.BLOCK, 5), "block 5", "beyond the last block");
        refused(TechniqueException.class, new TokenPool(), bert(), Map.of(TokenParameters.BLOCK, 4), "block 4 is the last block",
                "from 1 to 3");
        refused(ParameterException.class, new TokenPool(), bert(), Map.of(TokenParameters.BLOCK, 0), "block");
        refused(TechniqueException.class, new TokenDrop(), bert(), Map.of(TokenDrop.BLOCKS, List.of(3, 2)), "strictly increasing");
        refused(TechniqueException.class, new TokenDrop(), bert(),
                Map.of(TokenDrop.BLOCKS, List.of(1, 2), TokenParameters.KEEP, List.of("0.5", "0.7")), "keeps at most");
        refused(TechniqueException.class, new TokenDrop(), bert(),
                Map.of(TokenDrop.BLOCKS, List.of(1, 2, 3), TokenParameters.KEEP, List.of("0.7", "0.5")), "2 values for 3 blocks");
    }

    @Test
    void aGraphWhoseMaskPathCannotBeFoundIsRefused() {
        Model m = bert();
        // the attentions add a constant instead of a bias computed from the attention_mask input
        Value mask = TransformerStructure.discover(m).block(1).attention().masks().get(0);
        Value constant = m.graph().addInitializer("constant_bias", TensorCodec.fromFloats("constant_bias", new long[] {1, 1, 1, 1}, new float[] {0}));
        m.graph().replaceAllUsesWith(mask, constant);
        m.graph().removeDeadNodes();
        refused(TechniqueException.class, new TokenDrop(), m, Map.of(), "attention mask path could not be found", "constant_bias");
    }

    @Test
    void fullKeysInTheNextBlockNeedItsOwnKeyAndValueProjections() throws Exception {
        Model packed = SyntheticTransformers.bertPostLn().layers(3).qkv(TransformerSpec.QkvForm.SPLIT).build();
        refused(TechniqueException.class, new TokenDrop(), packed, Map.of(TokenDrop.BLOCKS, List.of(1)), "block 2",
                "one projection", "next-block-keys to kept");
        refused(TechniqueException.class, new TokenMerge(), packed, Map.of(TokenParameters.BLOCK, 2), "block 3", "next-block-keys");
        // what the message suggests works, and runs
        Model m = Runs.copy(packed);
        Runs.apply(new TokenDrop(), m, Map.of(TokenDrop.BLOCKS, List.of(1), TokenParameters.NEXT_BLOCK_KEYS, "kept"));
        try (var s = Runs.session(m)) {
            Runs.Out out = Runs.run(s, Runs.random(100, 3, 12, 5)).get("last_hidden_state");
            assertArrayEquals(new long[] {2, 12, 64}, out.shape());
            assertTrue(Runs.finite(out.values()));
        }
    }

    @Test
    void decodersAndFusedAttentionAreRefused() {
        refused(TechniqueException.class, new TokenMerge(), SyntheticTransformers.gpt().layers(3).build(), Map.of(TokenParameters.BLOCK, 1),
                "block 1's attention is causal", "encoders");
        refused(TechniqueException.class, new TokenDrop(), SyntheticTransformers.llama().layers(3).build(), Map.of(TokenDrop.BLOCKS, List.of(1)),
                "causal");
        Model fused = SyntheticTransformers.bertPostLn().layers(3).attention(TransformerSpec.AttentionForm.ATTENTION).build();
        refused(TechniqueException.class, new TokenPool(), fused, Map.of(TokenParameters.BLOCK, 1), "fused", "Attention",
                "before steps that fuse attention");
        refused(TechniqueException.class, new TokenPool(), SyntheticTransformers.bertPostLn().layers(1).build(), Map.of(TokenParameters.BLOCK, 1),
                "only 1 block");
    }
}
