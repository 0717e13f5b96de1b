package org.strata.technique.prune.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.strata.core.GraphForm;
import org.strata.core.ParameterSpec;
import org.strata.core.TechniqueDescriptor;
import org.strata.core.TechniqueRegistry;

/** Both techniques are Declarative Services components the registry binds, with typed parameters. */
class TechniqueServiceTest {
    @Test
    void theRegistryFindsBothTechniques() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(HeadPruning.class);
        if (bundle.getState() != Bundle.ACTIVE) bundle.start(Bundle.START_TRANSIENT);
        BundleContext context = bundle.getBundleContext();
        TechniqueRegistry registry = null;
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<TechniqueRegistry> ref = context.getServiceReference(TechniqueRegistry.class);
            if (ref != null) {
                registry = context.getService(ref);
                if (registry != null && registry.find(HeadPruning.ID).isPresent() && registry.find(FfnPruning.ID).isPresent()) break;
            }
            Thread.sleep(50);
        }
        assertNotNull(registry, "no TechniqueRegistry service");
        assertEquals(HeadPruning.class.getName(), registry.require(HeadPruning.ID).getClass().getName());
        assertEquals(FfnPruning.class.getName(), registry.require(FfnPruning.ID).getClass().getName());
    }

    @Test
    void descriptors() {
        TechniqueDescriptor h = new HeadPruning().descriptor();
        assertEquals("prune.heads", h.id());
        assertEquals("prune", h.family());
        assertTrue(!h.lossless());
        assertEquals(Set.of(GraphForm.PLAIN, GraphForm.FUSED), h.accepts());
        assertEquals(List.of("fraction", "global", "heads", "blocks", "criterion", "compensate", "calibration-texts"),
                h.parameters().stream().map(ParameterSpec::name).toList());
        assertEquals(0.25, h.parameter("fraction").orElseThrow().defaultValue());
        TechniqueDescriptor f = new FfnPruning().descriptor();
        assertEquals("prune.ffn", f.id());
        assertEquals(List.of("fraction", "global", "blocks", "multiple-of", "criterion", "compensate", "calibration-texts"),
                f.parameters().stream().map(ParameterSpec::name).toList());
        for (ParameterSpec p : h.parameters()) assertTrue(p.help().length() > 20, p.describe());
        for (ParameterSpec p : f.parameters()) assertTrue(p.help().length() > 20, p.describe());
    }
}
