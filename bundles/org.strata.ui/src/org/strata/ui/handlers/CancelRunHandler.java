package org.strata.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.strata.ui.RunEntry;
import org.strata.ui.RunService;

/** Run ▸ Cancel Run (Ctrl+Shift+X): ends every queued or running run's child process. */
public class CancelRunHandler {
    @CanExecute
    public boolean canExecute(RunService runs) {
        return runs.runs().stream().anyMatch(r -> !r.state().ended());
    }

    @Execute
    public void execute(RunService runs) {
        for (RunEntry r : runs.runs()) if (!r.state().ended()) runs.cancel(r);
    }
}
