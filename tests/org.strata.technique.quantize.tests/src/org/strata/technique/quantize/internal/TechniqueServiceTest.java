package org.strata.technique.quantize.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.strata.core.GraphForm;
import org.strata.core.ParameterSpec;
import org.strata.core.Technique;
import org.strata.core.TechniqueDescriptor;
import org.strata.core.TechniqueRegistry;

/** The technique is a Declarative Services component the registry binds, with the descriptor forms and help are built from. */
class TechniqueServiceTest {
    @Test
    void theRegistryFindsTheTechniqueService() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(DynamicInt8Quantization.class);
        if (bundle.getState() != Bundle.ACTIVE) bundle.start(Bundle.START_TRANSIENT);
        BundleContext context = bundle.getBundleContext();
        TechniqueRegistry registry = null;
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<TechniqueRegistry> ref = context.getServiceReference(TechniqueRegistry.class);
            if (ref != null) {
                registry = context.getService(ref);
                if (registry != null && registry.find(DynamicInt8Quantization.ID).isPresent()) break;
            }
            Thread.sleep(50);
        }
        assertNotNull(registry, "no TechniqueRegistry service: is the DS runtime (felix.scr) started?");
        Technique t = registry.require(DynamicInt8Quantization.ID);
        assertEquals(DynamicInt8Quantization.class.getName(), t.getClass().getName());
    }

    @Test
    void descriptorDeclaresTheParametersAUserOfQuantizeDynamicExpects() {
        TechniqueDescriptor d = new DynamicInt8Quantization().descriptor();
        assertEquals("quantize.dynamic-int8", d.id());
        assertEquals("quantize", d.family());
        assertTrue(!d.lossless());
        assertEquals(Set.of(GraphForm.PLAIN, GraphForm.FUSED), d.accepts());
        assertEquals(java.util.List.of("form", "per-channel", "symmetric", "weight-type", "reduce-range", "quantize-embeddings",
                "quantize-other-products", "exclude-op-types", "exclude-blocks", "exclude-nodes"),
                d.parameters().stream().map(ParameterSpec::name).toList());
        ParameterSpec form = d.parameter("form").orElseThrow();
        assertEquals("auto", form.defaultValue());
        assertEquals(ProductForm.choices(), form.choices());
        assertEquals(true, d.parameter("per-channel").orElseThrow().defaultValue());
        assertEquals(false, d.parameter("reduce-range").orElseThrow().defaultValue());
        for (ParameterSpec p : d.parameters()) assertTrue(p.help().length() > 20, p.describe());
    }
}
