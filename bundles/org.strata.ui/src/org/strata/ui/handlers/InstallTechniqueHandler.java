package org.strata.ui.handlers;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.strata.onnx.StrataException;
import org.strata.ui.Dialogs;
import org.strata.ui.Techniques;

import jakarta.inject.Named;

/**
 * File ▸ Install Technique Bundle: installs a technique plug-in jar into the running workbench. Its
 * techniques appear in the Techniques part and the pipeline editor's “Add step” menu, and runs started
 * afterwards have it too (the child process gets the workbench's bundles).
 */
public class InstallTechniqueHandler {
    @Execute
    public Bundle execute(Shell shell, Techniques techniques, @Optional @Named(OpenModelHandler.PATH) String path) {
        String file = path;
        if (file == null) {
            FileDialog fd = new FileDialog(shell, SWT.OPEN);
            fd.setText("Install a technique bundle");
            fd.setFilterExtensions(new String[] {"*.jar", "*"});
            file = fd.open();
            if (file == null) return null;
        }
        Set<String> before = techniques.all().stream().map(t -> t.descriptor().id()).collect(Collectors.toSet());
        try {
            Bundle b = techniques.install(Path.of(file));
            String added = "";
            for (int i = 0; i < 40 && added.isEmpty(); i++) {
                added = techniques.all().stream().map(t -> t.descriptor().id()).filter(id -> !before.contains(id)).collect(Collectors.joining(", "));
                if (added.isEmpty()) shell.getDisplay().readAndDispatch();
                if (added.isEmpty()) Thread.sleep(25);
            }
            Dialogs.info(shell, "Technique bundle installed", b.getSymbolicName() + " " + b.getVersion() + " is installed"
                    + (added.isEmpty() ? ", but it registered no technique yet (is its component enabled?)." : ". New techniques: " + added + "."));
            return b;
        } catch (StrataException e) {
            Dialogs.error(shell, "Could not install the bundle", e.getMessage(), "Nothing was installed; the workbench is unchanged.");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
