package org.strata.technique.prune.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.OutputFidelity;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;
import org.strata.testing.TransformerSpec.ActivationForm;
import org.strata.testing.TransformerSpec.AttentionForm;
import org.strata.testing.TransformerSpec.NormForm;
import org.strata.testing.TransformerSpec.ProjectionForm;

/**
 * Removing FFN neurons equals zeroing their rows of the down projection, in ONNX Runtime: erf and tanh GELU
 * written out, com.microsoft Gelu, FastGelu and BiasGelu (whose bias input is sliced with the neurons), LLaMA's
 * SwiGLU (gate and up together), Gemm projections with their flatten/un-flatten Reshapes, ViT.
 */
class FfnPruningMaskTest {
    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("BERT post-LN", SyntheticTransformers.bertPostLn().vocab(PruneFixture.VOCAB)),
                Arguments.of("BERT pre-LN, FFN 200, 3 layers", SyntheticTransformers.bertPreLn().vocab(PruneFixture.VOCAB).ffn(200).layers(3)),
                Arguments.of("BERT, com.microsoft Gelu", SyntheticTransformers.bertPostLn().vocab(PruneFixture.VOCAB).activation(ActivationForm.GELU)),
                Arguments.of("BERT, FastGelu with bias", SyntheticTransformers.bertPostLn().vocab(PruneFixture.VOCAB)
                        .activation(ActivationForm.FAST_GELU)),
                Arguments.of("BERT, BiasGelu, fused Attention and SkipLayerNorm", SyntheticTransformers.bertPostLn()
                        .vocab(PruneFixture.VOCAB).attention(AttentionForm.ATTENTION).norm(NormForm.SKIP).activation(ActivationForm.BIAS_GELU)),
                Arguments.of("GPT, tanh GELU", SyntheticTransformers.gpt().vocab(PruneFixture.VOCAB)),
                Arguments.of("GPT, Gemm projections", SyntheticTransformers.gpt().vocab(PruneFixture.VOCAB).projection(ProjectionForm.GEMM)),
                Arguments.of("LLaMA, SwiGLU", SyntheticTransformers.llama().vocab(PruneFixture.VOCAB)),
                Arguments.of("LLaMA, SwiGLU 96 wide, FFN 300", SyntheticTransformers.llama().vocab(PruneFixture.VOCAB).hidden(96)
                        .heads(6).kvHeads(2).ffn(300)),
                Arguments.of("ViT", SyntheticTransformers.vit()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void removingNeuronsEqualsZeroingTheirDownRows(String label, TransformerSpec spec) {
        Model original = spec.build();
        TransformerStructure s = TransformerStructure.discover(original);
        Model masked = PruneFixture.copy(original);
        TransformerStructure ms = TransformerStructure.discover(masked);
        int[][] keep = new int[s.blockCount()][];
        for (Block b : s.blocks()) {
            int width = (int) b.ffn().intermediateSize();
            // every third neuron of block 1 goes, the first half of the others
            int[] gone = b.number() == 1 ? java.util.stream.IntStream.range(0, width).filter(i -> i % 3 == 1).toArray()
                    : java.util.stream.IntStream.range(0, width / 2).toArray();
            keep[b.number() - 1] = Selection.removed(gone, width);
            PruneFixture.zeroRows(masked, ms.block(b.number()).ffn().down(), gone);
        }
        Model pruned = PruneFixture.copy(original);
        TransformerStructure ps = TransformerStructure.discover(pruned);
        PruningSteps.rewrite(pruned, ps.blocks(), r -> {
            for (Block b : ps.blocks()) r.neurons(b, keep[b.number() - 1]);
        });
        assertEquals(List.of(), GraphValidator.check(pruned), label);
        TransformerStructure after = TransformerStructure.discover(pruned);
        for (Block b : after.blocks()) {
            assertEquals(keep[b.number() - 1].length, b.ffn().intermediateSize(), label + " block " + b.number());
            assertEquals(keep[b.number() - 1].length, b.ffn().down().inFeatures(), label);
        }
        List<OutputFidelity> f = PruneFixture.compare(masked, pruned);
        f.forEach(o -> System.out.println(label + ": " + o));
        assertTrue(PruneFixture.same(f), label + ": pruned ≠ masked: " + f);
        assertTrue(!PruneFixture.same(PruneFixture.compare(original, pruned)), label + ": the neurons mattered");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void keepingEveryNeuronAndHeadReproducesTheModel(String label, TransformerSpec spec) {
        Model original = spec.build();
        Model rewritten = PruneFixture.copy(original);
        TransformerStructure s = TransformerStructure.discover(rewritten);
        PruningSteps.rewrite(rewritten, s.blocks(), r -> {
            for (Block b : s.blocks()) {
                r.neurons(b, java.util.stream.IntStream.range(0, (int) b.ffn().intermediateSize()).toArray());
                r.heads(b, java.util.stream.IntStream.range(0, b.attention().kvHeads()).toArray());
            }
        });
        assertEquals(List.of(), GraphValidator.check(rewritten), label);
        assertTrue(PruneFixture.same(PruneFixture.compare(original, rewritten)), label);
    }
}
