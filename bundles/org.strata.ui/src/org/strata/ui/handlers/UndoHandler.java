package org.strata.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.strata.ui.parts.PipelineEditorPart;

/** Edit ▸ Undo (Ctrl+Z) on the pipeline editor's EMF command stack. */
public class UndoHandler {
    @CanExecute
    public boolean canExecute(EPartService parts) {
        PipelineEditorPart e = Editors.current(parts);
        return e != null && e.document().canUndo();
    }

    @Execute
    public void execute(EPartService parts) {
        PipelineEditorPart e = Editors.current(parts);
        if (e != null && e.document().canUndo()) e.document().undo();
    }
}
