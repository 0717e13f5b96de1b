package org.strata.core.tests.dynamic;

import java.util.List;
import java.util.Set;

import org.strata.core.Change;
import org.strata.core.GraphForm;
import org.strata.core.Parameters;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueDescriptor;
import org.strata.onnx.Model;

/**
 * A technique whose class file the registry test copies into a bundle it builds and installs at run time,
 * as a third-party plugin would arrive.
 */
public final class DynamicTechnique implements Technique {
    @Override
    public TechniqueDescriptor descriptor() {
        return new TechniqueDescriptor("test.dynamic", "Dynamically installed", "test", "does nothing", true, List.of(),
                Set.of(GraphForm.PLAIN), Double.NaN);
    }

    @Override
    public Change apply(Model model, Parameters params, TechniqueContext context) {
        return Change.none("nothing to do");
    }
}
