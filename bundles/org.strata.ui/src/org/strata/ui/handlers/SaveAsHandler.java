package org.strata.ui.handlers;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.strata.ui.parts.PipelineEditorPart;

/** File ▸ Save As (Ctrl+Shift+S). */
public class SaveAsHandler {
    @CanExecute
    public boolean canExecute(EPartService parts) {
        return Editors.current(parts) != null;
    }

    @Execute
    public void execute(Shell shell, EPartService parts) {
        PipelineEditorPart editor = Editors.current(parts);
        if (editor == null) return;
        FileDialog fd = new FileDialog(shell, SWT.SAVE);
        fd.setFilterExtensions(new String[] {"*.strata"});
        fd.setOverwrite(true);
        String f = fd.open();
        if (f != null) editor.saveTo(Path.of(f.endsWith(".strata") ? f : f + ".strata"));
    }
}
