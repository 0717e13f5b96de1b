package org.strata.technique.fuse.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.technique.fuse.internal.FusionTesting.any;
import static org.strata.technique.fuse.internal.FusionTesting.assertLossless;
import static org.strata.technique.fuse.internal.FusionTesting.assertValid;
import static org.strata.technique.fuse.internal.FusionTesting.copy;
import static org.strata.technique.fuse.internal.FusionTesting.detail;
import static org.strata.technique.fuse.internal.FusionTesting.fuse;
import static org.strata.technique.fuse.internal.FusionTesting.ms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.strata.core.Change;
import org.strata.core.TargetRuntime;
import org.strata.core.TechniqueException;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.Node;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.NormKind;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.Evaluator;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.OutputFidelity;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** fuse.transformer on the embedded MiniLM and on every synthetic family, with ONNX Runtime as the oracle. */
class TransformerFusionTest {
    private static final int TEXTS = 16;

    @Test
    void miniLmFusesAttentionGeluAndEveryNormAndKeepsItsOutputsOnPaddedText() throws OrtException {
        EmbeddedModel embedded = EmbeddedModels.fp32();
        Model original = ModelReader.read(embedded.model());
        Model fused = ModelReader.read(embedded.model());
        Change change = fuse(fused);
        System.out.println("MiniLM fp32 (opset " + fused.opset(Node.DEFAULT_DOMAIN) + "): " + change.summary() + " " + change.details());

        assertValid(fused);
        assertTrue(change.modified());
        assertEquals(6, ms(fused, "Attention"), "one per block");
        assertEquals(6, ms(fused, "BiasGelu"), "one per block, with the up-projection bias");
        assertEquals(13, ms(fused, "SkipLayerNormalization"), "12 residual norms and the embedding norm (token + position sum)");
        assertEquals(0, any(fused, "LayerNormalization"));
        for (String gone : List.of("ReduceMean", "Softmax", "Erf", "Transpose", "Reshape")) {
            assertEquals(0, any(fused, gone), gone + " is fused away");
        }
        assertEquals(18, any(fused, "MatMul"), "the attention output, FFN up and FFN down projections stay");
        assertEquals(1L, fused.opset(Node.MS_DOMAIN));
        assertEquals(6, detail(change, "attentions"));
        assertEquals(13, detail(change, "skip-layer-norms"));
        assertEquals(0, detail(change, "left"));
        assertEquals(18, detail(change, "biases-folded"), "6 attention-output, 6 FFN-down (skip norms) and 6 FFN-up (BiasGelu) biases");
        assertEquals(original.graph().nodes().size() - fused.graph().nodes().size(), change.nodesRemoved() - change.nodesAdded());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), change.blocksTouched());
        for (Node n : fused.graph().nodes()) {
            if (!n.is(Node.MS_DOMAIN, "Attention")) continue;
            assertEquals(12, n.attrInt("num_heads", -1), n.describe());
            assertArrayEquals(new long[] {384, 1152}, n.input(1).initializer().dims(), "packed [hidden, 3·hidden] QKV weight");
            assertArrayEquals(new long[] {1152}, n.input(2).initializer().dims());
            assertEquals(1 / Math.sqrt(32), n.attrFloat("scale", 0), 1e-6, "1/√(head size), from the graph's Div");
            assertTrue(n.attrFloat("mask_filter_value", 0) < -1e4, "the graph's own mask constant");
            assertTrue(n.input(3).producer().is("Cast"), "mask_index: the int32 attention mask");
        }

        TransformerStructure s = TransformerStructure.discover(fused);
        assertEquals(6, s.blockCount());
        for (Block b : s.blocks()) {
            assertTrue(b.attention().fused(), "block " + b.number());
            assertEquals(12, b.attention().heads());
            assertEquals(NormKind.SKIP_LAYER_NORM, b.attentionNorm().kind(), "block " + b.number());
            assertTrue(b.attentionResidual().fusedWithNorm() && b.ffnResidual().fusedWithNorm());
        }

        WordPieceTokenizer tokenizer = WordPieceTokenizer.load(embedded.tokenizer());
        List<String> texts = TextCorpus.builtIn().evaluation().subList(0, TEXTS);
        SessionSettings settings = SessionSettings.defaults();
        try (OrtSession a = OrtSessions.open(original, "reference", settings);
                OrtSession b = OrtSessions.open(copy(fused), "fused", settings)) {
            List<OutputFidelity> fidelity = new Evaluator().compareOutputs(a, b, tokenizer, texts);
            assertFalse(fidelity.isEmpty());
            for (OutputFidelity f : fidelity) {
                System.out.println("MiniLM fused, output " + f.output() + ": max abs error " + f.maxAbsError() + " (max |ref| "
                        + f.maxAbsReference() + ", relative " + f.relativeError() + ")");
                assertTrue(f.withinTolerance(OutputFidelity.LOSSLESS_TOLERANCE), f.toString());
            }
        }
        double worst = assertLossless(original, fused);
        System.out.println("MiniLM fused, padded random tokens: relative error " + worst);

        Change again = fuse(fused);
        assertFalse(again.modified(), "fusing twice changes nothing: " + again.summary());
    }

    @ParameterizedTest(name = "BERT post-LN, opset {0}")
    @ValueSource(ints = {17, 11})
    void postLnBertFusesEverything(int opset) throws OrtException {
        Model original = SyntheticTransformers.bertPostLn().opset(opset).build();
        Model fused = copy(original);
        Change change = fuse(fused);
        System.out.println("BERT post-LN opset " + opset + ": " + change.summary());
        assertValid(fused);
        assertEquals(2, ms(fused, "Attention"));
        assertEquals(2, ms(fused, "BiasGelu"));
        assertEquals(5, ms(fused, "SkipLayerNormalization"), "2 blocks × 2 residuals and the embedding sum");
        assertEquals(0, detail(change, "sums-kept"), "post-LN: only the norm reads a residual sum");
        assertEquals(0, any(fused, "Softmax") + any(fused, "ReduceMean") + any(fused, "Erf"));
        assertRediscovered(fused, 2);
        assertLossless(original, fused);
    }

    @Test
    void preLnBertKeepsTheResidualSumsAsOutput3() throws OrtException {
        Model original = SyntheticTransformers.bertPreLn().build();
        Model fused = copy(original);
        List<String> log = new ArrayList<>();
        Change change = fuse(fused, Map.of(), log);
        System.out.println("BERT pre-LN: " + change.summary() + " " + log);
        assertValid(fused);
        assertEquals(2, ms(fused, "Attention"));
        assertEquals(2, ms(fused, "BiasGelu"));
        assertEquals(3, ms(fused, "SkipLayerNormalization"), "the embedding sum and the 2 attention residuals");
        assertEquals(2, detail(change, "sums-kept"), "the attention residual sums go on to the FFN residual");
        long withSum = fused.graph().nodes().stream()
                .filter(n -> n.is(Node.MS_DOMAIN, "SkipLayerNormalization") && n.outputs().size() == 4 && n.output(3).hasUses()).count();
        assertEquals(2, withSum);
        assertEquals(3, any(fused, "LayerNormalization"), "block 1's first norm, and the norms after the FFN residuals");
        assertEquals(2, detail(change, "left"), "the FFN residuals: " + log);
        assertTrue(log.stream().allMatch(l -> l.contains("structure discovery")), log.toString());
        assertRediscovered(fused, 2);
        assertLossless(original, fused);
    }

    @Test
    void gptFusesFastGeluAndSkipNormsButLeavesTheCausalAttention() throws OrtException {
        Model original = SyntheticTransformers.gpt().build();
        Model fused = copy(original);
        List<String> log = new ArrayList<>();
        Change change = fuse(fused, Map.of(), log);
        System.out.println("GPT: " + change.summary() + " " + log);
        assertValid(fused);
        assertEquals(2, ms(fused, "FastGelu"));
        assertTrue(fused.graph().nodes().stream().filter(n -> n.is(Node.MS_DOMAIN, "FastGelu")).allMatch(n -> n.inputs().size() == 2),
                "with the c_fc bias");
        assertEquals(2, ms(fused, "SkipLayerNormalization"), "the attention residuals");
        assertEquals(2, detail(change, "sums-kept"));
        assertEquals(3, any(fused, "LayerNormalization"), "the norm of the embedding sum (the residual stream itself), the rest");
        assertEquals(0, ms(fused, "Attention"));
        assertEquals(2, any(fused, "Softmax"), "causal attention stays written out");
        assertEquals(4, detail(change, "left"), "2 causal attentions, 2 FFN residuals");
        assertEquals(2, log.stream().filter(l -> l.contains("causal")).count(), log.toString());
        assertRediscovered(fused, 2);
        assertLossless(original, fused);
    }

    @Test
    void llamaFusesRmsNormsAndSaysWhyItLeavesTheRotaryGroupedAttention() throws OrtException {
        Model original = SyntheticTransformers.llama().build();
        Model fused = copy(original);
        List<String> log = new ArrayList<>();
        Change change = fuse(fused, Map.of(), log);
        System.out.println("LLaMA: " + change.summary() + " " + log);
        assertValid(fused);
        assertEquals(2, ms(fused, "SkipSimplifiedLayerNormalization"), "the attention residuals");
        assertEquals(2, detail(change, "sums-kept"));
        assertEquals(3, count(fused, "", "SimplifiedLayerNormalization"), "the input norms and the final norm");
        assertEquals(0, any(fused, "Sqrt"), "no decomposed RMSNorm left");
        assertEquals(0, ms(fused, "Attention") + ms(fused, "FastGelu") + ms(fused, "Gelu"), "SwiGLU and rotary GQA stay");
        assertEquals(4, detail(change, "left"));
        assertEquals(2, log.stream().filter(l -> l.contains("rotary")).count(), log.toString());
        assertRediscovered(fused, 2);
        assertLossless(original, fused);
    }

    @Test
    void vitFusesAttentionWithoutAMask() throws OrtException {
        Model original = SyntheticTransformers.vit().build();
        Model fused = copy(original);
        Change change = fuse(fused);
        System.out.println("ViT: " + change.summary());
        assertValid(fused);
        assertEquals(2, ms(fused, "Attention"));
        assertTrue(fused.graph().nodes().stream().filter(n -> n.is(Node.MS_DOMAIN, "Attention")).allMatch(n -> n.inputs().size() == 3),
                "no mask_index");
        assertEquals(2, ms(fused, "BiasGelu"));
        assertEquals(2, ms(fused, "SkipLayerNormalization"), "the attention residuals");
        assertEquals(3, any(fused, "LayerNormalization"), "block 1's first norm (embeddings plus a constant), the others");
        assertRediscovered(fused, 2);
        assertLossless(original, fused);
    }

    @ParameterizedTest(name = "{0} with scrambled names")
    @ValueSource(strings = {"bertPostLn", "vit"})
    void namesDoNotMatter(String family) throws OrtException {
        TransformerSpec spec = family.equals("vit") ? SyntheticTransformers.vit() : SyntheticTransformers.bertPostLn();
        Model original = spec.build();
        Model fused = copy(original);
        SyntheticTransformers.scrambleNames(fused.graph(), 11);
        Change change = fuse(fused);
        assertValid(fused);
        assertEquals(2, ms(fused, "Attention"), change.summary());
        assertEquals(2, ms(fused, "BiasGelu"), change.summary());
        Model plain = copy(original);
        fuse(plain);
        assertEquals(plain.graph().nodes().size(), fused.graph().nodes().size());
    }

    @Test
    void switchesTurnRulesOff() throws OrtException {
        Model m = SyntheticTransformers.bertPostLn().build();
        fuse(m, Map.of(TransformerFusion.ATTENTION, false), new ArrayList<>());
        assertEquals(0, ms(m, "Attention"));
        assertEquals(2, any(m, "Softmax"));
        assertEquals(5, ms(m, "SkipLayerNormalization"));

        Model g = SyntheticTransformers.bertPostLn().build();
        fuse(g, Map.of(TransformerFusion.GELU, false), new ArrayList<>());
        assertEquals(0, ms(g, "BiasGelu") + ms(g, "Gelu"));
        assertEquals(2, any(g, "Erf"));

        Model nb = SyntheticTransformers.bertPostLn().build();
        Change c = fuse(nb, Map.of(TransformerFusion.BIAS_GELU, false), new ArrayList<>());
        assertEquals(2, ms(nb, "Gelu"));
        assertEquals(0, ms(nb, "BiasGelu"));
        assertEquals(4, detail(c, "biases-folded"), "only the skip norms take biases");
        assertLossless(SyntheticTransformers.bertPostLn().build(), nb);

        Model s = SyntheticTransformers.bertPostLn().build();
        Change sc = fuse(s, Map.of(TransformerFusion.SKIP_LAYER_NORM, false), new ArrayList<>());
        assertEquals(0, ms(s, "SkipLayerNormalization"));
        assertEquals(5, any(s, "LayerNormalization"), sc.summary());

        Model n = SyntheticTransformers.bertPostLn().build();
        fuse(n, Map.of(TransformerFusion.LAYER_NORM, false, TransformerFusion.SKIP_LAYER_NORM, false), new ArrayList<>());
        assertEquals(0, any(n, "LayerNormalization") + ms(n, "SkipLayerNormalization"));
        assertEquals(10, any(n, "ReduceMean"), "5 decomposed norms stay");
    }

    @Test
    void allSwitchesOffIsNothingToDo() {
        Model m = SyntheticTransformers.bertPostLn().build();
        byte[] before = ModelWriter.toBytes(m);
        Change c = fuse(m, Map.of(TransformerFusion.ATTENTION, false, TransformerFusion.GELU, false, TransformerFusion.SKIP_LAYER_NORM,
                false, TransformerFusion.LAYER_NORM, false), new ArrayList<>());
        assertFalse(c.modified(), c.summary());
        assertArrayEquals(before, ModelWriter.toBytes(m));
    }

    @Test
    void alreadyFusedGraphsAreLeftUnchanged() {
        for (TransformerSpec spec : List.of(
                SyntheticTransformers.bertPostLn().attention(TransformerSpec.AttentionForm.ATTENTION).norm(TransformerSpec.NormForm.SKIP)
                        .activation(TransformerSpec.ActivationForm.BIAS_GELU),
                SyntheticTransformers.llama().norm(TransformerSpec.NormForm.SKIP))) {
            Model m = spec.build();
            byte[] before = ModelWriter.toBytes(m);
            Change c = fuse(m);
            System.out.println(spec.family() + " fused form: " + c.summary());
            assertFalse(c.modified(), c.summary());
            assertArrayEquals(before, ModelWriter.toBytes(m), "the model is unchanged");
        }
    }

    @Test
    void theStandardOnnxTargetIsRefused() {
        Model m = SyntheticTransformers.bertPostLn().build();
        byte[] before = ModelWriter.toBytes(m);
        TechniqueException e = assertThrows(TechniqueException.class,
                () -> fuse(m, TargetRuntime.ONNX, Map.of(), new ArrayList<>()));
        assertTrue(e.getMessage().contains("contrib ops"), e.getMessage());
        assertArrayEquals(before, ModelWriter.toBytes(m));
    }

    /** Later steps work from the structure: it must still be found, with the fused attentions in it. */
    static void assertRediscovered(Model fused, int blocks) {
        TransformerStructure s = TransformerStructure.discover(copy(fused));
        assertEquals(blocks, s.blockCount(), s.summary());
        for (Block b : s.blocks()) {
            boolean fusedAttention = fused.graph().nodes().stream().anyMatch(n -> n.is(Node.MS_DOMAIN, "Attention"));
            assertEquals(fusedAttention, b.attention().fused(), s.summary());
        }
    }

    private static long count(Model m, String domain, String op) {
        return FusionTesting.count(m, domain, op);
    }
}
