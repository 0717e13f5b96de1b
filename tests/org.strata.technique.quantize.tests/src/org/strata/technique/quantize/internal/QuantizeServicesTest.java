package org.strata.technique.quantize.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.strata.core.ParameterSpec;
import org.strata.core.Technique;
import org.strata.core.TechniqueDescriptor;
import org.strata.core.TechniqueRegistry;

/** quantize.static-int8, quantize.int4-weights and quantize.fp16 are DS services with typed, documented parameters. */
class QuantizeServicesTest {
    private static final List<Technique> TECHNIQUES = List.of(new StaticInt8Quantization(), new Int4WeightQuantization(),
            new Fp16Conversion());

    @Test
    void theRegistryBindsAllThree() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(StaticInt8Quantization.class);
        if (bundle.getState() != Bundle.ACTIVE) bundle.start(Bundle.START_TRANSIENT);
        BundleContext context = bundle.getBundleContext();
        TechniqueRegistry registry = null;
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<TechniqueRegistry> ref = context.getServiceReference(TechniqueRegistry.class);
            registry = ref == null ? null : context.getService(ref);
            if (registry != null && TECHNIQUES.stream().allMatch(t -> registryHas(context, t.descriptor().id()))) break;
            Thread.sleep(50);
        }
        assertNotNull(registry, "no TechniqueRegistry service: is the DS runtime (felix.scr) started?");
        for (Technique t : TECHNIQUES) {
            assertEquals(t.getClass().getName(), registry.require(t.descriptor().id()).getClass().getName());
        }
    }

    private static boolean registryHas(BundleContext context, String id) {
        ServiceReference<TechniqueRegistry> ref = context.getServiceReference(TechniqueRegistry.class);
        return ref != null && context.getService(ref).find(id).isPresent();
    }

    @Test
    void descriptorsAreTypedAndDocumented() {
        assertEquals(List.of("quantize.static-int8", "quantize.int4-weights", "quantize.fp16"),
                TECHNIQUES.stream().map(t -> t.descriptor().id()).toList());
        for (Technique t : TECHNIQUES) {
            TechniqueDescriptor d = t.descriptor();
            assertEquals("quantize", d.family());
            assertTrue(!d.lossless(), d.id());
            for (ParameterSpec p : d.parameters()) assertTrue(p.help().length() > 20, d.id() + ": " + p.describe());
        }
        TechniqueDescriptor s = new StaticInt8Quantization().descriptor();
        assertEquals("minmax", s.parameter("calibration").orElseThrow().defaultValue());
        assertEquals(List.of("minmax", "percentile", "entropy"), s.parameter("calibration").orElseThrow().choices());
        assertEquals("uint8", s.parameter("activation-type").orElseThrow().defaultValue());
        assertEquals(false, s.parameter("symmetric-activations").orElseThrow().defaultValue());
        TechniqueDescriptor q = new Int4WeightQuantization().descriptor();
        assertEquals(32, q.parameter("block-size").orElseThrow().defaultValue());
        assertEquals(16.0, q.parameter("block-size").orElseThrow().min());
        assertEquals(256.0, q.parameter("block-size").orElseThrow().max());
        assertEquals(List.of("rtn", "awq"), q.parameter("method").orElseThrow().choices());
        assertEquals(List.of("none", "int8", "int4"), q.parameter("embeddings").orElseThrow().choices());
        TechniqueDescriptor f = new Fp16Conversion().descriptor();
        assertEquals(List.of(), f.parameter("keep-fp32-ops").orElseThrow().defaultValue());
        assertEquals(true, f.parameter("keep-norms-fp32").orElseThrow().defaultValue());
    }
}
