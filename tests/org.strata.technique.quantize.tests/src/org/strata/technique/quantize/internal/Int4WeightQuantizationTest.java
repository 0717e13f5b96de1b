package org.strata.technique.quantize.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
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
 * quantize.int4-weights: MiniLM with round-to-nearest and AWQ (each to the targets: a file at most 0.30 of the
 * float one with the embedding table quantized, mean cosine at least 0.97), int4 tables through
 * GatherBlockQuantized, every synthetic family in both methods, and the inputs it refuses.
 */
class Int4WeightQuantizationTest {
    private static final Int4WeightQuantization TECHNIQUE = new Int4WeightQuantization();
    /** Smaller calibration than the defaults, to keep the test quick on a shared machine. */
    private static final Map<String, String> QUICK_AWQ = Map.of("calibration-texts", "32", "awq-tokens", "128");

    private static Map<String, String> with(Map<String, String> base, String... kv) {
        Map<String, String> m = new HashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void miniLmRoundToNearestAndAwqMeetTheTargets() throws Exception {
        Model rtn = Calibrated.miniLmFp32();
        Change r = Calibrated.miniLm(rtn, TargetRuntime.ONNXRUNTIME).apply(TECHNIQUE, Map.of("method", "rtn"));
        Model awq = Calibrated.miniLmFp32();
        Change a = Calibrated.miniLm(awq, TargetRuntime.ONNXRUNTIME).apply(TECHNIQUE, with(QUICK_AWQ, "method", "awq"));
        EmbeddingFidelity fr = MiniLmQuantization.fidelity(rtn);
        EmbeddingFidelity fa = MiniLmQuantization.fidelity(awq);
        double sr = Calibrated.sizeRatioToMiniLm(rtn);
        double sa = Calibrated.sizeRatioToMiniLm(awq);
        System.out.printf("int4 rtn: %s; size %.3f; %s%nint4 awq: %s; size %.3f; %s %s%n", r.summary(), sr, fr, a.summary(), sa, fa,
                a.details().get("awq"));
        for (Model m : List.of(rtn, awq)) {
            assertEquals(List.of(), GraphValidator.check(m));
            assertEquals(36, Calibrated.count(m, Node.MS_DOMAIN, "MatMulNBits"));
            for (Block b : TransformerStructure.discover(m).blocks()) {
                for (Projection p : b.projections()) assertEquals(Quantization.INT4_BLOCKWISE, p.quantization(), p.toString());
            }
        }
        assertTrue(sr <= 0.30 && sa <= 0.30, sr + " " + sa);
        assertTrue(fr.meanCosine() >= 0.97, "rtn " + fr);
        assertTrue(fa.meanCosine() >= 0.97, "awq " + fa);
        assertTrue(fa.meanCosine() > fr.meanCosine(), "AWQ " + fa.meanCosine() + " should beat RTN " + fr.meanCosine());
        AnalysisTable search = a.analyses().get(0);
        assertEquals(24, search.rows().size());
        for (int i = 0; i < 24; i++) assertTrue(search.value(i, 3) <= 1, search.rows().get(i) + " ratio " + search.value(i, 3));
    }

    @Test
    void miniLmWithAFourBitTable() throws Exception {
        Model m = Calibrated.miniLmFp32();
        Change c = Calibrated.miniLm(m, TargetRuntime.ONNXRUNTIME).apply(TECHNIQUE, Map.of("method", "rtn", "embeddings", "int4"));
        assertEquals(List.of(), GraphValidator.check(m));
        assertEquals(3, Calibrated.count(m, Node.MS_DOMAIN, "GatherBlockQuantized"), c.summary());
        double size = Calibrated.sizeRatioToMiniLm(m);
        EmbeddingFidelity f = MiniLmQuantization.fidelity(m);
        System.out.printf("int4 rtn, int4 tables: size %.3f, %s%n", size, f);
        assertTrue(size < 0.17, "size " + size);
        assertTrue(f.meanCosine() >= 0.96, f.toString());
        TransformerStructure.discover(m); // still recognised
    }

    static Stream<Arguments> families() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String method : List.of("rtn", "awq")) {
            b.add(Arguments.of("BERT post-LN", SyntheticTransformers.bertPostLn().vocab(1000), method));
            b.add(Arguments.of("BERT pre-LN", SyntheticTransformers.bertPreLn().vocab(1000), method));
            b.add(Arguments.of("GPT (tied LM head)", SyntheticTransformers.gpt().vocab(1000), method));
            b.add(Arguments.of("LLaMA (GQA, SwiGLU)", SyntheticTransformers.llama().vocab(1000), method));
            b.add(Arguments.of("ViT", SyntheticTransformers.vit(), method));
        }
        b.add(Arguments.of("GPT, Gemm projections", SyntheticTransformers.gpt().vocab(1000).projection(ProjectionForm.GEMM), "awq"));
        b.add(Arguments.of("BERT pre-LN, fused norms", SyntheticTransformers.bertPreLn().vocab(1000).norm(TransformerSpec.NormForm.FUSED), "awq"));
        return b.build();
    }

    @ParameterizedTest(name = "{0}, {2}")
    @MethodSource("families")
    void familiesQuantizeValidateAndRun(String label, TransformerSpec spec, String method) throws Exception {
        Model original = spec.build();
        Model m = Calibrated.copy(original, label);
        Change c = Calibrated.random(m, TargetRuntime.ONNXRUNTIME).apply(TECHNIQUE,
                Map.of("method", method, "block-size", "16", "awq-grid", "11"));
        System.out.println(label + ", " + method + ": " + c.summary() + " " + c.details());
        TransformerStructure s = TransformerStructure.discover(m);
        assertEquals(spec.layers(), s.blockCount());
        for (Block b : s.blocks()) {
            for (Projection p : b.projections()) assertEquals(Quantization.INT4_BLOCKWISE, p.quantization(), label + " " + p);
        }
        if (spec.preLn() && method.equals("awq")) {
            assertTrue(c.details().get("awq").matches(".* [1-9][0-9]* scales folded.*"), "pre-LN norms take the scales: " + c.details());
        }
        for (OutputFidelity f : Calibrated.validatedOutputs(original, m, spec.vocab())) {
            System.out.println("  " + f);
            assertTrue(f.relativeError() > 0 && f.relativeError() < 0.25, label + ": " + f);
        }
    }

    @Test
    void awqScalingIsExactBeforeRounding() throws Exception {
        // divide the activations by s (folded or by Mul) and multiply the weights by s, without quantizing: the
        // model computes the same function
        for (TransformerSpec spec : List.of(SyntheticTransformers.bertPreLn().vocab(1000), SyntheticTransformers.bertPostLn().vocab(1000),
                SyntheticTransformers.llama().vocab(1000), SyntheticTransformers.bertPreLn().vocab(1000).norm(TransformerSpec.NormForm.FUSED))) {
            Model original = spec.build();
            Model m = Calibrated.copy(original, "scaled");
            ScaledOnly.apply(m);
            for (OutputFidelity f : Calibrated.validatedOutputs(original, m, spec.vocab())) {
                assertTrue(f.withinTolerance(1e-4), spec.family() + " " + f);
            }
        }
    }

    @Test
    void badInputIsRefusedWithAClearMessage() throws Exception {
        Model m = SyntheticTransformers.gpt().vocab(1000).build();
        TechniqueException onnx = assertThrows(TechniqueException.class,
                () -> Calibrated.random(m, TargetRuntime.ONNX).apply(TECHNIQUE, Map.of()));
        assertTrue(onnx.getMessage().contains("only ONNX Runtime runs") && onnx.getMessage().contains("onnxruntime"), onnx.getMessage());
        TechniqueException block = assertThrows(TechniqueException.class,
                () -> Calibrated.random(m, TargetRuntime.ONNXRUNTIME).apply(TECHNIQUE, Map.of("block-size", "48")));
        assertTrue(block.getMessage().contains("power of two"), block.getMessage());
        assertThrows(org.strata.core.ParameterException.class,
                () -> Calibrated.random(m, TargetRuntime.ONNXRUNTIME).apply(TECHNIQUE, Map.of("block-size", "512")));
        TechniqueException node = assertThrows(TechniqueException.class,
                () -> Calibrated.random(m, TargetRuntime.ONNXRUNTIME).apply(TECHNIQUE, Map.of("exclude-nodes", "no such node")));
        assertTrue(node.getMessage().contains("no such node"), node.getMessage());
        assertEquals(List.of(), GraphValidator.check(m), "nothing half-written");
        assertEquals(0, Calibrated.count(m, Node.MS_DOMAIN, "MatMulNBits"));
    }

    @Test
    void anAlreadyQuantizedModelKeepsItsQuantizedProducts() throws Exception {
        Model nbits = SyntheticTransformers.llama().vocab(1000).projection(ProjectionForm.MATMUL_NBITS).build();
        long before = Calibrated.count(nbits, Node.MS_DOMAIN, "MatMulNBits");
        Change c = Calibrated.random(nbits, TargetRuntime.ONNXRUNTIME).apply(TECHNIQUE, Map.of("embeddings", "none", "method", "rtn"));
        assertTrue(c.details().get("left float").contains("quantized already"), c.details().toString());
        assertEquals(before + 1, Calibrated.count(nbits, Node.MS_DOMAIN, "MatMulNBits"), "only the float LM head was added");
        Model qdq = SyntheticTransformers.bertPostLn().vocab(1000).projection(ProjectionForm.QDQ).build();
        Change d = Calibrated.random(qdq, TargetRuntime.ONNXRUNTIME).apply(TECHNIQUE, Map.of("embeddings", "none"));
        assertTrue(!d.modified() && d.summary().contains("quantized already"), d.summary());
    }
}
