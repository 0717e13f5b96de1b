package org.strata.technique.quantize.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.core.AnalysisTable;
import org.strata.core.Change;
import org.strata.core.TargetRuntime;
import org.strata.core.TechniqueException;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.Projection;
import org.strata.onnx.structure.Quantization;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.runtime.OutputFidelity;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;
import org.strata.testing.TransformerSpec.ProjectionForm;

/**
 * quantize.static-int8 on the real MiniLM (calibrated on its calibration split, judged on the evaluation split)
 * and on the synthetic families (calibrated on random tokens), the QDQ form it writes, the statistics cache, and
 * the inputs it refuses.
 */
class StaticInt8QuantizationTest {
    private static final StaticInt8Quantization TECHNIQUE = new StaticInt8Quantization();

    @ParameterizedTest(name = "{0}")
    @MethodSource("miniLmMethods")
    void miniLmKeepsItsEmbeddings(String method) throws Exception {
        Model m = Calibrated.miniLmFp32();
        Calibrated ctx = Calibrated.miniLm(m, TargetRuntime.ONNXRUNTIME);
        Change c = ctx.apply(TECHNIQUE, Map.of("calibration", method, "calibration-texts", "32"));
        System.out.println("static int8 " + method + ": " + c.summary() + " " + c.details());
        assertEquals(List.of(), GraphValidator.check(m));
        // 6 blocks × 4 activations (QKV input, context, FFN input, FFN hidden), one QDQ pair each
        assertEquals(24, Calibrated.count(m, "", "QuantizeLinear"));
        assertEquals(24, Calibrated.count(m, "", "DequantizeLinear"));
        assertEquals(36, Calibrated.count(m, Node.MS_DOMAIN, "DequantizeLinear"), "per-channel weights below opset 13");
        assertEquals(36, Calibrated.count(m, "MatMul") - 12, "the 12 attention products stay float MatMuls");
        for (Block b : TransformerStructure.discover(m).blocks()) {
            for (Projection p : b.projections()) assertEquals(Quantization.QDQ, p.quantization(), "block " + b.number() + " " + p);
        }
        double size = Calibrated.sizeRatioToMiniLm(m);
        EmbeddingFidelity f = MiniLmQuantization.fidelity(m);
        System.out.printf("  size %.3f, %s%n", size, f);
        assertTrue(size < 0.27, "size ratio " + size);
        assertTrue(f.meanCosine() >= 0.99, f.toString());
        AnalysisTable ranges = c.analyses().get(0);
        assertEquals(24, ranges.rows().size());
        for (int r = 0; r < 24; r++) {
            assertTrue(ranges.value(r, 0) <= ranges.value(r, 2) && ranges.value(r, 3) <= ranges.value(r, 1), ranges.rows().get(r));
        }
    }

    static Stream<String> miniLmMethods() {
        return Stream.of("minmax", "percentile");
    }

