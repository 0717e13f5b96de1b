package org.strata.technique.tokens.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.strata.core.Technique;
import org.strata.core.TechniqueRegistry;

/** The technique registry as Declarative Services runs it, waiting for the named techniques to be bound. */
final class Registry {
    private Registry() {
    }

    static TechniqueRegistry await(String... ids) throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(TokenDrop.class);
        if (bundle.getState() != Bundle.ACTIVE) bundle.start(Bundle.START_TRANSIENT);
        for (String other : new String[] {"org.strata.technique.cleanup", "org.strata.technique.fuse", "org.strata.technique.quantize",
                "org.strata.technique.layers", "org.strata.technique.prune"}) {
            for (Bundle b : bundle.getBundleContext().getBundles()) {
                if (b.getSymbolicName().equals(other) && b.getState() != Bundle.ACTIVE) b.start(Bundle.START_TRANSIENT);
            }
        }
        BundleContext context = bundle.getBundleContext();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<TechniqueRegistry> ref = context.getServiceReference(TechniqueRegistry.class);
            TechniqueRegistry registry = ref == null ? null : context.getService(ref);
            if (registry != null && java.util.Arrays.stream(ids).allMatch(id -> registry.find(id).isPresent())) return registry;
            Thread.sleep(50);
        }
        throw new AssertionError("the registry did not bind " + String.join(", ", ids) + " within 10 s (is felix.scr running?)");
    }

    static Technique technique(String id) throws Exception {
        return await(id).require(id);
    }
}
