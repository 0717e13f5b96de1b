package org.strata.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.strata.ui.parts.ModelsPart;

import jakarta.inject.Named;

/** File ▸ Open Model (Ctrl+O): an ONNX file into the Models part. */
public class OpenModelHandler {
    public static final String PATH = "org.strata.ui.commandparameter.path";

    @Execute
    public void execute(Shell shell, EPartService parts, @Optional @Named(PATH) String path) {
        String file = path;
        if (file == null) {
            FileDialog fd = new FileDialog(shell, SWT.OPEN);
            fd.setText("Open an ONNX model");
            fd.setFilterExtensions(new String[] {"*.onnx", "*"});
            file = fd.open();
            if (file == null) return;
        }
        var part = parts.showPart("org.strata.ui.part.models", EPartService.PartState.VISIBLE);
        ((ModelsPart) part.getObject()).open(file);
    }
}
