package org.strata.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.strata.ui.parts.ResultsPart;

/** Run ▸ Open HTML Report: the selected run's report.html in the system browser. */
public class OpenReportHandler {
    @Execute
    public void execute(EPartService parts) {
        var p = parts.showPart("org.strata.ui.part.results", EPartService.PartState.VISIBLE);
        ((ResultsPart) p.getObject()).openReport();
    }
}
