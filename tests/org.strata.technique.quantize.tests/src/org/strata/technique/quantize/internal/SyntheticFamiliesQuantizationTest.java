package org.strata.technique.quantize.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.core.Change;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.Projection;
import org.strata.onnx.structure.Quantization;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.Evaluator;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.OutputFidelity;
import org.strata.runtime.RandomInputs;
import org.strata.runtime.SessionSettings;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;
import org.strata.testing.TransformerSpec.Naming;
import org.strata.testing.TransformerSpec.ProjectionForm;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * The other families, in every product form: GPT-2 (fused QKV with Split, causal mask, LM head tied to the
 * token table, also with Gemm projections and anonymous names), LLaMA (separate Q/K/V without bias,
 * grouped-query attention, rotary tables that must stay float, SwiGLU gate and up sharing an input), pre-LN
 * BERT at opset 11, and a fused BERT whose Attention nodes become QAttention (and stay float in the standard-ops
 * form). Each quantizes, validates, is recognised with dynamic-int8 projections, and runs in ONNX Runtime close
 * to the float model.
 */
class SyntheticFamiliesQuantizationTest {
    static Stream<Arguments> models() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (ProductForm form : List.of(ProductForm.FUSED, ProductForm.MATMUL_INTEGER, ProductForm.DYNAMIC_QUANTIZE_MATMUL,
                ProductForm.MATMUL_INTEGER_TO_FLOAT)) {
            b.add(Arguments.of("GPT", SyntheticTransformers.gpt(), form));
            b.add(Arguments.of("LLaMA", SyntheticTransformers.llama(), form));
        }
        b.add(Arguments.of("GPT, Gemm projections, anonymous names", SyntheticTransformers.gpt().layers(3)
                .projection(ProjectionForm.GEMM).naming(Naming.ANONYMOUS), ProductForm.FUSED));
        b.add(Arguments.of("GPT, Gemm projections", SyntheticTransformers.gpt().projection(ProjectionForm.GEMM),
                ProductForm.MATMUL_INTEGER));
        b.add(Arguments.of("BERT pre-LN, opset 11", SyntheticTransformers.bertPreLn().opset(11), ProductForm.FUSED));
        TransformerSpec fused = SyntheticTransformers.bertPostLn().attention(TransformerSpec.AttentionForm.ATTENTION)
                .norm(TransformerSpec.NormForm.SKIP).activation(TransformerSpec.ActivationForm.FAST_GELU);
        b.add(Arguments.of("BERT fused (Attention, SkipLayerNorm, FastGelu)", fused, ProductForm.FUSED));
        b.add(Arguments.of("BERT fused (Attention, SkipLayerNorm, FastGelu)", fused, ProductForm.MATMUL_INTEGER));
        return b.build();
    }

    @ParameterizedTest(name = "{0}, {2}")
    @MethodSource("models")
    void quantizesValidatesAndRuns(String label, TransformerSpec spec, ProductForm form) {
        Model original = spec.build();
        Model m = ModelReader.read(ModelWriter.toBytes(original), label);
        Change c = MiniLmQuantization.quantize(m, Map.of("form", form.choice()));
        System.out.println(label + ", " + form.choice() + ": " + c.summary() + " " + c.details());
        assertEquals(List.of(), GraphValidator.check(m), label);
        boolean fusedAttention = spec.attention() == TransformerSpec.AttentionForm.ATTENTION;
        // a fused Attention becomes a QAttention, except in the standard-ops form; EmbedLayerNormalization keeps
        // its tables float
        boolean attentionFloat = fusedAttention && !form.contrib();
        double left = attentionFloat ? 0.6 : fusedAttention ? 0.45 : 0.35;
        assertTrue(m.initializerBytes() < original.initializerBytes() * left,
                label + ": " + m.initializerBytes() + " of " + original.initializerBytes() + " bytes left");

        TransformerStructure s = TransformerStructure.discover(m);
        assertEquals(spec.layers(), s.blockCount(), label);
        for (Block b : s.blocks()) {
            for (Projection p : b.projections()) {
                Quantization expected = attentionFloat && p == b.attention().qkv() ? Quantization.NONE : Quantization.DYNAMIC_INT8;
                assertEquals(expected, p.quantization(), label + " block " + b.number() + " " + p);
            }
        }
        if (fusedAttention) {
            assertEquals(attentionFloat ? 0 : spec.layers(), m.graph().nodes().stream().filter(n -> n.is("com.microsoft", "QAttention")).count());
        }
        if (spec.head() == TransformerSpec.Head.LM_HEAD) {
            assertEquals(Quantization.DYNAMIC_INT8, s.head().projection().quantization(), label + ": LM head");
        }

        for (OutputFidelity f : compare(original, m, spec.vocab())) {
            System.out.println("  " + f);
            assertTrue(f.relativeError() < 0.05 && f.relativeError() > 0, label + " " + form + ": " + f);
        }
    }

    private static List<OutputFidelity> compare(Model reference, Model candidate, int vocab) {
        SessionSettings s = SessionSettings.defaults();
        try (OrtSession a = OrtSessions.open(reference, "reference", s); OrtSession b = OrtSessions.open(candidate, "candidate", s)) {
            return new Evaluator().compareOutputs(a, b, RandomInputs.of(vocab));
        } catch (OrtException e) {
            throw new AssertionError(e);
        }
    }
}
