package org.strata.onnx.tests.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.onnx.DataType;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.structure.Activation;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.HeadKind;
import org.strata.onnx.structure.ModelFamily;
import org.strata.onnx.structure.Norm;
import org.strata.onnx.structure.NormKind;
import org.strata.onnx.structure.NormPlacement;
import org.strata.onnx.structure.Projection;
import org.strata.onnx.structure.QkvLayout;
import org.strata.onnx.structure.Quantization;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;
import org.strata.testing.TransformerSpec.ActivationForm;
import org.strata.testing.TransformerSpec.AttentionForm;
import org.strata.testing.TransformerSpec.Family;
import org.strata.testing.TransformerSpec.Naming;
import org.strata.testing.TransformerSpec.NormForm;
import org.strata.testing.TransformerSpec.ProjectionForm;
import org.strata.testing.TransformerSpec.QkvForm;

/**
 * Discovery on synthetic graphs of every family, depth, width and form: what is found must be what the
 * spec built, and must not change when the names change.
 */
class SyntheticStructureTest {

    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of("BERT post-LN", SyntheticTransformers.bertPostLn()),
                Arguments.of("BERT post-LN, 1 layer, hidden 32, 2 heads",
                        SyntheticTransformers.bertPostLn().layers(1).hidden(32).heads(2).ffn(64)),
                Arguments.of("BERT post-LN, 5 layers, 12 heads of 8, opset 11, constant reshapes",
                        SyntheticTransformers.bertPostLn().layers(5).hidden(96).heads(12).ffn(384).opset(11)
                                .dynamicReshapes(false)),
                Arguments.of("BERT post-LN fused: Attention, SkipLayerNormalization, BiasGelu, pooler",
                        SyntheticTransformers.bertPostLn().attention(AttentionForm.ATTENTION).norm(NormForm.SKIP)
                                .activation(ActivationForm.BIAS_GELU).head(TransformerSpec.Head.POOLER)),
                Arguments.of("BERT post-LN: MultiHeadAttention, LayerNormalization, FastGelu",
                        SyntheticTransformers.bertPostLn().attention(AttentionForm.MULTI_HEAD_ATTENTION)
                                .norm(NormForm.FUSED).activation(ActivationForm.FAST_GELU)),
                Arguments.of("BERT post-LN: Gelu, Gemm projections, misleading names",
                        SyntheticTransformers.bertPostLn().activation(ActivationForm.GELU).projection(ProjectionForm.GEMM)
                                .naming(Naming.MISLEADING)),
                Arguments.of("BERT pre-LN", SyntheticTransformers.bertPreLn()),
                Arguments.of("BERT pre-LN, 5 layers, hidden 96, 6 heads, anonymous",
                        SyntheticTransformers.bertPreLn().layers(5).hidden(96).heads(6).naming(Naming.ANONYMOUS)),
                Arguments.of("BERT pre-LN: Attention, SkipLayerNormalization sum output, opset 11",
                        SyntheticTransformers.bertPreLn().attention(AttentionForm.ATTENTION).norm(NormForm.SKIP).opset(11)),
                Arguments.of("GPT: MatMul + Split QKV", SyntheticTransformers.gpt()),
                Arguments.of("GPT, 1 layer", SyntheticTransformers.gpt().layers(1)),
                Arguments.of("GPT: Gemm + Slice QKV, opset 11",
                        SyntheticTransformers.gpt().projection(ProjectionForm.GEMM).qkv(QkvForm.SLICE).opset(11)),
                Arguments.of("GPT: packed QKV + Gather, constant reshapes, 5 layers",
                        SyntheticTransformers.gpt().qkv(QkvForm.GATHER).dynamicReshapes(false).layers(5)),
                Arguments.of("GPT fused: Attention(unidirectional), LayerNormalization, FastGelu",
                        SyntheticTransformers.gpt().attention(AttentionForm.ATTENTION).norm(NormForm.FUSED)
                                .activation(ActivationForm.FAST_GELU)),
                Arguments.of("GPT: MultiHeadAttention, SkipLayerNormalization",
                        SyntheticTransformers.gpt().attention(AttentionForm.MULTI_HEAD_ATTENTION).norm(NormForm.SKIP)),
                Arguments.of("LLaMA: 8 heads, 2 KV heads", SyntheticTransformers.llama()),
                Arguments.of("LLaMA: 5 layers, hidden 128, 8 heads, 2 KV heads, anonymous",
                        SyntheticTransformers.llama().layers(5).hidden(128).heads(8).kvHeads(2).ffn(344)
                                .naming(Naming.ANONYMOUS)),
                Arguments.of("LLaMA: 1 layer, 4 heads, SimplifiedLayerNormalization, opset 11",
                        SyntheticTransformers.llama().layers(1).heads(4).norm(NormForm.FUSED).opset(11)),
                Arguments.of("LLaMA: SkipSimplifiedLayerNormalization, Split QKV, 4 heads of 16",
                        SyntheticTransformers.llama().heads(4).norm(NormForm.SKIP).qkv(QkvForm.SPLIT)),
                Arguments.of("LLaMA: Gemm + Slice QKV, 16 heads, 4 KV heads, misleading names",
                        SyntheticTransformers.llama().hidden(128).heads(16).kvHeads(4).projection(ProjectionForm.GEMM)
                                .qkv(QkvForm.SLICE).naming(Naming.MISLEADING)),
                Arguments.of("BERT post-LN: QDQ projections", SyntheticTransformers.bertPostLn().projection(ProjectionForm.QDQ)),
                Arguments.of("BERT pre-LN: Attention + SkipLayerNormalization, 4-bit MatMulNBits projections",
                        SyntheticTransformers.bertPreLn().attention(AttentionForm.ATTENTION).norm(NormForm.SKIP)
                                .projection(ProjectionForm.MATMUL_NBITS)),
                Arguments.of("GPT: Slice QKV, 4-bit MatMulNBits projections",
                        SyntheticTransformers.gpt().qkv(QkvForm.SLICE).projection(ProjectionForm.MATMUL_NBITS)),
                Arguments.of("LLaMA: dynamic int8 projections, opset 11",
                        SyntheticTransformers.llama().projection(ProjectionForm.DYNAMIC_INT8).opset(11)),
                Arguments.of("LLaMA: QDQ projections, 5 layers", SyntheticTransformers.llama().layers(5).projection(ProjectionForm.QDQ)),
                Arguments.of("ViT: dynamic int8 projections, MultiHeadAttention",
                        SyntheticTransformers.vit().attention(AttentionForm.MULTI_HEAD_ATTENTION).projection(ProjectionForm.DYNAMIC_INT8)),
                Arguments.of("ViT with classifier", SyntheticTransformers.vit().classifier(10)),
                Arguments.of("ViT fused: Attention, SkipLayerNormalization, Gelu",
                        SyntheticTransformers.vit().attention(AttentionForm.ATTENTION).norm(NormForm.SKIP)
                                .activation(ActivationForm.GELU)),
                Arguments.of("ViT: 5 layers, MultiHeadAttention, LayerNormalization, FastGelu, 16×16 patches of 4",
                        SyntheticTransformers.vit().layers(5).image(16, 4, 1).attention(AttentionForm.MULTI_HEAD_ATTENTION)
                                .norm(NormForm.FUSED).activation(ActivationForm.FAST_GELU)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void findsWhatWasBuilt(String name, TransformerSpec spec) {
        Model m = spec.build();
        TransformerStructure s = TransformerStructure.discover(m);
        assertMatches(spec, s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void namesDoNotMatter(String name, TransformerSpec spec) {
        TransformerStructure reference = TransformerStructure.discover(spec.naming(Naming.EXPORTER).build());
        Model anonymous = spec.naming(Naming.ANONYMOUS).build();
        Model misleading = spec.naming(Naming.MISLEADING).build();
        Model scrambled = spec.build();
        SyntheticTransformers.scrambleNames(scrambled.graph(), 11);
        SyntheticTransformers.stripNodeNames(misleading.graph());
        for (Model m : List.of(anonymous, misleading, scrambled)) {
            TransformerStructure s = TransformerStructure.discover(m);
            assertEquals(reference.summary(), s.summary());
            for (int i = 1; i <= spec.layers(); i++) {
                // same seed, same weights: block i's parts are the same tensors whatever the names say
                assertTrue(reference.block(i).attention().o().weight().initializer()
                        .sameContent(s.block(i).attention().o().weight().initializer()), "output projection of block " + i);
                assertTrue(reference.block(i).ffn().up().weight().initializer()
                        .sameContent(s.block(i).ffn().up().weight().initializer()), "up projection of block " + i);
                Projection q = reference.block(i).attention().inputProjections().get(0);
                assertTrue(q.weight().initializer().sameContent(
                        s.block(i).attention().inputProjections().get(0).weight().initializer()), "query projection of block " + i);
            }
        }
    }

    /** Checks every fact of the structure against the spec that built the graph. */
    static void assertMatches(TransformerSpec spec, TransformerStructure s) {
        Family f = spec.family();
        assertEquals(switch (f) {
            case GPT, LLAMA -> ModelFamily.DECODER;
            case VIT -> ModelFamily.VISION;
            default -> ModelFamily.ENCODER;
        }, s.family());
        assertEquals(spec.hidden(), s.hiddenSize());
        assertEquals(spec.layers(), s.blockCount());
        assertEquals(spec.preLn() ? NormPlacement.PRE_LN : NormPlacement.POST_LN, s.placement());
        boolean decoder = f == Family.GPT || f == Family.LLAMA;
        Set<Node> seen = new HashSet<>();
        for (Block b : s.blocks()) {
            String where = "block " + b.number();
            if (b.number() > 1) assertSame(s.block(b.number() - 1).output(), b.input(), where);
            for (Node n : b.nodes()) assertTrue(seen.add(n), n + " is in two blocks");
            assertEquals(s.block(1).nodes().size(), b.nodes().size(), where + " differs in size from block 1");
            var a = b.attention();
            assertEquals(spec.heads(), a.heads(), where);
            assertEquals(spec.kvHeads(), a.kvHeads(), where);
            assertEquals(spec.headSize(), a.headSize(), where);
            assertEquals(decoder, a.causal(), where);
            assertEquals(f == Family.LLAMA, a.rotary() != null, where);
            assertEquals(switch (spec.attention()) {
                case PLAIN -> "Softmax";
                case ATTENTION -> "Attention";
                case MULTI_HEAD_ATTENTION -> "MultiHeadAttention";
            }, a.core().opType(), where);
            assertEquals(switch (spec.attention()) {
                case ATTENTION -> QkvLayout.FUSED_NODE;
                case MULTI_HEAD_ATTENTION -> QkvLayout.SEPARATE;
                case PLAIN -> QkvLayout.valueOf(spec.qkv().name());
            }, a.layout(), where);
            if (a.layout() == QkvLayout.SEPARATE) {
                assertProjection(a.q(), spec, spec.hidden(), spec.heads() * spec.headSize(), where + " Q");
                assertProjection(a.k(), spec, spec.hidden(), spec.kvHeads() * spec.headSize(), where + " K");
                assertProjection(a.v(), spec, spec.hidden(), spec.kvHeads() * spec.headSize(), where + " V");
                assertNull(a.qkv());
            } else {
                assertEquals((spec.heads() + 2L * spec.kvHeads()) * spec.headSize(), a.qkv().outFeatures(), where);
                int dividers = switch (a.layout()) {
                    case FUSED_NODE -> 0; // the fused node divides the packed QKV itself
                    case SPLIT -> 1;
                    default -> 3; // three Slices or Gathers
                };
                assertEquals(dividers, a.splitNodes().size(), where + " " + a.splitNodes());
            }
            assertProjection(a.o(), spec, spec.hidden(), spec.hidden(), where + " O");
            if (f == Family.LLAMA) {
                assertEquals(Activation.SWIGLU, b.ffn().activation(), where);
                assertProjection(b.ffn().gate(), spec, spec.hidden(), spec.ffn(), where + " gate");
            } else {
                assertEquals(switch (spec.activation()) {
                    case DECOMPOSED -> f == Family.GPT ? Activation.TANH_GELU : Activation.ERF_GELU;
                    case GELU, BIAS_GELU -> Activation.ERF_GELU;
                    case FAST_GELU -> Activation.FAST_GELU;
                }, b.ffn().activation(), where);
                assertNull(b.ffn().gate());
            }
            assertEquals(spec.ffn(), b.ffn().intermediateSize(), where);
            assertProjection(b.ffn().up(), spec, spec.hidden(), spec.ffn(), where + " up");
            assertProjection(b.ffn().down(), spec, spec.ffn(), spec.hidden(), where + " down");
            assertNorms(spec, b);
            assertTrue(b.nodes().containsAll(a.nodes()), where + ": attention nodes outside the block");
            assertTrue(b.nodes().containsAll(b.ffn().nodes()), where + ": FFN nodes outside the block");
            assertTrue(b.nodes().contains(a.core()) && b.nodes().contains(b.ffn().down().node()), where);
        }
        var e = s.embeddings();
        assertSame(s.block(1).input(), e.output());
        assertEquals(f != Family.VIT, e.tokens() != null, "token table");
        assertEquals(f != Family.LLAMA, e.positions() != null, "position table");
        assertEquals(f == Family.BERT_POST_LN || f == Family.BERT_PRE_LN, e.tokenTypes() != null, "token-type table");
        assertEquals(f == Family.BERT_POST_LN || f == Family.BERT_PRE_LN, e.norm() != null, "embedding norm");
        assertEquals(f == Family.VIT, e.patches() != null, "patch embedding");
        assertEquals(f == Family.VIT, e.classToken() != null, "class token");
        if (e.patches() != null) {
            assertEquals((long) spec.channels() * spec.patchSize() * spec.patchSize(), e.patches().inFeatures());
            assertEquals(spec.hidden(), e.patches().outFeatures());
        }
        if (f == Family.VIT) {
            assertNull(s.attentionMask());
        } else {
            assertSame(s.blocks().get(0).input().graph().realInputs().get(1), s.attentionMask().input(), "mask input");
            assertEquals(decoder, s.attentionMask().causal());
            assertFalse(s.attentionMask().consumed().isEmpty());
        }
        assertEquals(spec.preLn(), s.finalNorm() != null, "final norm");
        assertEquals(HeadKind.valueOf(spec.head().name()), s.head().kind());
        if (s.head().projection() != null) {
            long out = switch (spec.head()) {
                case LM_HEAD -> spec.vocab();
                case CLASSIFIER -> spec.classes();
                default -> spec.hidden();
            };
            assertEquals(out, s.head().projection().outFeatures());
            if (spec.head() == TransformerSpec.Head.LM_HEAD) {
                assertEquals(f == Family.GPT, s.head().projection().weightTransposed(), "GPT ties its LM head to the token table");
            }
        }
    }

    private static void assertProjection(Projection p, TransformerSpec spec, long in, long out, String where) {
        assertNotNull(p, where);
        assertEquals(in, p.inFeatures(), where);
        assertEquals(out, p.outFeatures(), where);
        assertEquals(spec.family() != TransformerSpec.Family.LLAMA, p.bias() != null, where + " bias");
        ProjectionForm form = spec.projection();
        assertEquals(switch (form) {
            case MATMUL, GEMM -> Quantization.NONE;
            case QDQ -> Quantization.QDQ;
            case DYNAMIC_INT8 -> Quantization.DYNAMIC_INT8;
            case MATMUL_NBITS -> Quantization.INT4_BLOCKWISE;
        }, p.quantization(), where);
        assertEquals(switch (form) {
            case GEMM -> "Gemm";
            case DYNAMIC_INT8 -> "MatMulInteger";
            case MATMUL_NBITS -> "MatMulNBits";
            default -> "MatMul";
        }, p.node().opType(), where);
        assertEquals(form == ProjectionForm.GEMM || form == ProjectionForm.MATMUL_NBITS, p.weightTransposed(), where);
        assertEquals(switch (form) {
            case QDQ, DYNAMIC_INT8 -> DataType.INT8;
            case MATMUL_NBITS -> DataType.UINT8;
            default -> DataType.FLOAT;
        }, p.weight().initializer().type(), where);
    }

    private static void assertNorms(TransformerSpec spec, Block b) {
        boolean rms = spec.family() == TransformerSpec.Family.LLAMA;
        NormKind plain = rms ? NormKind.RMS_NORM : NormKind.LAYER_NORM;
        NormKind skip = rms ? NormKind.SKIP_RMS_NORM : NormKind.SKIP_LAYER_NORM;
        boolean skipForm = spec.norm() == NormForm.SKIP;
        Norm first = b.attentionNorm();
        Norm second = b.ffnNorm();
        String where = "block " + b.number();
        if (spec.preLn()) {
            assertEquals(plain, first.kind(), where);
            assertEquals(skipForm ? skip : plain, second.kind(), where);
            assertSame(b.attention().input(), first.output(), where + ": pre-LN attention reads the first norm");
            assertSame(b.ffn().input(), second.output(), where + ": pre-LN FFN reads the second norm");
            assertTrue(b.ffnResidual().node().is("Add"), where);
        } else {
            assertEquals(skipForm ? skip : plain, first.kind(), where);
            assertEquals(skipForm ? skip : plain, second.kind(), where);
            assertSame(b.output(), second.output(), where + ": post-LN block ends in its norm");
        }
        assertEquals(skipForm, b.attentionResidual().fusedWithNorm(), where);
        for (Norm n : b.norms()) {
            assertEquals(spec.norm() != NormForm.DECOMPOSED, n.fused(), where);
            assertEquals(rms ? 1e-6 : 1e-12, n.epsilon(), rms ? 1e-9 : 1e-15, where + " epsilon");
            assertNotNull(n.scale(), where);
            assertEquals(!rms, n.bias() != null, where + " norm bias");
        }
    }
}
