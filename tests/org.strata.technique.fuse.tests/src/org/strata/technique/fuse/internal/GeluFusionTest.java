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

import ai.onnxruntime.OrtException;

/** The GELU rule: exact formula only. */
class GeluFusionTest {

    private static Change fuseGeluOnly(Model m, List<String> log) {
        Change c = fuse(m, Map.of(TransformerFusion.ATTENTION, false, TransformerFusion.SKIP_LAYER_NORM, false,
                TransformerFusion.LAYER_NORM, false), log);
        System.out.println(m.graph().name() + ": " + c.summary() + " " + log);
        return c;
    }

    @Test
    void aGeluWithAnotherConstantIsNotAGelu() throws OrtException {
        Model original = SyntheticTransformers.bertPostLn().build();
        // block 1: x / 1.3 instead of x / √2 — the structure still calls it a GELU, the fusion must not
        Node erf = original.graph().nodes().stream().filter(n -> n.is("Erf")).findFirst().orElseThrow();
        Node div = erf.input(0).producer();
        Value wrong = original.graph().addInitializer("not_sqrt2", TensorCodec.fromFloats("not_sqrt2", new long[0], new float[] {1.3f}));
        div.setInput(1, wrong);
        Model fused = copy(original);
        List<String> log = new ArrayList<>();
        Change c = fuseGeluOnly(fused, log);
        assertValid(fused);
        assertEquals(1, ms(fused, "BiasGelu"), "block 2 only");
        assertEquals(1, any(fused, "Erf"));
        assertEquals(1, detail(c, "left"));
        assertTrue(log.get(0).contains("block 1") && log.get(0).contains("not √2"), log.toString());
        assertLossless(original, fused);
    }

    @Test
    void aGeluWhoseInnerValueIsReadElsewhereIsLeft() throws OrtException {
        Model original = SyntheticTransformers.bertPostLn().build();
        Node erf = original.graph().nodes().stream().filter(n -> n.is("Erf")).findFirst().orElseThrow();
        original.graph().addOutput(erf.output(0));
        ShapeInference.standard().infer(original);
        Model fused = copy(original);
        List<String> log = new ArrayList<>();
        fuseGeluOnly(fused, log);
        assertValid(fused);
        assertEquals(1, ms(fused, "BiasGelu"));
        assertTrue(log.get(0).contains("read outside it"), log.toString());
        assertLossless(original, fused);
    }

    @Test
    void withoutBiasFoldingTheBiasAddStaysForTheQuantizer() throws OrtException {
        Model original = SyntheticTransformers.bertPostLn().build();
        Model fused = copy(original);
        fuse(fused, Map.of(TransformerFusion.BIAS_GELU, false), new ArrayList<>());
        assertEquals(2, ms(fused, "Gelu"));
        for (Node g : fused.graph().nodes()) {
            if (!g.is(Node.MS_DOMAIN, "Gelu")) continue;
            Node add = g.input(0).producer();
            assertTrue(add.is("Add") && add.inputs().stream().anyMatch(Value::isInitializer), "Gelu reads the bias Add: " + add.describe());
        }
        assertLossless(original, fused);
    }

    @Test
    void tanhGeluBecomesFastGeluWithOrWithoutItsBias() throws OrtException {
        for (boolean bias : List.of(true, false)) {
            Model original = SyntheticTransformers.gpt().build();
            Model fused = copy(original);
            fuse(fused, Map.of(TransformerFusion.BIAS_GELU, bias), new ArrayList<>());
            assertEquals(2, ms(fused, "FastGelu"));
            assertEquals(0, any(fused, "Tanh"));
            int inputs = bias ? 2 : 1;
            assertTrue(fused.graph().nodes().stream().filter(n -> n.is(Node.MS_DOMAIN, "FastGelu")).allMatch(n -> n.inputs().size() == inputs));
            assertLossless(original, fused);
        }
    }
}
