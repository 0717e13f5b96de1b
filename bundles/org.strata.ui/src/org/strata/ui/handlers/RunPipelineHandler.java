package org.strata.ui.handlers;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Preference;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Shell;
import org.strata.ui.Dialogs;
import org.strata.ui.ModelStore;
import org.strata.ui.OpenModel;
import org.strata.ui.RunEntry;
import org.strata.ui.RunService;
import org.strata.ui.RunService.RunOptions;
import org.strata.ui.StrataPreferences;
import org.strata.ui.parts.PipelineEditorPart;

/**
 * Run ▸ Run Pipeline (Ctrl+R, F11): the current pipeline on the selected model (the embedded MiniLM when
 * none is open), measured with the preferences (injected), in a child process.
 */
public class RunPipelineHandler {
    @CanExecute
    public boolean canExecute(EPartService parts) {
        return Editors.current(parts) != null;
    }

    @Execute
    public RunEntry execute(Shell shell, EPartService parts, ModelStore models, RunService runs,
            @Preference(nodePath = StrataPreferences.NODE, value = StrataPreferences.THREADS) String threads,
            @Preference(nodePath = StrataPreferences.NODE, value = StrataPreferences.SEQUENCE_LENGTHS) String lengths,
            @Preference(nodePath = StrataPreferences.NODE, value = StrataPreferences.ROUNDS) String rounds,
            @Preference(nodePath = StrataPreferences.NODE, value = StrataPreferences.TEXTS) String texts,
            @Preference(nodePath = StrataPreferences.NODE, value = StrataPreferences.CORPUS) String corpus,
            @Preference(nodePath = StrataPreferences.NODE, value = StrataPreferences.OUTPUT_FOLDER) String output,
            @Preference(nodePath = StrataPreferences.NODE, value = StrataPreferences.CHILD_HEAP) String heap) {
        PipelineEditorPart editor = Editors.current(parts);
        if (editor == null) {
            Dialogs.info(shell, "Run", "Open or create a pipeline first (File ▸ New Pipeline).");
            return null;
        }
        List<String> problems = editor.problemsNow();
        if (!problems.isEmpty()) {
            Dialogs.error(shell, "The pipeline cannot run", String.join("\n", problems),
                    "Fix the problems listed under the pipeline (each names its step), then run again.");
            return null;
        }
        RunOptions options;
        try {
            options = new RunOptions(Integer.parseInt(threads.strip()), StrataPreferences.parseLengths(lengths), Integer.parseInt(rounds.strip()),
                    Integer.parseInt(texts.strip()), corpus, Path.of(output), heap);
        } catch (RuntimeException e) {
            Dialogs.error(shell, "Preferences are not usable", e.getMessage(), "Correct them in File ▸ Preferences.");
            return null;
        }
        OpenModel m = models.selected();
        String arg = m == null ? ModelStore.MINILM : m.runArgument();
        String label = m == null ? "embedded all-MiniLM-L6-v2 fp32" : m.label();
        RunEntry e = runs.start(editor.document().pipeline(), arg, label, options);
        parts.showPart("org.strata.ui.part.run", EPartService.PartState.VISIBLE);
        return e;
    }
}
