package org.strata.technique.prune.internal;

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
import org.strata.onnx.structure.Attention;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.OutputFidelity;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;
import org.strata.testing.TransformerSpec.AttentionForm;
import org.strata.testing.TransformerSpec.Naming;
import org.strata.testing.TransformerSpec.NormForm;
import org.strata.testing.TransformerSpec.ProjectionForm;
import org.strata.testing.TransformerSpec.QkvForm;

/**
 * Removing heads equals zeroing their rows of the output projection (the masking reference), in ONNX Runtime,
 * on every family and form: BERT post-LN and pre-LN, GPT with split, sliced and gathered fused QKV and with Gemm
 * projections, LLaMA with grouped-query attention (whole key/value groups), ViT, fused com.microsoft Attention and
 * MultiHeadAttention, other widths and head counts, dynamic and constant reshape targets, anonymous and misleading
 * names.
 */
class HeadPruningMaskTest {
    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("BERT post-LN", SyntheticTransformers.bertPostLn().vocab(PruneFixture.VOCAB)),
                Arguments.of("BERT post-LN, 96 wide, 6 heads, 3 layers, constant reshapes",
                        SyntheticTransformers.bertPostLn().vocab(PruneFixture.VOCAB).hidden(96).heads(6).layers(3).dynamicReshapes(false)),
                Arguments.of("BERT pre-LN, 8 heads", SyntheticTransformers.bertPreLn().vocab(PruneFixture.VOCAB).heads(8)),
                Arguments.of("GPT, split QKV", SyntheticTransformers.gpt().vocab(PruneFixture.VOCAB)),
                Arguments.of("GPT, sliced QKV", SyntheticTransformers.gpt().vocab(PruneFixture.VOCAB).qkv(QkvForm.SLICE)),
                Arguments.of("GPT, gathered QKV", SyntheticTransformers.gpt().vocab(PruneFixture.VOCAB).qkv(QkvForm.GATHER)),
                Arguments.of("GPT, separate Gemm projections", SyntheticTransformers.gpt().vocab(PruneFixture.VOCAB)
                        .qkv(QkvForm.SEPARATE).projection(ProjectionForm.GEMM)),
                Arguments.of("GPT, split QKV Gemm, opset 11", SyntheticTransformers.gpt().vocab(PruneFixture.VOCAB)
                        .projection(ProjectionForm.GEMM).opset(11)),
                Arguments.of("LLaMA, 8 heads, 2 KV heads", SyntheticTransformers.llama().vocab(PruneFixture.VOCAB)),
                Arguments.of("LLaMA, 12 heads, 4 KV heads, 96 wide", SyntheticTransformers.llama().vocab(PruneFixture.VOCAB)
                        .hidden(96).heads(12).kvHeads(4)),
                Arguments.of("LLaMA, 4 heads without GQA", SyntheticTransformers.llama().vocab(PruneFixture.VOCAB).heads(4)),
                Arguments.of("ViT", SyntheticTransformers.vit()),
                Arguments.of("BERT, com.microsoft Attention", SyntheticTransformers.bertPostLn().vocab(PruneFixture.VOCAB)
                        .attention(AttentionForm.ATTENTION).norm(NormForm.SKIP)),
                Arguments.of("GPT, com.microsoft MultiHeadAttention", SyntheticTransformers.gpt().vocab(PruneFixture.VOCAB)
                        .attention(AttentionForm.MULTI_HEAD_ATTENTION)),
                Arguments.of("GPT, Gemm, anonymous names", SyntheticTransformers.gpt().vocab(PruneFixture.VOCAB)
                        .projection(ProjectionForm.GEMM).naming(Naming.ANONYMOUS)),
                Arguments.of("LLaMA, misleading names, 3 layers", SyntheticTransformers.llama().vocab(PruneFixture.VOCAB)
                        .layers(3).naming(Naming.MISLEADING)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void removingHeadsEqualsZeroingTheirOutputRows(String label, TransformerSpec spec) {
        Model original = spec.build();
        TransformerStructure s = TransformerStructure.discover(original);
        Attention first = s.block(1).attention();
        int rep = first.heads() / first.kvHeads();
        // block 1 loses its second group, the last block its first and last groups (when it has three or more)
        StringBuilder heads = new StringBuilder();
        Model masked = PruneFixture.copy(original);
        TransformerStructure ms = TransformerStructure.discover(masked);
        for (Block b : s.blocks()) {
            int groups = b.attention().kvHeads();
            int[] gone = b.number() == 1 ? new int[] {1} : groups >= 3 ? new int[] {0, groups - 1} : new int[] {0};
            int[] queryHeads = PruneFixture.features(gone, rep);
            for (int h : queryHeads) heads.append(heads.length() == 0 ? "" : ",").append(b.number()).append(':').append(h + 1);
            Attention a = ms.block(b.number()).attention();
            PruneFixture.zeroRows(masked, a.o(), PruneFixture.features(queryHeads, a.headSize()));
        }

        Model pruned = PruneFixture.copy(original);
        Change c = PruneFixture.apply(new HeadPruning(), pruned, Map.of("heads", heads.toString(), "criterion", "fluctuation", "compensate", "false"), false);
        System.out.println(label + ": " + c.summary() + " " + c.details() + " +" + c.nodesAdded() + " -" + c.nodesRemoved());
        assertEquals(List.of(), GraphValidator.check(pruned), label);
        TransformerStructure after = TransformerStructure.discover(pruned);
        for (Block b : after.blocks()) {
            Attention before = s.block(b.number()).attention();
            int removedGroups = b.number() == 1 || before.kvHeads() < 3 ? 1 : 2;
            assertEquals(before.heads() - removedGroups * rep, b.attention().heads(), label + " block " + b.number());
            assertEquals(before.kvHeads() - removedGroups, b.attention().kvHeads(), label + " block " + b.number());
            assertEquals(before.headSize(), b.attention().headSize(), label);
        }
        assertTrue(pruned.initializerBytes() < original.initializerBytes(), label);
        List<OutputFidelity> f = PruneFixture.compare(masked, pruned);
        f.forEach(o -> System.out.println("  " + o));
        assertTrue(PruneFixture.same(f), label + ": pruned ≠ masked: " + f);
        // and masking is not a no-op: the heads mattered
        assertTrue(!PruneFixture.same(PruneFixture.compare(original, pruned)), label);
    }
}
