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
import org.strata.onnx.structure.TransformerStructure;
import org.strata.testing.SyntheticTransformers;

import ai.onnxruntime.OrtException;

/** The norm rules: skip norms with and without the sum, plain norms, and what is not a norm to fuse. */
class NormFusionTest {

    private static Change fuseNormsOnly(Model m, List<String> log) {
        Change c = fuse(m, Map.of(TransformerFusion.ATTENTION, false, TransformerFusion.GELU, false), log);
        System.out.println(m.graph().name() + ": " + c.summary() + " " + log);
        return c;
    }

    @Test
    void aPostLnSumThatIsAlsoAnOutputIsPassedOnAsOutput3() throws OrtException {
        Model original = SyntheticTransformers.bertPostLn().build();
        TransformerStructure s = TransformerStructure.discover(original);
        Value sum = s.block(1).attentionResidual().node().output(0);
        original.graph().addOutput(sum);
        ShapeInference.standard().infer(original);
        Model fused = copy(original);
        Change c = fuseNormsOnly(fused, new ArrayList<>());
        assertValid(fused);
        assertEquals(5, ms(fused, "SkipLayerNormalization"));
        assertEquals(1, detail(c, "sums-kept"));
        assertEquals(original.graph().outputs().size(), fused.graph().outputs().size());
        assertLossless(original, fused);
    }

    @Test
    void aNormThatDoesNotSquareIsLeft() throws OrtException {
        Model original = SyntheticTransformers.bertPostLn().build();
        // exponent 2.0005: structure discovery (1e-3 tolerance) still sees a LayerNorm; the fusion must not
        TransformerStructure s = TransformerStructure.discover(original);
        Node pow = s.block(1).attentionNorm().nodes().stream().filter(n -> n.is("Pow")).findFirst().orElseThrow();
        pow.setInput(1, original.graph().addInitializer("almost_two", TensorCodec.fromFloats("almost_two", new long[0], new float[] {2.0005f})));
        Model fused = copy(original);
        List<String> log = new ArrayList<>();
        Change c = fuseNormsOnly(fused, log);
        assertValid(fused);
        assertEquals(4, ms(fused, "SkipLayerNormalization"));
        assertEquals(1, detail(c, "left"));
        assertTrue(log.get(0).contains("does not square"), log.toString());
        assertEquals(2, any(fused, "ReduceMean"), "the one norm left decomposed");
        assertLossless(original, fused);
    }

    @Test
    void rmsNormsFuseAtOpset11Too() throws OrtException {
        Model original = SyntheticTransformers.llama().opset(11).build();
        Model fused = copy(original);
        Change c = fuseNormsOnly(fused, new ArrayList<>());
        assertValid(fused);
        assertEquals(2, ms(fused, "SkipSimplifiedLayerNormalization"), c.summary());
        assertEquals(3, any(fused, "SimplifiedLayerNormalization"));
        assertTrue(fused.graph().nodes().stream().filter(n -> n.opType().equals("SimplifiedLayerNormalization"))
                .allMatch(n -> n.domain().equals(NormFusion.LN_DOMAIN)));
        assertLossless(original, fused);
    }
}
