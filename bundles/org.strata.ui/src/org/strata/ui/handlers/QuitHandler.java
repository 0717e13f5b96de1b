package org.strata.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;

/** File ▸ Quit (Ctrl+Q); unsaved pipelines are offered for saving by the workbench. */
public class QuitHandler {
    @Execute
    public void execute(IWorkbench workbench) {
        workbench.close();
    }
}
