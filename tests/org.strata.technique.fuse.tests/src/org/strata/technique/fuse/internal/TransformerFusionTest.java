package org.strata.technique.fuse.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.strata.core.Change;
import org.strata.core.Parameters;
import org.strata.core.TargetRuntime;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueException;
import org.strata.onnx.GraphValidator;
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
import org.strata.runtime.RandomInputs;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;
import org.strata.testing.SyntheticTransformers;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** fuse.transformer on the embedded MiniLM and on synthetic models, with ONNX Runtime as the oracle. */
class TransformerFusionTest {
    private static final int TEXTS = 16;

    static Change fuse(Model m, TargetRuntime target, Map<String, ?> params, List<String> log) {
        TransformerFusion t = new TransformerFusion();
        return t.apply(m, Parameters.of(t.descriptor(), params), TechniqueContext.simple(m, target, List.of(), log::add));
    }

    static Change fuse(Model m) {
        return fuse(m, TargetRuntime.ONNXRUNTIME, Map.of(), new ArrayList<>());
    }

    static long count(Model m, String domain, String op) {
        return m.graph().nodes().stream().filter(n -> n.is(domain, op)).count();
    }

    static long layerNorms(Model m) {
        return m.graph().nodes().stream().filter(n -> n.opType().equals("LayerNormalization")).count();
    }

    static void assertValid(Model m) {
        assertTrue(GraphValidator.check(m).isEmpty(), () -> "invalid after fusion: " + GraphValidator.check(m));
    }

    static Model copy(Model m) {
        return ModelReader.read(ModelWriter.toBytes(m), "copy of " + m.graph().name());
    }

