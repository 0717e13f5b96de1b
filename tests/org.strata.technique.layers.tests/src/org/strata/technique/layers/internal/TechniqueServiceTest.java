package org.strata.technique.layers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The four layer techniques are Declarative Services components the registry binds, with typed parameters. */
class TechniqueServiceTest {
    static final List<String> IDS = List.of(LayerAnalysis.ID, BlockDrop.ID, BlockSharing.ID, EarlyExit.ID);

    @Test
    void theRegistryFindsEveryLayerTechnique() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(BlockDrop.class);
        if (bundle.getState() != Bundle.ACTIVE) bundle.start(Bundle.START_TRANSIENT);
        BundleContext context = bundle.getBundleContext();
        TechniqueRegistry registry = null;
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<TechniqueRegistry> ref = context.getServiceReference(TechniqueRegistry.class);
            if (ref != null) {
                TechniqueRegistry r = context.getService(ref);
                registry = r;
                if (r != null && IDS.stream().allMatch(id -> r.find(id).isPresent())) break;
            }
            Thread.sleep(50);
        }
        assertNotNull(registry, "no TechniqueRegistry service: is the DS runtime (felix.scr) started?");
        for (String id : IDS) {
            Technique t = registry.require(id);
            assertEquals("layers", t.descriptor().family(), id);
        }
    }

    @Test
    void descriptorsDeclareTypedParametersWithHelp() {
        for (Technique t : List.of(new LayerAnalysis(), new BlockDrop(), new BlockSharing(), new EarlyExit())) {
            TechniqueDescriptor d = t.descriptor();
            assertTrue(IDS.contains(d.id()), d.id());
            assertTrue(d.parameter("texts").isPresent(), d.id());
            for (ParameterSpec p : d.parameters()) assertTrue(p.help().length() > 15, p.describe());
        }
        assertTrue(new LayerAnalysis().descriptor().lossless());
        assertFalse(new BlockDrop().descriptor().lossless());
        assertEquals(List.of("blocks", "count", "fraction", "by", "replace", "texts"),
                new BlockDrop().descriptor().parameters().stream().map(ParameterSpec::name).toList());
        assertEquals(List.of("influence", "ablation"), new BlockDrop().descriptor().parameter("by").orElseThrow().choices());
        assertEquals(List.of("repeat", "collapse"), new BlockSharing().descriptor().parameter("mode").orElseThrow().choices());
        assertEquals(List.of("static", "dynamic"), new EarlyExit().descriptor().parameter("mode").orElseThrow().choices());
    }
}
