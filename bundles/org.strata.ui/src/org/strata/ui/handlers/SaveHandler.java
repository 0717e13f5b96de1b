package org.strata.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import jakarta.inject.Named;

/** File ▸ Save (Ctrl+S): saves the active part through the part service (its {@code @Persist} method). */
public class SaveHandler {
    @CanExecute
    public boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_PART) MPart part) {
        return part != null && part.isDirty();
    }

    @Execute
    public void execute(EPartService parts, @Optional @Named(IServiceConstants.ACTIVE_PART) MPart part) {
        if (part != null) parts.savePart(part, false);
    }
}