    @Test
    void miniLmFusesTwelveSkipNormsAndTheEmbeddingNormAndKeepsItsOutputs() throws OrtException {
        EmbeddedModel embedded = EmbeddedModels.fp32();
        Model original = ModelReader.read(embedded.model());
        Model fused = ModelReader.read(embedded.model());
        Change change = fuse(fused);
        System.out.println("MiniLM fp32 (opset " + fused.opset(Node.DEFAULT_DOMAIN) + "): " + change.summary() + " " + change.details());

        assertValid(fused);
        assertTrue(change.modified());
        assertEquals(12, count(fused, Node.MS_DOMAIN, "SkipLayerNormalization"));
        assertEquals(1, layerNorms(fused), "the embedding norm");
        assertEquals(13, count(fused, Node.MS_DOMAIN, "SkipLayerNormalization") + layerNorms(fused));
        assertEquals(0, fused.graph().nodes().stream().filter(n -> n.is("ReduceMean")).count(), "no decomposed norm left");
        assertEquals(1L, fused.opset(Node.MS_DOMAIN));
        assertEquals("12", change.details().get("skip-layer-norms"));
        assertEquals("1", change.details().get("layer-norms"));
        assertEquals(original.graph().nodes().size() - fused.graph().nodes().size(), change.nodesRemoved() - change.nodesAdded());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), change.blocksTouched());
        assertEquals("12", change.details().get("biases-folded"), "the attention-output and FFN-down biases");
        for (Node n : fused.graph().nodes()) {
            if (!n.is(Node.MS_DOMAIN, "SkipLayerNormalization")) continue;
            assertEquals(5, n.inputs().size(), n.describe());
            assertTrue(n.input(0).producer().is("MatMul"), "input 0 is the projection's product: " + n.describe());
            assertTrue(n.input(4).isInitializer(), "input 4 is the projection bias: " + n.describe());
        }

        TransformerStructure s = TransformerStructure.discover(fused);
        assertEquals(6, s.blockCount());
        for (Block b : s.blocks()) {
            assertEquals(NormKind.SKIP_LAYER_NORM, b.attentionNorm().kind(), "block " + b.number());
            assertEquals(NormKind.SKIP_LAYER_NORM, b.ffnNorm().kind(), "block " + b.number());
            assertTrue(b.attentionNorm().fused() && b.ffnNorm().fused());
            assertTrue(b.attentionResidual().fusedWithNorm() && b.ffnResidual().fusedWithNorm());
        }
        assertEquals(NormKind.LAYER_NORM, s.embeddings().norm().kind());
        assertTrue(s.embeddings().norm().fused());

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

        Change again = fuse(fused);
        assertFalse(again.modified(), "fusing twice changes nothing: " + again.summary());
    }

    @ParameterizedTest(name = "BERT post-LN, opset {0}")
    @ValueSource(ints = {17, 11})
    void syntheticPostLnBertFusesAndRunsWithTheSameOutputs(int opset) throws OrtException {
        Model original = SyntheticTransformers.bertPostLn().opset(opset).build();
        Model fused = copy(original);
        Change change = fuse(fused);
        System.out.println("BERT post-LN opset " + opset + ": " + change.summary());
        assertValid(fused);
        assertEquals(4, count(fused, Node.MS_DOMAIN, "SkipLayerNormalization"), "2 blocks × 2 residuals");
        assertEquals(1, layerNorms(fused), "the embedding norm");
        if (opset >= 17) assertEquals(1, count(fused, Node.DEFAULT_DOMAIN, "LayerNormalization"));
        assertEquals(2, TransformerStructure.discover(fused).blockCount());
        assertSameOutputs(original, fused);
    }

    @Test
    void preLnBertGetsLayerNormalizationsOnly() throws OrtException {
        Model original = SyntheticTransformers.bertPreLn().build();
        Model fused = copy(original);
        List<String> log = new ArrayList<>();
        Change change = fuse(fused, TargetRuntime.ONNXRUNTIME, Map.of(), log);
        System.out.println("BERT pre-LN: " + change.summary() + " " + log);
        assertValid(fused);
        assertEquals(0, count(fused, Node.MS_DOMAIN, "SkipLayerNormalization"), "pre-LN: residual sums go on in the stream");
        assertEquals(6, layerNorms(fused), "embedding, 2 × 2 block norms and the final norm: " + log);
        assertEquals("0", change.details().get("left"), log.toString());
        assertEquals(0, fused.graph().nodes().stream().filter(n -> n.is("ReduceMean")).count(), "no decomposed norm left");
        assertSameOutputs(original, fused);
    }

    @Test
    void switchesTurnRulesOff() {
        Model m = SyntheticTransformers.bertPostLn().build();
        Change c = fuse(m, TargetRuntime.ONNXRUNTIME, Map.of(TransformerFusion.SKIP_LAYER_NORM, false), new ArrayList<>());
        assertEquals(0, count(m, Node.MS_DOMAIN, "SkipLayerNormalization"));
        assertEquals(5, layerNorms(m), c.summary());
        Model n = SyntheticTransformers.bertPostLn().build();
        fuse(n, TargetRuntime.ONNXRUNTIME, Map.of(TransformerFusion.LAYER_NORM, false), new ArrayList<>());
        assertEquals(4, count(n, Node.MS_DOMAIN, "SkipLayerNormalization"));
        assertEquals(0, layerNorms(n));
    }

    @Test
    void llamaWithRmsNormsIsLeftUnchanged() {
        Model m = SyntheticTransformers.llama().build();
        byte[] before = ModelWriter.toBytes(m);
        Change c = fuse(m);
        System.out.println("LLaMA: " + c.summary());
        assertFalse(c.modified(), c.summary());
        assertArrayEquals(before, ModelWriter.toBytes(m), "the model is unchanged");
        assertValid(m);
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

    private static void assertSameOutputs(Model reference, Model candidate) throws OrtException {
        SessionSettings s = SessionSettings.defaults();
        try (OrtSession a = OrtSessions.open(reference, "reference", s); OrtSession b = OrtSessions.open(copy(candidate), "candidate", s)) {
            for (OutputFidelity f : new Evaluator().compareOutputs(a, b, RandomInputs.of(90))) {
                assertTrue(f.withinTolerance(OutputFidelity.LOSSLESS_TOLERANCE), f.toString());
            }
        }
    }
}