    @Test
    void calibrationIsComputedOnceForTheSameGraph() throws Exception {
        Model first = SyntheticTransformers.bertPostLn().vocab(1000).build();
        Calibrated ctx = Calibrated.random(first, TargetRuntime.ONNXRUNTIME);
        ctx.apply(TECHNIQUE, Map.of());
        assertEquals(1, ctx.computed);
        Calibrated again = ctx.on(SyntheticTransformers.bertPostLn().vocab(1000).build());
        again.apply(TECHNIQUE, Map.of());
        assertEquals(1, again.computed, "the second application reused the cached ranges");
        again.on(SyntheticTransformers.bertPostLn().vocab(1000).build()).apply(TECHNIQUE, Map.of("calibration", "entropy"));
    }

    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of("BERT post-LN, entropy", SyntheticTransformers.bertPostLn().vocab(1000), "entropy", TargetRuntime.ONNXRUNTIME),
                Arguments.of("BERT pre-LN, percentile", SyntheticTransformers.bertPreLn().vocab(1000), "percentile", TargetRuntime.ONNX),
                Arguments.of("GPT (tied LM head), minmax", SyntheticTransformers.gpt().vocab(1000), "minmax", TargetRuntime.ONNX),
                Arguments.of("GPT, Gemm projections", SyntheticTransformers.gpt().vocab(1000).projection(ProjectionForm.GEMM), "minmax",
                        TargetRuntime.ONNXRUNTIME),
                Arguments.of("LLaMA (GQA, SwiGLU), minmax", SyntheticTransformers.llama().vocab(1000), "minmax", TargetRuntime.ONNX),
                Arguments.of("ViT, percentile", SyntheticTransformers.vit(), "percentile", TargetRuntime.ONNX),
                Arguments.of("BERT post-LN opset 11, onnx target", SyntheticTransformers.bertPostLn().vocab(1000).opset(11), "minmax",
                        TargetRuntime.ONNX));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void familiesQuantizeValidateAndRun(String label, TransformerSpec spec, String method, TargetRuntime target) throws Exception {
        Model original = spec.build();
        Model m = Calibrated.copy(original, label);
        Change c = Calibrated.random(m, target).apply(TECHNIQUE, Map.of("calibration", method));
        System.out.println(label + ": " + c.summary() + " " + c.details());
        TransformerStructure s = TransformerStructure.discover(m);
        assertEquals(spec.layers(), s.blockCount());
        for (Block b : s.blocks()) {
            for (Projection p : b.projections()) assertEquals(Quantization.QDQ, p.quantization(), label + " block " + b.number());
        }
        if (target == TargetRuntime.ONNX) {
            assertEquals(0, m.graph().nodes().stream().filter(n -> n.domain().equals(Node.MS_DOMAIN)).count(), label);
        }
        if (spec.opset() < 13 && target == TargetRuntime.ONNX) {
            assertTrue(c.details().get("weights").contains("per-tensor"), c.details().get("weights"));
        }
        for (OutputFidelity f : Calibrated.validatedOutputs(original, m, spec.vocab())) {
            System.out.println("  " + f);
            assertTrue(f.relativeError() > 0 && f.relativeError() < 0.06, label + ": " + f);
        }
    }

    @Test
    void fusedAttentionStaysFloatAndIsReported() throws Exception {
        Model m = SyntheticTransformers.bertPostLn().vocab(1000).attention(TransformerSpec.AttentionForm.ATTENTION).build();
        Change c = Calibrated.random(m, TargetRuntime.ONNXRUNTIME).apply(TECHNIQUE, Map.of());
        assertTrue(c.details().get("left float").contains("fused Attention"), c.details().toString());
        assertEquals(2, Calibrated.count(m, Node.MS_DOMAIN, "Attention"));
        assertEquals(List.of(), GraphValidator.check(m));
    }

    @Test
    void exclusionsLeaveProductsFloat() throws Exception {
        Model m = SyntheticTransformers.llama().vocab(1000).layers(3).build();
        Change c = Calibrated.random(m, TargetRuntime.ONNXRUNTIME).apply(TECHNIQUE,
                Map.of("exclude-blocks", "2", "quantize-other-products", "false", "quantize-embeddings", "false"));
        TransformerStructure s = TransformerStructure.discover(m);
        for (Block b : s.blocks()) {
            for (Projection p : b.projections()) {
                assertEquals(b.number() == 2 ? Quantization.NONE : Quantization.QDQ, p.quantization(), "block " + b.number());
            }
        }
        assertEquals(Quantization.NONE, s.head().projection().quantization(), "LM head");
        assertEquals(List.of(1, 3), c.blocksTouched());
    }

    @Test
    void badInputIsRefusedWithAClearMessage() throws Exception {
        Model plain = SyntheticTransformers.bertPostLn().vocab(1000).build();
        TechniqueException blocks = assertThrows(TechniqueException.class,
                () -> Calibrated.random(plain, TargetRuntime.ONNX).apply(TECHNIQUE, Map.of("exclude-blocks", "3")));
        assertTrue(blocks.getMessage().contains("block 3") && blocks.getMessage().contains("1 to 2"), blocks.getMessage());
        TechniqueException ops = assertThrows(TechniqueException.class,
                () -> Calibrated.random(plain, TargetRuntime.ONNX).apply(TECHNIQUE, Map.of("op-types", "")));
        assertTrue(ops.getMessage().contains("op-types"), ops.getMessage());
        assertThrows(org.strata.core.ParameterException.class,
                () -> Calibrated.random(plain, TargetRuntime.ONNX).apply(TECHNIQUE, Map.of("op-types", "Conv")));
        // no runner: the message says what is missing, and nothing was edited
        Model untouched = SyntheticTransformers.bertPostLn().vocab(1000).build();
        long nodes = untouched.graph().nodes().size();
        TechniqueException noRunner = assertThrows(TechniqueException.class, () -> TECHNIQUE.apply(untouched,
                org.strata.core.Parameters.parse(TECHNIQUE.descriptor(), Map.of()),
                org.strata.core.TechniqueContext.simple(untouched, TargetRuntime.ONNX, List.of(), s -> { })));
        assertTrue(noRunner.getMessage().contains("cannot run models"), noRunner.getMessage());
        assertEquals(nodes, untouched.graph().nodes().size());
    }

    @Test
    void anAlreadyQuantizedModelIsLeftAsItIsAndSaysSo() throws Exception {
        Model qdq = SyntheticTransformers.bertPostLn().vocab(1000).projection(ProjectionForm.QDQ).build();
        long nodes = qdq.graph().nodes().size();
        Change c = Calibrated.random(qdq, TargetRuntime.ONNXRUNTIME).apply(TECHNIQUE, Map.of("quantize-embeddings", "false"));
        assertTrue(!c.modified() && c.summary().contains("quantized already"), c.summary());
        assertEquals(nodes, qdq.graph().nodes().size());
        // a GPT whose blocks are MatMulNBits: the float LM head is quantized, the 4-bit products are counted
        Model nbits = SyntheticTransformers.gpt().vocab(1000).projection(ProjectionForm.MATMUL_NBITS).build();
        Change d = Calibrated.random(nbits, TargetRuntime.ONNXRUNTIME).apply(TECHNIQUE, Map.of("quantize-embeddings", "false"));
        assertTrue(d.details().get("left float").contains("MatMulNBits"), d.details().toString());
        assertEquals(List.of(), GraphValidator.check(nbits));
    }
}
