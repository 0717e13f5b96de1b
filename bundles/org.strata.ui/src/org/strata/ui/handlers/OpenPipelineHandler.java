package org.strata.ui.handlers;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.strata.onnx.StrataException;
import org.strata.ui.Dialogs;
import org.strata.ui.PipelineDocument;

import jakarta.inject.Named;

/**
 * File ▸ Open Pipeline (Ctrl+Shift+O). A file from a newer Strata or one that is not a pipeline is refused
 * with a dialog and left untouched; unknown techniques open, listed as problems of their steps.
 */
public class OpenPipelineHandler {
    @Execute
    public void execute(Shell shell, EPartService parts, EModelService models, MApplication app,
            @Optional @Named(OpenModelHandler.PATH) String path) {
        String file = path;
        if (file == null) {
            FileDialog fd = new FileDialog(shell, SWT.OPEN);
            fd.setText("Open a pipeline");
            fd.setFilterExtensions(new String[] {"*.strata", "*"});
            file = fd.open();
            if (file == null) return;
        }
        PipelineDocument doc;
        try {
            doc = PipelineDocument.open(Path.of(file));
        } catch (StrataException e) {
            Dialogs.error(shell, "Could not open the pipeline", e.getMessage(),
                    "The file was not changed. If it was written by hand, compare it with examples/default.strata; "
                            + "`./strata validate FILE` prints the same message.");
            return;
        }
        Editors.open(doc, parts, models, app);
    }
}
