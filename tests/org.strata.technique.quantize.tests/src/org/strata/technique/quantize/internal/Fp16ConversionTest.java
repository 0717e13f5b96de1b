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
import org.strata.core.Change;
import org.strata.core.TargetRuntime;
import org.strata.core.TechniqueException;
import org.strata.onnx.DataType;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.infer.ShapeInference;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.runtime.OutputFidelity;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;
import org.strata.testing.TransformerSpec.ProjectionForm;

/**
 * quantize.fp16 on MiniLM in both modes (targets: a file at most 0.52 of the float one, mean cosine at least
 * 0.999), on every synthetic family, with ops kept in float32 by parameter, the overflow the kept norms avoid,
 * minimal Casts, and a quantized model refused.
 */
class Fp16ConversionTest {
    private static final Fp16Conversion TECHNIQUE = new Fp16Conversion();

    @ParameterizedTest(name = "mode {0}")
    @MethodSource("modes")
    void miniLmMeetsTheTargetsWithFloat32InputsAndOutputs(String mode) throws Exception {
        Model original = Calibrated.miniLmFp32();
        Model m = Calibrated.miniLmFp32();
        Change c = Calibrated.miniLm(m, TargetRuntime.ONNX).apply(TECHNIQUE, Map.of("mode", mode));
        double size = Calibrated.sizeRatioToMiniLm(m);
        EmbeddingFidelity f = MiniLmQuantization.fidelity(m);
        System.out.printf("fp16 %s: %s %s; size %.3f, %s%n", mode, c.summary(), c.details(), size, f);
        assertEquals(List.of(), GraphValidator.check(m));
        assertTrue(size <= 0.52, "size " + size);
        assertTrue(f.meanCosine() >= 0.999, f.toString());
        assertEquals(names(original.graph().inputs()), names(m.graph().inputs()));
        assertEquals(names(original.graph().outputs()), names(m.graph().outputs()));
        assertEquals(DataType.FLOAT, m.graph().outputs().get(0).type().elementType());
        assertNoCancellingCasts(m);
        if (mode.equals("compute")) {
            long halfWeights = m.graph().initializers().values().stream().filter(v -> v.initializer().type() == DataType.FLOAT16).count();
            assertTrue(halfWeights >= 36, halfWeights + " float16 initializers");
            // 13 kept norms: a Cast in and a Cast out each, plus the output's
            assertTrue(Calibrated.count(m, "Cast") <= 1 + 2 * 13 + 1, Calibrated.count(m, "Cast") + " Casts");
        } else {
            // every float16 weight is read through one Cast to float32, which ONNX Runtime folds at load
            long halfWeights = 0;
            for (Value v : m.graph().initializers().values()) {
                if (v.initializer().type() != DataType.FLOAT16) continue;
                halfWeights++;
                assertEquals(1, v.consumers().size(), v.name());
                Node cast = v.consumers().get(0);
                assertTrue(cast.is("Cast") && cast.attrInt("to", 0) == DataType.FLOAT.code(), cast.describe());
            }
            assertTrue(halfWeights >= 36, halfWeights + " float16 initializers");
        }
    }

    static Stream<String> modes() {
        return Stream.of("compute", "storage");
    }

