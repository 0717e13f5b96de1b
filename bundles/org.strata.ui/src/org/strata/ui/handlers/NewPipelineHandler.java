package org.strata.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.strata.ui.PipelineDocument;

/** File ▸ New Pipeline (Ctrl+N). */
public class NewPipelineHandler {
    private static int counter;

    @Execute
    public void execute(EPartService parts, EModelService models, MApplication app) {
        Editors.open(PipelineDocument.create("pipeline-" + (++counter)), parts, models, app);
    }
}
