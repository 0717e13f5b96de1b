package org.strata.technique.tokens.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.NormKind;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.runtime.Evaluator;
import org.strata.runtime.TextCorpus;

import ai.onnxruntime.OrtSession;

/**
 * A token reduction goes first in a pipeline; clean-up, fusion and int8 quantization after it still find all six
 * blocks of MiniLM, and the result runs in ONNX Runtime with the output's shape unchanged.
 */
class PipelineTest {
    @Test
    void cleanupFusionAndInt8AfterATokenDropStillSeeEveryBlock() throws Exception {
        Model original = Runs.miniLm();
        List<String> log = new ArrayList<>();
        Model m = Pipelines.run(original, Pipelines.with(Pipelines.step(TokenDrop.ID, Map.of()), Pipelines.fuseAndInt8()), log);
        log.forEach(System.out::println);
        TransformerStructure s = TransformerStructure.discover(m);
        assertEquals(6, s.blockCount(), s.summary());
        for (Block b : s.blocks()) {
            assertEquals(NormKind.SKIP_LAYER_NORM, b.ffnNorm().kind(), "block " + b.number() + " fused");
            // fusion may pack Q, K and V into one Attention (then quantized as QAttention); not in block 3, whose keys
            // and values read the full sequence while its queries read the kept tokens
            org.strata.onnx.structure.Projection q = b.attention().q() != null ? b.attention().q() : b.attention().qkv();
            assertTrue(q != null && q.quantization() != org.strata.onnx.structure.Quantization.NONE, "block " + b.number() + " quantized");
        }
        long skips = m.graph().nodes().stream().filter(n -> n.is(Node.MS_DOMAIN, "SkipLayerNormalization")).count();
        assertTrue(skips >= 12, "two skip norms per block at least: " + skips);
        // fusion's defaults write BiasGelu; int8 folds that bias into the up projection's product (6 % faster here)
        assertEquals(0, m.graph().nodes().stream().filter(n -> n.is(Node.MS_DOMAIN, "BiasGelu")).count());
        assertEquals(6, m.graph().nodes().stream().filter(n -> n.is(Node.MS_DOMAIN, "Gelu")
                && n.input(0).producer().is(Node.MS_DOMAIN, "DynamicQuantizeMatMul") && n.input(0).producer().input(4) != null).count(),
                "a Gelu after each block's up projection, which takes the bias");

        List<String> passages = TextCorpus.builtIn().passages().evaluation().subList(0, 6);
        try (OrtSession a = Runs.session(original); OrtSession b = Runs.session(m)) {
            Runs.Batch batch = Runs.texts(Runs.tokenizer(), List.of(passages.get(0), "A short one."), 256);
            assertArrayEquals(Runs.run(a, batch).get("last_hidden_state").shape(), Runs.run(b, batch).get("last_hidden_state").shape());
            EmbeddingFidelity f = new Evaluator(new Evaluator.Settings(1, 256)).compareEmbeddings(a, b, Runs.tokenizer(), passages);
            System.out.println("tokens.drop (defaults) + clean-up + fusion + int8, 6 passages at 256: " + f);
            assertTrue(f.meanCosine() > 0.95, f.toString()); // 0.971 on all 17 evaluation passages
        }
    }

    /**
     * After a reduction the later blocks' attention reads the slot mask (a Where over the slots in use) instead of the
     * padding mask: fusion turns it into the Attention's mask_index, so those blocks fuse too, and the fused model gives
     * the reduced model's outputs (fusion is lossless) on a batch of mixed lengths.
     */
    @Test
    void blocksAfterAReductionFuseWithTheSlotMaskAndStayExact() throws Exception {
        Model reduced = Pipelines.run(Runs.miniLm(), List.of(Pipelines.step(TokenDrop.ID, Map.of("proportional-attention", false))), new ArrayList<>());
        List<String> log = new ArrayList<>();
        Model fused = Pipelines.run(reduced, List.of(Pipelines.step("cleanup.graph", Map.of()), Pipelines.step("fuse.transformer", Map.of())), log);
        log.forEach(System.out::println);
        long attentions = fused.graph().nodes().stream().filter(n -> n.is(Node.MS_DOMAIN, "Attention")).count();
        // blocks 1-2 before the reduction and 4-6 after it; block 3 reads its keys and values from the full sequence
        assertEquals(5, attentions, "fused attentions");
        List<String> passages = TextCorpus.builtIn().passages().evaluation();
        try (OrtSession a = Runs.session(reduced); OrtSession b = Runs.session(fused)) {
            Runs.Batch batch = Runs.texts(Runs.tokenizer(), List.of(passages.get(0), "A short one.", passages.get(1)), 200);
            Runs.Out ra = Runs.run(a, batch).get("last_hidden_state"), rb = Runs.run(b, batch).get("last_hidden_state");
            double d = Runs.maxDiffOnRealTokens(ra, rb, batch);
            System.out.println("fused after tokens.drop: max |difference| " + d);
            assertTrue(d < 1e-3, "max difference " + d);
        }
    }

    /**
     * float16 after a token reduction: the reduction's CumSum has no float16 form at MiniLM's opset 11, so it stays
     * float32 (ONNX Runtime refused the whole model before); the rest runs in float16 and follows the reduced model
     * on a batch of mixed lengths.
     */
    @Test
    void float16AfterATokenDropRuns() throws Exception {
        Model reduced = Runs.miniLm();
        Runs.apply(new TokenDrop(), reduced, Map.of());
        Model half = Pipelines.run(reduced, List.of(Pipelines.step("quantize.fp16", Map.of())), new ArrayList<>());
        assertTrue(half.graph().nodes().stream().anyMatch(n -> n.is("CumSum")), "the reduction's CumSum is still there");
        try (OrtSession a = Runs.session(reduced); OrtSession b = Runs.session(half)) {
            Runs.Batch batch = Runs.texts(Runs.tokenizer(), List.of(TextCorpus.builtIn().passages().evaluation().get(0), "A short one."), 128);
            Runs.Out want = Runs.run(a, batch).get("last_hidden_state");
            Runs.Out got = Runs.run(b, batch).get("last_hidden_state");
            assertArrayEquals(want.shape(), got.shape());
            double cos = Runs.cosine(want.values(), got.values());
            System.out.println("tokens.drop then fp16: cosine " + cos + " against the float32 reduced model");
            assertTrue(cos > 0.999, "cosine " + cos);
        }
    }
}