    static Stream<Arguments> families() {
        return Stream.of(Arguments.of("BERT post-LN", SyntheticTransformers.bertPostLn()),
                Arguments.of("BERT pre-LN, opset 11", SyntheticTransformers.bertPreLn().opset(11)),
                Arguments.of("GPT (tied LM head, causal mask)", SyntheticTransformers.gpt()),
                Arguments.of("LLaMA (GQA, rotary, RMSNorm)", SyntheticTransformers.llama()),
                Arguments.of("ViT", SyntheticTransformers.vit()),
                Arguments.of("BERT fused (Attention, SkipLayerNorm, FastGelu)", SyntheticTransformers.bertPostLn()
                        .attention(TransformerSpec.AttentionForm.ATTENTION).norm(TransformerSpec.NormForm.SKIP)
                        .activation(TransformerSpec.ActivationForm.FAST_GELU)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void familiesConvertValidateAndRun(String label, TransformerSpec spec) throws Exception {
        Model original = spec.build();
        Model m = Calibrated.copy(original, label);
        Change c = Calibrated.random(m, TargetRuntime.ONNXRUNTIME).apply(TECHNIQUE, Map.of());
        System.out.println(label + ": " + c.summary() + " " + c.details());
        assertTrue(m.initializerBytes() < original.initializerBytes() * 0.55, label);
        assertNoCancellingCasts(m);
        for (OutputFidelity f : Calibrated.validatedOutputs(original, m, spec.vocab())) {
            System.out.println("  " + f);
            assertTrue(f.relativeError() > 0 && f.relativeError() < 5e-3, label + ": " + f);
        }
    }

    @Test
    void keptOpsReadFloat32() throws Exception {
        Model m = SyntheticTransformers.gpt().build();
        Change c = Calibrated.random(m, TargetRuntime.ONNXRUNTIME).apply(TECHNIQUE, Map.of("keep-fp32-ops", "Softmax,Erf,Tanh"));
        assertTrue(c.details().get("kept in float32").contains("Softmax=2"), c.details().toString());
        ShapeInference.standard().infer(m);
        for (Node n : Calibrated.nodes(m, "Softmax")) {
            assertEquals(DataType.FLOAT, n.input(0).type().elementType(), n.describe());
            assertEquals(DataType.FLOAT, n.output(0).type().elementType(), n.describe());
        }
        for (Node n : Calibrated.nodes(m, "MatMul")) assertEquals(DataType.FLOAT16, n.output(0).type().elementType(), n.describe());
    }

    @Test
    void keptNormsKeepTheVariancePathOutOfFloat16() throws Exception {
        // a residual stream of magnitude ~300: the squares a decomposed norm averages pass float16's 65504
        TransformerSpec spec = SyntheticTransformers.bertPreLn();
        Model original = spec.build();
        Value table = org.strata.onnx.structure.TransformerStructure.discover(original).embeddings().tokens();
        float[] v = TensorCodec.toFloats(table.initializer());
        for (int i = 0; i < v.length; i++) v[i] *= 300;
        original.graph().setInitializer(table, TensorCodec.fromFloats(table.name(), table.initializer().dims(), v));
        List<String> squares = Calibrated.nodes(original, "Pow").stream().map(n -> n.output(0).name()).toList();
        float[] largest = {0};
        org.strata.runtime.ActivationCapture.of(original, squares).run(org.strata.runtime.ActivationCapture.CaptureInputs.random(
                new org.strata.runtime.RandomInputs(2, 2, 16, spec.vocab(), 1)), org.strata.runtime.SessionSettings.defaults(), batch -> {
                    for (String name : squares) for (float x : batch.tensor(name).values()) largest[0] = Math.max(largest[0], x);
                });
        assertTrue(largest[0] > 65504, "the float32 model squares up to " + largest[0]);

        Model kept = Calibrated.copy(original, "kept");
        Calibrated.random(kept, TargetRuntime.ONNXRUNTIME).apply(TECHNIQUE, Map.of());
        Model all = Calibrated.copy(original, "all");
        Calibrated.random(all, TargetRuntime.ONNXRUNTIME).apply(TECHNIQUE, Map.of("keep-norms-fp32", "false"));
        for (Node pow : Calibrated.nodes(kept, "Pow")) assertEquals(DataType.FLOAT, pow.output(0).type().elementType(), pow.describe());
        // without the kept norms the squares are float16 values: they overflow on a runtime with float16 arithmetic
        // (ONNX Runtime's CPU provider computes these ops in float32 behind inserted Casts, so it cannot show it)
        for (Node pow : Calibrated.nodes(all, "Pow")) assertEquals(DataType.FLOAT16, pow.output(0).type().elementType(), pow.describe());
        double keptError = Calibrated.validatedOutputs(original, kept, spec.vocab()).get(0).relativeError();
        assertTrue(keptError < 5e-3, "kept " + keptError);
    }

    @Test
    void aQuantizedModelIsRefused() {
        Model q = SyntheticTransformers.bertPostLn().projection(ProjectionForm.DYNAMIC_INT8).build();
        long nodes = q.graph().nodes().size();
        TechniqueException e = assertThrows(TechniqueException.class,
                () -> Calibrated.random(q, TargetRuntime.ONNXRUNTIME).apply(TECHNIQUE, Map.of()));
        assertTrue(e.getMessage().contains("quantized already") && e.getMessage().contains("MatMulInteger"), e.getMessage());
        assertEquals(nodes, q.graph().nodes().size());
    }

    private static List<String> names(List<Value> values) {
        return values.stream().map(Value::name).toList();
    }

    /** No Cast of a float16 value to float32 that only feeds a Cast back to float16, and no Cast to the type it has. */
    private static void assertNoCancellingCasts(Model m) {
        ShapeInference.standard().infer(m);
        for (Node c : Calibrated.nodes(m, "Cast")) {
            Value in = c.input(0);
            long to = c.attrInt("to", 0);
            if (in.type() != null && in.type().elementType() != null) {
                assertTrue(in.type().elementType().code() != to, "no-op " + c.describe());
            }
            if (to == DataType.FLOAT16.code() && in.producer() != null && in.producer().is("Cast")) {
                Value before = in.producer().input(0);
                assertTrue(before.type() == null || before.type().elementType() != DataType.FLOAT16, "round trip " + c.describe());
            }
        }
    }
}
