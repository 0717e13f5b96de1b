package org.strata.technique.fuse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.technique.fuse.internal.FusionTesting.any;
import static org.strata.technique.fuse.internal.FusionTesting.assertLossless;
import static org.strata.technique.fuse.internal.FusionTesting.assertValid;
import static org.strata.technique.fuse.internal.FusionTesting.copy;
import static org.strata.technique.fuse.internal.FusionTesting.detail;
import static org.strata.technique.fuse.internal.FusionTesting.fuse;
import static org.strata.technique.fuse.internal.FusionTesting.ms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.strata.core.Change;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.infer.ShapeInference;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;

import ai.onnxruntime.OrtException;

/** The attention rule: what it fuses, and what it must leave (with its reason) so that outputs stay the same. */
class AttentionFusionTest {

    private static Change fuseLogging(Model m, List<String> log) {
        Change c = fuse(m, Map.of(), log);
        System.out.println(m.graph().name() + ": " + c.summary() + " " + log);
        return c;
    }

    @Test
    void reshapeTargetsComputedAtRunTimeAreProvedByShapeInference() throws OrtException {
        Model original = SyntheticTransformers.bertPostLn().dynamicReshapes(true).build();
        Model fused = copy(original);
        List<String> log = new ArrayList<>();
        fuseLogging(fused, log);
        assertValid(fused);
        assertEquals(2, ms(fused, "Attention"), log.toString());
        assertEquals(0, any(fused, "Reshape"), "the Shape/Gather/Concat targets went with their Reshapes");
        assertLossless(original, fused);
    }

    @Test
    void anAttentionWhoseProbabilitiesAreAlsoAnOutputIsLeft() throws OrtException {
        Model original = SyntheticTransformers.bertPostLn().build();
        Node softmax = original.graph().nodes().stream().filter(n -> n.is("Softmax")).findFirst().orElseThrow();
        original.graph().addOutput(softmax.output(0));
        ShapeInference.standard().infer(original);
        Model fused = copy(original);
        List<String> log = new ArrayList<>();
        Change c = fuseLogging(fused, log);
        assertValid(fused);
        assertEquals(1, ms(fused, "Attention"), "block 2 only");
        assertEquals(1, detail(c, "left"));
        assertTrue(log.get(0).contains("block 1") && log.get(0).contains("read outside the fused part"), log.toString());
        assertLossless(original, fused);
    }

    @Test
    void aMaskThatIsNotTheZeroOnePaddingFormIsLeft() throws OrtException {
        Model original = SyntheticTransformers.bertPostLn().build();
        // (1 − mask) · c with c > 0 would raise hidden keys: not what mask_filter_value expresses
        Node softmax = original.graph().nodes().stream().filter(n -> n.is("Softmax")).findFirst().orElseThrow();
        Node maskAdd = softmax.input(0).producer();
        Value bias = maskAdd.input(1);
        Node mul = bias.producer();
        assertTrue(mul.is("Mul"), "the synthetic BERT's mask is (1 − m) · c: " + mul.describe());
        int c = ConstantValues.scalarOperand(mul);
        Value positive = original.graph().addInitializer("positive_mask_constant",
                TensorCodec.fromFloats("positive_mask_constant", new long[0], new float[] {3f}));
        mul.setInput(c, positive);
        Model fused = copy(original);
        List<String> log = new ArrayList<>();
        Change change = fuseLogging(fused, log);
        assertValid(fused);
        assertEquals(0, ms(fused, "Attention"), "both blocks read the same mask");
        assertEquals(2, detail(change, "left"));
        assertTrue(log.stream().allMatch(l -> l.contains("negative constant")), log.toString());
        assertLossless(original, fused);
    }

    @Test
    void otherProjectionFormsAndPackedQkvAreLeftWithTheirReason() throws OrtException {
        record Case(TransformerSpec spec, String reason) {
        }
        for (Case k : List.of(
                new Case(SyntheticTransformers.bertPostLn().projection(TransformerSpec.ProjectionForm.GEMM), "float MatMul"),
                new Case(SyntheticTransformers.bertPostLn().projection(TransformerSpec.ProjectionForm.QDQ), "float MatMul"),
                new Case(SyntheticTransformers.bertPostLn().qkv(TransformerSpec.QkvForm.SPLIT), "one projection divided by SPLIT"))) {
            Model original = k.spec().build();
            Model fused = copy(original);
            List<String> log = new ArrayList<>();
            fuseLogging(fused, log);
            assertValid(fused);
            assertEquals(0, ms(fused, "Attention"), k.spec().toString());
            assertTrue(log.stream().anyMatch(l -> l.contains(k.reason())), log.toString());
            assertLossless(original, fused);
        }
    }

    @Test
    void moreHeadsAndLayersFuseWithTheirOwnHeadCount() throws OrtException {
        Model original = SyntheticTransformers.bertPostLn().layers(3).heads(8).hidden(64).build();
        Model fused = copy(original);
        fuse(fused);
        assertEquals(3, ms(fused, "Attention"));
        assertTrue(fused.graph().nodes().stream().filter(n -> n.is(Node.MS_DOMAIN, "Attention"))
                .allMatch(n -> n.attrInt("num_heads", 0) == 8 && Math.abs(n.attrFloat("scale", 0) - 1 / Math.sqrt(8)) < 1e-6));
        assertLossless(original, fused);
    }
}
