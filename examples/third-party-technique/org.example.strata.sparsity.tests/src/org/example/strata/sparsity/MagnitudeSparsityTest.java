package org.example.strata.sparsity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.strata.core.Change;
import org.strata.core.ParameterException;
import org.strata.core.Parameters;
import org.strata.core.TargetRuntime;
import org.strata.core.TechniqueContext;
import org.strata.onnx.Model;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;

/**
 * The technique on synthetic transformers of several families (from org.strata.testing, shipped in Strata's SDK):
 * exactly the small weights become zero, nothing else changes, and the reported sparsity is the one in the graph.
 */
class MagnitudeSparsityTest {
    private final MagnitudeSparsity technique = new MagnitudeSparsity();

    private Change apply(Model m, double threshold, int minElements) {
        Parameters p = Parameters.parse(technique.descriptor(),
                Map.of(MagnitudeSparsity.THRESHOLD, Double.toString(threshold), MagnitudeSparsity.MIN_ELEMENTS, Integer.toString(minElements)));
        List<String> log = new ArrayList<>();
        return technique.apply(m, p, TechniqueContext.simple(m, TargetRuntime.ONNX, List.of(), log::add));
    }

    private static Map<String, float[]> floats(Model m) {
        Map<String, float[]> out = new HashMap<>();
        for (Value v : m.graph().initializers().values()) {
            if (v.initializer().type() == org.strata.onnx.DataType.FLOAT) out.put(v.name(), TensorCodec.toFloats(v.initializer()));
        }
        return out;
    }

    private void check(TransformerSpec spec) {
        Model before = spec.build();
        Model after = spec.build();
        double threshold = 0.02;
        int minElements = 256;
        List<String> weights = MagnitudeSparsity.weights(after.graph(), minElements).stream().map(Value::name).toList();
        assertFalse(weights.isEmpty(), "the family's projections are found by op type");
        Change c = apply(after, threshold, minElements);

        Map<String, float[]> original = floats(before);
        Map<String, float[]> result = floats(after);
        long zeros = 0;
        long total = 0;
        for (var e : original.entrySet()) {
            float[] o = e.getValue();
            float[] r = result.get(e.getKey());
            boolean sparsified = weights.contains(e.getKey());
            for (int i = 0; i < o.length; i++) {
                float expected = sparsified && Math.abs(o[i]) < threshold ? 0f : o[i];
                assertEquals(expected, r[i], 0f, e.getKey() + "[" + i + "]");
            }
            if (sparsified) {
                total += r.length;
                for (float v : r) if (v == 0f) zeros++;
            }
        }
        assertTrue(zeros > 0, "some weights are below " + threshold);
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", (double) zeros / total), c.details().get("sparsity"));
        assertEquals(Integer.toString(weights.size()), c.details().get("matrices"));
        assertTrue(c.modified());
        assertEquals(weights.size(), c.analyses().get(0).rows().size());
    }

    @Test
    void bertZeroesExactlyTheSmallProjectionWeights() {
        check(SyntheticTransformers.bertPostLn().layers(2));
    }

    @Test
    void llamaAndVitToo() {
        check(SyntheticTransformers.llama().layers(2));
        check(SyntheticTransformers.vit().layers(2));
    }

    @Test
    void zeroThresholdChangesNothing() {
        Model m = SyntheticTransformers.gpt().layers(2).build();
        Map<String, float[]> before = floats(m);
        Change c = apply(m, 0.0, 1);
        assertFalse(c.modified(), c.toString());
        Map<String, float[]> after = floats(m);
        for (var e : before.entrySet()) assertTrue(java.util.Arrays.equals(e.getValue(), after.get(e.getKey())), e.getKey());
    }

    @Test
    void matricesBelowMinElementsAreLeftAlone() {
        Model m = SyntheticTransformers.bertPreLn().layers(1).build();
        Change c = apply(m, 0.02, Integer.MAX_VALUE);
        assertFalse(c.modified());
        assertTrue(c.summary().contains("no float MatMul/Gemm weight"), c.summary());
    }

    @Test
    void badParametersAreRefusedByTheDescriptor() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> Parameters.parse(technique.descriptor(), Map.of(MagnitudeSparsity.THRESHOLD, "-1")));
        assertTrue(e.getMessage().contains(MagnitudeSparsity.THRESHOLD), e.getMessage());
        assertThrows(ParameterException.class, () -> Parameters.parse(technique.descriptor(), Map.of(MagnitudeSparsity.MIN_ELEMENTS, "many")));
    }

    @Test
    void theBundleDeclaresTheTechniqueComponent() {
        var bundle = FrameworkUtil.getBundle(MagnitudeSparsity.class);
        assertNotNull(bundle);
        String header = bundle.getHeaders().get("Service-Component");
        assertNotNull(header, "tycho-ds-plugin generated no Service-Component header");
        var xml = bundle.getEntry("OSGI-INF/" + MagnitudeSparsity.class.getName() + ".xml");
        assertNotNull(xml, "component description missing; header: " + header);
    }
}
