package org.strata.ui.tests;

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
 * A third-party technique that always throws: packed into a bundle jar by the test, installed into the
 * running workbench, then run in a child process.
 */
public class ThrowingTechnique implements Technique {
    public static final String ID = "test.throws";
    public static final String MESSAGE = "deliberate failure from a third-party technique";

    @Override
    public TechniqueDescriptor descriptor() {
        return new TechniqueDescriptor(ID, "Always throws", "test", "A technique that fails on purpose.", true, List.of(),
                Set.of(GraphForm.values()), Double.NaN);
    }

    @Override
    public Change apply(Model model, Parameters params, TechniqueContext context) {
        throw new IllegalStateException(MESSAGE);
    }
}
