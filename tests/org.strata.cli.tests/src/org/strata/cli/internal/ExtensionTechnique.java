package org.strata.cli.internal;

import java.util.List;
import java.util.Set;

import org.strata.core.Change;
import org.strata.core.GraphForm;
import org.strata.core.Parameters;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueDescriptor;
import org.strata.onnx.Model;

/** Packed by {@link ExtensionsTest} into a bundle jar of its own, the way a third-party technique arrives. */
public final class ExtensionTechnique implements Technique {
    private static final TechniqueDescriptor DESCRIPTOR = new TechniqueDescriptor("test.extension", "Extension test", "test",
            "does nothing; installed from a jar by the extension tests", true, List.of(), Set.of(GraphForm.PLAIN), Double.NaN);

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Change apply(Model model, Parameters params, TechniqueContext context) {
        return Change.none("nothing to do");
    }
}
