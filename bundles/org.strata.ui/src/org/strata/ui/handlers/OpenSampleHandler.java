package org.strata.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.strata.ui.ModelStore;
import org.strata.ui.parts.ModelsPart;

import jakarta.inject.Named;

/** Opens an embedded sample model: {@code minilm} (default) or {@code minilm-int8}. */
public class OpenSampleHandler {
    public static final String SAMPLE = "org.strata.ui.commandparameter.sample";

    @Execute
    public void execute(EPartService parts, @Optional @Named(SAMPLE) String sample) {
        var part = parts.showPart("org.strata.ui.part.models", EPartService.PartState.VISIBLE);
        ((ModelsPart) part.getObject()).open(sample == null ? ModelStore.MINILM : sample);
    }
}
