package org.strata.technique.cleanup.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.technique.cleanup.internal.CleanupFixture.assertValid;
import static org.strata.technique.cleanup.internal.CleanupFixture.clean;
import static org.strata.technique.cleanup.internal.CleanupFixture.copy;
import static org.strata.technique.cleanup.internal.CleanupFixture.count;
import static org.strata.technique.cleanup.internal.CleanupFixture.tolerance;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.core.Change;
import org.strata.onnx.Model;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.Evaluator;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.OutputFidelity;
import org.strata.runtime.RandomInputs;
import org.strata.runtime.SessionSettings;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;
import org.strata.testing.TransformerSpec.ActivationForm;
import org.strata.testing.TransformerSpec.AttentionForm;
import org.strata.testing.TransformerSpec.NormForm;
import org.strata.testing.TransformerSpec.ProjectionForm;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Every synthetic family, with reshape targets computed at run time from Shape (as torch.onnx writes them) and
 * as constants: cleaned, each validates, keeps its structure, runs with the same outputs, and a second cleanup
 * changes nothing.
 */
class SyntheticCleanupTest {
    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of("BERT post-LN, dynamic reshapes", SyntheticTransformers.bertPostLn().dynamicReshapes(true)),
                Arguments.of("BERT post-LN, constant reshapes", SyntheticTransformers.bertPostLn().dynamicReshapes(false)),
                Arguments.of("BERT pre-LN, dynamic reshapes, opset 11", SyntheticTransformers.bertPreLn().dynamicReshapes(true).opset(11)),
                Arguments.of("BERT fused (Attention, SkipLayerNorm, FastGelu)", SyntheticTransformers.bertPostLn()
                        .attention(AttentionForm.ATTENTION).norm(NormForm.SKIP).activation(ActivationForm.FAST_GELU)),
                Arguments.of("BERT dynamic int8, dynamic reshapes", SyntheticTransformers.bertPostLn()
                        .projection(ProjectionForm.DYNAMIC_INT8).dynamicReshapes(true)),
                Arguments.of("GPT, dynamic reshapes", SyntheticTransformers.gpt().dynamicReshapes(true)),
                Arguments.of("GPT, Gemm, constant reshapes", SyntheticTransformers.gpt().projection(ProjectionForm.GEMM).dynamicReshapes(false)),
                Arguments.of("LLaMA, dynamic reshapes", SyntheticTransformers.llama().dynamicReshapes(true)),
                Arguments.of("LLaMA, constant reshapes", SyntheticTransformers.llama().dynamicReshapes(false)),
                Arguments.of("ViT, dynamic reshapes", SyntheticTransformers.vit().dynamicReshapes(true)),
                Arguments.of("ViT, constant reshapes", SyntheticTransformers.vit().dynamicReshapes(false)));
    }

    private static List<OutputFidelity> compare(Model reference, Model candidate) {
        SessionSettings s = SessionSettings.defaults();
        try (OrtSession a = OrtSessions.open(reference, "reference", s); OrtSession b = OrtSessions.open(candidate, "candidate", s)) {
            return new Evaluator().compareOutputs(a, b, RandomInputs.of(90));
        } catch (OrtException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void cleansValidatesAndRunsWithTheSameOutputs(String label, TransformerSpec spec) {
        Model original = spec.build();
        Model cleaned = copy(original);
        Change change = clean(cleaned);
        System.out.println(label + ": " + change.summary());

        assertValid(cleaned);
        assertEquals(0, count(cleaned, "Constant"), label);
        assertTrue(cleaned.graph().nodes().size() <= original.graph().nodes().size() - count(original, "Constant"), label);
        assertEquals(spec.layers(), TransformerStructure.discover(cleaned).blockCount(), label + ": structure still recognised");

        List<OutputFidelity> fidelity = compare(original, cleaned);
        assertFalse(fidelity.isEmpty());
        for (OutputFidelity f : fidelity) {
            System.out.println("  " + f);
            assertTrue(f.maxAbsError() <= tolerance(f.maxAbsReference()), label + ": " + f);
        }

        byte[] once = ModelWriter.toBytes(cleaned);
        Model twice = copy(cleaned);
        assertFalse(clean(twice).modified(), label + ": a second cleanup changes nothing");
        assertArrayEquals(once, ModelWriter.toBytes(twice), label);
        Model again = copy(original);
        clean(again);
        assertArrayEquals(once, ModelWriter.toBytes(again), label + ": the same model cleans to the same bytes");
    }
}
