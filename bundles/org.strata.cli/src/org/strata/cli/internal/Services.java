package org.strata.cli.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.strata.core.TechniqueRegistry;
import org.strata.onnx.StrataException;

/** The OSGi services the commands use, waited for briefly while Declarative Services starts them. */
final class Services {
    private Services() {
    }

    static TechniqueRegistry registry() {
        BundleContext ctx = FrameworkUtil.getBundle(Services.class).getBundleContext();
        ServiceTracker<TechniqueRegistry, TechniqueRegistry> t = new ServiceTracker<>(ctx, TechniqueRegistry.class, null);
        t.open();
        try {
            TechniqueRegistry r = t.waitForService(10_000);
            if (r == null) throw new StrataException("the technique registry did not start; is org.strata.core installed with Felix SCR?");
            waitForTechniques(r);
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException("interrupted while waiting for the technique registry");
        }
    }

    /** Technique components activate asynchronously; give them a moment to bind. */
    private static void waitForTechniques(TechniqueRegistry r) throws InterruptedException {
        int last = -1;
        for (int i = 0; i < 20; i++) {
            int n = r.techniques().size();
            if (n > 0 && n == last) return;
            last = n;
            Thread.sleep(50);
        }
    }
}
