package org.strata.ui.handlers;

import java.nio.file.Path;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.strata.cli.internal.Extensions;
import org.strata.onnx.StrataException;
import org.strata.ui.Dialogs;
import org.strata.ui.Techniques;

import jakarta.inject.Named;

/**
 * File ▸ Install Technique Bundle: installs a technique plug-in jar the way {@code ./strata install} does — checked,
 * loaded into the running workbench, and copied into the extensions folder, so that it is there after a restart and
 * in every run's child process. Its techniques appear in the Techniques part and the pipeline editor's “Add step”
 * menu. The work happens in a job (the bundle's components may take a moment to come up); a dialog reports the result.
 */
public class InstallTechniqueHandler {
    @Execute
    public Job execute(Shell shell, Techniques techniques, @Optional @Named(OpenModelHandler.PATH) String path) {
        String file = path;
        if (file == null) {
            FileDialog fd = new FileDialog(shell, SWT.OPEN);
            fd.setText("Install a technique bundle");
            fd.setFilterExtensions(new String[] {"*.jar", "*"});
            file = fd.open();
            if (file == null) return null;
        }
        Path jar = Path.of(file);
        Job job = Job.create("Installing " + jar.getFileName(), m -> {
            try {
                Extensions.Installed done = techniques.install(jar);
                Extensions.Info info = done.loaded().info();
                Dialogs.info(shell, "Technique bundle installed", info.symbolicName() + " " + info.version() + " is installed"
                        + done.replaced().map(v -> " (replacing version " + v + ")").orElse("") + ". New techniques: "
                        + String.join(", ", done.loaded().techniqueIds()) + ".\n\nIt was copied to " + done.jar()
                        + " and is loaded at every start of the workbench and of the runs it starts.");
            } catch (StrataException e) {
                Dialogs.error(shell, "Could not install the bundle", e.getMessage(), "Nothing was installed; the workbench is unchanged.");
            }
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
        return job;
    }
}
