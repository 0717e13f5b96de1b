package org.strata.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.infer.InferenceReport;
import org.strata.onnx.infer.ShapeInference;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.Evaluator;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.OutputFidelity;
import org.strata.runtime.RandomInputs;
import org.strata.runtime.SessionSettings;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;

import ai.onnxruntime.OrtSession;

/**
 * Graphs of other families, depths, widths and forms, built by the tests: each validates, is typed
 * completely by shape inference, is recognised, runs in ONNX Runtime, and after removing one block
 * through the Graph API still validates and runs, with outputs that differ from the original.
 */
class SyntheticFamiliesTest {
    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of("BERT post-LN, 3 layers", SyntheticTransformers.bertPostLn().layers(3)),
                Arguments.of("BERT pre-LN, 96 wide, 6 heads", SyntheticTransformers.bertPreLn().hidden(96).heads(6).kvHeads(6)),
                Arguments.of("BERT fused (Attention, SkipLayerNorm, FastGelu)", SyntheticTransformers.bertPostLn()
                        .attention(TransformerSpec.AttentionForm.ATTENTION).norm(TransformerSpec.NormForm.SKIP)
                        .activation(TransformerSpec.ActivationForm.FAST_GELU)),
                Arguments.of("GPT, fused QKV split, Gemm, anonymous names", SyntheticTransformers.gpt().layers(3)
                        .projection(TransformerSpec.ProjectionForm.GEMM).naming(TransformerSpec.Naming.ANONYMOUS)),
                Arguments.of("LLaMA, GQA 8/2, rotary, RMSNorm, SwiGLU", SyntheticTransformers.llama()),
                Arguments.of("ViT, misleading names", SyntheticTransformers.vit().naming(TransformerSpec.Naming.MISLEADING)));
    }

    private static List<OutputFidelity> compare(Model reference, Model candidate) {
        SessionSettings s = SessionSettings.defaults();
        try (OrtSession a = OrtSessions.open(reference, "reference", s); OrtSession b = OrtSessions.open(candidate, "candidate", s)) {
            return new Evaluator().compareOutputs(a, b, RandomInputs.of(90));
        } catch (ai.onnxruntime.OrtException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void validatesRunsAndSurvivesBlockRemoval(String label, TransformerSpec spec) {
        Model original = spec.build();
        assertTrue(GraphValidator.check(original).isEmpty(), label + ": " + GraphValidator.check(original));
        InferenceReport inferred = ShapeInference.standard().infer(ModelReader.read(ModelWriter.toBytes(original), label));
        assertTrue(inferred.isConsistent(), label + ": " + inferred.summary());
        assertTrue(inferred.unknown().isEmpty(), label + ": values left untyped " + inferred.unknown());

        TransformerStructure structure = TransformerStructure.discover(original);
        assertEquals(spec.layers(), structure.blockCount(), label);

        // The same graph re-read runs bit-identically in ONNX Runtime.
        for (OutputFidelity f : compare(original, ModelReader.read(ModelWriter.toBytes(original), label))) {
            assertEquals(0.0, f.maxAbsError(), label + " " + f);
        }

        Model cut = ModelReader.read(ModelWriter.toBytes(original), label);
        Block first = TransformerStructure.discover(cut).block(1);
        cut.graph().replaceAllUsesWith(first.output(), first.input());
        cut.graph().removeDeadNodes();
        assertTrue(GraphValidator.check(cut).isEmpty(), label + " after removal: " + GraphValidator.check(cut));
        assertEquals(spec.layers() - 1, TransformerStructure.discover(cut).blockCount(), label);
        assertTrue(cut.initializerBytes() < original.initializerBytes(), label + ": no weights removed");
        List<OutputFidelity> diff = compare(original, cut);
        System.out.println(label + " without block 1: " + diff);
        assertTrue(diff.stream().anyMatch(f -> f.relativeError() > 1e-3), label + ": output unchanged " + diff);
    }
}
