package org.strata.ui.internal;

import java.nio.file.Path;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.strata.ui.ModelStore;
import org.strata.ui.RunService;
import org.strata.ui.StrataPreferences;
import org.strata.ui.Techniques;

/**
 * Start-up of the workbench: preference defaults, the workbench's services in the application context
 * (one of each, shared by parts and handlers), the runs earlier sessions left in the output folder, and the
 * technique bundles of the extensions folder.
 */
public class LifeCycle {
    @PostContextCreate
    void postContextCreate(IEclipseContext context) {
        StrataPreferences.initializeDefaults();
        Techniques techniques = ContextInjectionFactory.make(Techniques.class, context);
        context.set(Techniques.class, techniques);
        context.set(ModelStore.class, ContextInjectionFactory.make(ModelStore.class, context));
        RunService runs = ContextInjectionFactory.make(RunService.class, context);
        context.set(RunService.class, runs);
        Path output = Path.of(StrataPreferences.get(StrataPreferences.OUTPUT_FOLDER));
        Job.create("Reading earlier runs", m -> {
            runs.loadHistory(output);
        }).schedule();
        // Technique bundles installed earlier (here or with ./strata install): back in every session.
        Job.create("Loading technique extensions", m -> {
            techniques.loadExtensions();
        }).schedule();
    }

    /** With {@code -Dstrata.tour=FOLDER}: the documentation's screenshot tour, once the window is up. */
    @org.eclipse.e4.ui.workbench.lifecycle.ProcessRemovals
    void tour(IEclipseContext context) {
        String folder = System.getProperty("strata.tour");
        if (folder == null || folder.isBlank()) return;
        org.eclipse.swt.widgets.Display d = org.eclipse.swt.widgets.Display.getCurrent();
        if (d != null) new ScreenshotTour(context, d, Path.of(folder)).start();
    }
}
