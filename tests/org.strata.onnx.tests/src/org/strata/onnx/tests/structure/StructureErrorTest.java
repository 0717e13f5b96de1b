package org.strata.onnx.tests.structure;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.onnx.tests.TestModels;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.Node;
import org.strata.onnx.TensorType;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.structure.StructureException;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.testing.SyntheticTransformers;

/** A graph that is not what discovery expects gets a message naming the block, the node looked at and what was expected. */
class StructureErrorTest {

    /** Removes the attention Softmax of {@code block}; returns the MatMul with V that now reads the raw scores. */
    private static Node removeSoftmax(Model m, int block) {
        Node softmax = TransformerStructure.discover(m).block(block).attention().core();
        Node context = softmax.output(0).consumers().get(0);
        m.graph().replaceAllUsesWith(softmax.output(0), softmax.input(0));
        m.graph().remove(softmax);
        return context;
    }

    @Test
    void syntheticBlockWithoutSoftmaxIsNamed() {
        Model m = SyntheticTransformers.bertPostLn().layers(3).build();
        SyntheticTransformers.stripNodeNames(m.graph());
        Node context = removeSoftmax(m, 2);
        StructureException e = assertThrows(StructureException.class, () -> TransformerStructure.discover(m));
        assertTrue(e.getMessage().startsWith("block 2: expected the attention scores of the Q·Kᵀ MatMul"), e.getMessage());
        assertTrue(e.getMessage().contains("but they reach " + context.describe() + " without one"), e.getMessage());
    }

    @Test
    void miniLmBlockWithoutSoftmaxIsNamed() {
        Model m = ModelReader.read(TestModels.fp32());
        removeSoftmax(m, 2);
        StructureException e = assertThrows(StructureException.class, () -> TransformerStructure.discover(m));
        assertTrue(e.getMessage().startsWith("block 2: "), e.getMessage());
        assertTrue(e.getMessage().contains("node '/encoder/layer.1/attention/self/MatMul' (MatMul)"), e.getMessage());
        assertTrue(e.getMessage().contains("node '/encoder/layer.1/attention/self/MatMul_1' (MatMul)"), e.getMessage());
    }

    @Test
    void firstBlockWithoutSoftmaxIsBlockOne() {
        Model m = SyntheticTransformers.gpt().layers(2).build();
        Node context = removeSoftmax(m, 1);
        StructureException e = assertThrows(StructureException.class, () -> TransformerStructure.discover(m));
        assertTrue(e.getMessage().startsWith("block 1: "), e.getMessage());
        assertTrue(e.getMessage().contains(context.describe()), e.getMessage());
    }

    @Test
    void unknownActivationIsNamed() {
        Model m = SyntheticTransformers.bertPostLn().layers(3).build();
        Graph g = m.graph();
        Node erf = TransformerStructure.discover(m).block(3).ffn().activationNodes().stream()
                .filter(n -> n.is("Erf")).findFirst().orElseThrow();
        Node sin = g.addNode("Sin", List.of(erf.input(0)), "sin_instead_of_erf");
        g.replaceAllUsesWith(erf.output(0), sin.output(0));
        g.remove(erf);
        g.sortTopologically();
        StructureException e = assertThrows(StructureException.class, () -> TransformerStructure.discover(m));
        assertTrue(e.getMessage().startsWith("block 3: expected the FFN activation"), e.getMessage());
        assertTrue(e.getMessage().contains("expected an Erf node") && e.getMessage().contains(sin.describe()), e.getMessage());
    }

    @Test
    void missingResidualNormInPostLnIsNamed() {
        Model m = SyntheticTransformers.bertPostLn().layers(2).build();
        var block = TransformerStructure.discover(m).block(2);
        // the LayerNorm after the attention residual goes: the FFN reads the raw sum
        var norm = block.attentionNorm();
        m.graph().replaceAllUsesWith(norm.output(), norm.input());
        m.graph().removeDeadNodes();
        StructureException e = assertThrows(StructureException.class, () -> TransformerStructure.discover(m));
        assertTrue(e.getMessage().startsWith("block 2: expected a norm after the residual " + block.attentionResidual().node().describe()),
                e.getMessage());
    }

    @Test
    void aGraphWithoutAttentionSaysSo() {
        Graph g = new Graph("mlp");
        Value x = g.addInput("x", TensorType.of(DataType.FLOAT, 1, 4));
        Value w = g.addInitializer("w", TensorCodec.fromFloats("w", new long[] {4, 4}, new float[16]));
        Node mm = g.addNode("MatMul", List.of(x, w), "y");
        g.addOutput(mm.output(0));
        StructureException e = assertThrows(StructureException.class, () -> TransformerStructure.discover(g));
        assertTrue(e.getMessage().startsWith("found no attention") && e.getMessage().contains("MatMul=1"), e.getMessage());
    }
}
