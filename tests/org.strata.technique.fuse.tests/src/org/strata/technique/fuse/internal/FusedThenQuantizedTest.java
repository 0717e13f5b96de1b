package org.strata.technique.fuse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.technique.fuse.internal.FusionTesting.any;
import static org.strata.technique.fuse.internal.FusionTesting.assertValid;
import static org.strata.technique.fuse.internal.FusionTesting.copy;
import static org.strata.technique.fuse.internal.FusionTesting.fuse;
import static org.strata.technique.fuse.internal.FusionTesting.ms;

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
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.Node;
import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.runtime.Evaluator;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.technique.quantize.internal.DynamicInt8Quantization;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * The default pipeline's order, fuse then {@code quantize.dynamic-int8}, on the embedded MiniLM: the fused
 * Attention must become QAttention (its packed QKV weight quantized), and the result must stay close to fp32.
 */
class FusedThenQuantizedTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bertPostLn", "bertPreLn", "gpt", "llama", "vit"})
    void everyFusedFamilyQuantizesAndRuns(String family) throws OrtException {
        TransformerSpec spec = switch (family) {
            case "bertPostLn" -> SyntheticTransformers.bertPostLn();
            case "bertPreLn" -> SyntheticTransformers.bertPreLn();
            case "gpt" -> SyntheticTransformers.gpt();
            case "llama" -> SyntheticTransformers.llama();
            default -> SyntheticTransformers.vit();
        };
        Model m = spec.build();
        fuse(m);
        long attentions = ms(m, "Attention");
        DynamicInt8Quantization q = new DynamicInt8Quantization();
        Change c = q.apply(m, Parameters.of(q.descriptor(), Map.of()), TechniqueContext.simple(m, TargetRuntime.ONNXRUNTIME, List.of(), s -> {
        }));
        System.out.println(family + " fused + int8: " + c.summary());
        assertValid(m);
        assertEquals(attentions, ms(m, "QAttention"), "each fused attention quantized");
        assertEquals(2, TransformerStructure.discover(copy(m)).blockCount(), "the structure is still found after both steps");
        try (OrtSession s = OrtSessions.open(copy(m), family, SessionSettings.defaults())) {
            assertTrue(s.getOutputNames().size() >= 1);
        }
    }

    @Test
    void miniLmAttentionsBecomeQAttentionsWithGoodFidelity() throws OrtException {
        EmbeddedModel embedded = EmbeddedModels.fp32();
        Model original = ModelReader.read(embedded.model());
        Model m = ModelReader.read(embedded.model());
        fuse(m, Map.of(TransformerFusion.BIAS_GELU, false), new ArrayList<>());
        assertEquals(6, ms(m, "Attention"));
        DynamicInt8Quantization q = new DynamicInt8Quantization();
        List<String> log = new ArrayList<>();
        Change c = q.apply(m, Parameters.of(q.descriptor(), Map.of()), TechniqueContext.simple(m, TargetRuntime.ONNXRUNTIME, List.of(), log::add));
        System.out.println("MiniLM fused + int8: " + c.summary() + " " + m.graph().opHistogram());
        assertValid(m);
        assertEquals(6, ms(m, "QAttention"), "every fused attention quantized");
        assertEquals(0, ms(m, "Attention"));
        assertEquals(18, ms(m, "DynamicQuantizeMatMul"), "attention output, FFN up and down, biases folded in");
        assertEquals(0, any(m, "MatMul"), "no float product left");
        for (Node n : m.graph().nodes()) {
            if (!n.is(Node.MS_DOMAIN, "QAttention")) continue;
            assertEquals(12, n.attrInt("num_heads", -1));
            assertTrue(n.attrFloat("mask_filter_value", 0) < -1e4, "the mask constant carries over");
        }

        WordPieceTokenizer tokenizer = WordPieceTokenizer.load(embedded.tokenizer());
        List<String> texts = TextCorpus.builtIn().evaluation();
        try (OrtSession a = OrtSessions.open(original, "fp32", SessionSettings.defaults());
                OrtSession b = OrtSessions.open(copy(m), "fused int8", SessionSettings.defaults())) {
            EmbeddingFidelity f = new Evaluator().compareEmbeddings(a, b, tokenizer, texts);
            System.out.println("MiniLM fused + int8 vs fp32: " + f);
            assertTrue(f.meanCosine() >= 0.99, f.toString());
        }
    }
}
