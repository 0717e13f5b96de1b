package org.strata.onnx.tests.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.strata.onnx.tests.TestModels;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
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

/** Structure discovery on the real all-MiniLM-L6-v2, fp32 and its ORT dynamic-int8 sibling. */
class MiniLmStructureTest {

    @Test
    void fp32IsAPostLnEncoderOfSixBlocks() {
        Model m = ModelReader.read(TestModels.fp32());
        TransformerStructure s = TransformerStructure.discover(m);
        assertMiniLm(s, Quantization.NONE, DataType.FLOAT);
        // every node of the graph is in exactly one part: 24 embedding nodes, 7 mask nodes, 6 × 101 block nodes
        assertEquals(24, s.embeddings().nodes().size());
        assertEquals(7, s.attentionMask().nodes().size());
        Set<Node> seen = new HashSet<>();
        seen.addAll(s.embeddings().nodes());
        seen.addAll(s.attentionMask().nodes());
        for (Block b : s.blocks()) {
            assertEquals(101, b.nodes().size(), "nodes of block " + b.number());
            for (Node n : b.nodes()) assertTrue(seen.add(n), n + " is in two parts");
        }
        assertEquals(m.graph().nodes().size(), seen.size());
    }

    @Test
    void int8HasTheSameShapeWithDynamicInt8Projections() {
        Model m = ModelReader.read(TestModels.int8());
        TransformerStructure s = TransformerStructure.discover(m);
        assertMiniLm(s, Quantization.DYNAMIC_INT8, DataType.INT8);
        for (Block b : s.blocks()) {
            for (Projection p : b.projections()) {
                assertEquals("MatMulInteger", p.node().opType());
                // DynamicQuantizeLinear, MatMulInteger, Cast, scale Mul, output Mul, bias Add
                assertTrue(p.nodes().stream().anyMatch(n -> n.is("DynamicQuantizeLinear")), p.toString());
                assertEquals(6, p.nodes().size(), p.nodes().toString());
            }
        }
        assertEquals(DataType.UINT8, s.embeddings().tokens().initializer().type(), "the int8 export stores tables as uint8");
    }

    @Test
    void scrambledNamesGiveTheSameStructure() {
        Model plain = ModelReader.read(TestModels.fp32());
        Model scrambled = ModelReader.read(TestModels.fp32());
        SyntheticTransformers.scrambleNames(scrambled.graph(), 42);
        assertNull(scrambled.graph().value("last_hidden_state"), "names were not scrambled");
        TransformerStructure a = TransformerStructure.discover(plain);
        TransformerStructure b = TransformerStructure.discover(scrambled);
        assertEquals(a.summary(), b.summary());
        for (int i = 1; i <= 6; i++) {
            assertTrue(a.block(i).attention().q().weight().initializer()
                    .sameContent(b.block(i).attention().q().weight().initializer()), "query weight of block " + i);
            assertTrue(a.block(i).ffn().down().weight().initializer()
                    .sameContent(b.block(i).ffn().down().weight().initializer()), "down weight of block " + i);
        }
    }

    private static void assertMiniLm(TransformerStructure s, Quantization quantization, DataType weightType) {
        Graph g = s.blocks().get(0).input().graph();
        assertEquals(ModelFamily.ENCODER, s.family());
        assertEquals(384, s.hiddenSize());
        assertEquals(6, s.blockCount());
        assertEquals(NormPlacement.POST_LN, s.placement());
        for (Block b : s.blocks()) {
            String where = "block " + b.number();
            assertEquals(s.blocks().indexOf(b) + 1, b.number());
            if (b.number() > 1) assertSame(s.block(b.number() - 1).output(), b.input(), where + " input");
            var a = b.attention();
            assertEquals(12, a.heads(), where);
            assertEquals(12, a.kvHeads(), where);
            assertEquals(32, a.headSize(), where);
            assertEquals(QkvLayout.SEPARATE, a.layout(), where);
            assertTrue(a.core().is("Softmax"), where);
            assertFalse(a.fused());
            assertNull(a.rotary());
            assertFalse(a.causal());
            assertSame(b.input(), a.input(), where + ": post-LN attention reads the block input");
            for (Projection p : b.projections()) {
                assertEquals(quantization, p.quantization(), where + " " + p);
                assertEquals(weightType, p.weight().initializer().type(), where + " " + p);
                assertNotNull(p.bias(), where + " " + p);
            }
            for (Projection p : a.inputProjections()) {
                assertEquals(384, p.inFeatures());
                assertEquals(384, p.outFeatures());
            }
            assertEquals(Activation.ERF_GELU, b.ffn().activation(), where);
            assertEquals(1536, b.ffn().intermediateSize(), where);
            assertNull(b.ffn().gate());
            assertArrayEquals(new long[] {384, 1536}, new long[] {b.ffn().up().inFeatures(), b.ffn().up().outFeatures()});
            assertArrayEquals(new long[] {1536, 384}, new long[] {b.ffn().down().inFeatures(), b.ffn().down().outFeatures()});
            assertEquals(2, b.norms().size(), where);
            for (Norm n : b.norms()) {
                assertEquals(NormKind.LAYER_NORM, n.kind(), where);
                assertFalse(n.fused(), where);
                assertEquals(9, n.nodes().size(), where + " decomposed LayerNorm nodes");
                assertEquals(1e-12, n.epsilon(), 1e-15, where);
            }
            assertSame(b.output(), b.ffnNorm().output(), where + ": post-LN block ends in its norm");
            assertSame(b.input(), b.attentionResidual().stream());
            assertTrue(b.attentionResidual().node().is("Add"));
        }
        assertSame(g.value("input_ids"), s.embeddings().inputs().get(0));
        assertArrayEquals(new long[] {30522, 384}, s.embeddings().tokens().initializer().dims());
        assertArrayEquals(new long[] {512, 384}, s.embeddings().positions().initializer().dims());
        assertArrayEquals(new long[] {2, 384}, s.embeddings().tokenTypes().initializer().dims());
        assertEquals(NormKind.LAYER_NORM, s.embeddings().norm().kind());
        assertSame(s.block(1).input(), s.embeddings().output());
        assertSame(g.value("attention_mask"), s.attentionMask().input());
        assertFalse(s.attentionMask().causal());
        assertNull(s.finalNorm());
        assertEquals(HeadKind.HIDDEN_STATES, s.head().kind());
        assertSame(g.outputs().get(0), s.head().hiddenStates());
        assertSame(s.block(6).output(), s.head().hiddenStates());
    }
}
