package org.strata.ui.handlers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.strata.ui.StrataPreferences;

/** File ▸ Preferences (Ctrl+,): what runs measure with and where they write; checked as you type. */
public class PreferencesHandler {
    @Execute
    public void execute(Shell shell) {
        new PreferencesDialog(shell).open();
    }

    /** The dialog; public so tests can drive it without blocking. */
    public static final class PreferencesDialog extends TitleAreaDialog {
        private final Map<String, Text> fields = new LinkedHashMap<>();

        public PreferencesDialog(Shell parent) {
            super(parent);
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            Composite area = (Composite) super.createDialogArea(parent);
            setTitle("Strata preferences");
            setMessage("How runs measure, and where they write. Runs started from now on use these.");
            Composite c = new Composite(area, SWT.NONE);
            c.setLayout(new GridLayout(2, false));
            c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            field(c, StrataPreferences.THREADS, "ONNX Runtime threads");
            field(c, StrataPreferences.SEQUENCE_LENGTHS, "Sequence lengths timed");
            field(c, StrataPreferences.ROUNDS, "Timing rounds per length");
            field(c, StrataPreferences.TEXTS, "Evaluation texts (0 = all)");
            field(c, StrataPreferences.CORPUS, "Corpus file (empty = built-in)");
            field(c, StrataPreferences.OUTPUT_FOLDER, "Output folder");
            field(c, StrataPreferences.CHILD_HEAP, "Run process memory (e.g. 4g)");
            return area;
        }

        private void field(Composite c, String key, String label) {
            new Label(c, SWT.NONE).setText(label);
            Text t = new Text(c, SWT.BORDER);
            t.setText(StrataPreferences.get(key));
            GridData g = new GridData(SWT.FILL, SWT.CENTER, true, false);
            g.widthHint = 320;
            t.setLayoutData(g);
            t.addListener(SWT.Modify, e -> validate());
            fields.put(key, t);
        }

        /** The first problem with the values typed, or null. */
        public String problem() {
            try {
                int threads = Integer.parseInt(text(StrataPreferences.THREADS));
                if (threads < 1 || threads > 256) return "threads must be within [1, 256]";
                StrataPreferences.parseLengths(text(StrataPreferences.SEQUENCE_LENGTHS));
                int rounds = Integer.parseInt(text(StrataPreferences.ROUNDS));
                if (rounds < 1) return "timing rounds must be at least 1";
                if (Integer.parseInt(text(StrataPreferences.TEXTS)) < 0) return "evaluation texts cannot be negative";
            } catch (NumberFormatException e) {
                return "threads, rounds and texts must be whole numbers";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            String corpus = text(StrataPreferences.CORPUS);
            if (!corpus.isEmpty() && !Files.isRegularFile(Path.of(corpus))) return "the corpus file " + corpus + " does not exist";
            if (text(StrataPreferences.OUTPUT_FOLDER).isEmpty()) return "give an output folder";
            if (!text(StrataPreferences.CHILD_HEAP).matches("[0-9]+[mgMG]")) return "process memory looks like 4g or 6000m";
            return null;
        }

        public Text field(String key) {
            return fields.get(key);
        }

        private String text(String key) {
            return fields.get(key).getText().strip();
        }

        private void validate() {
            String p = problem();
            setErrorMessage(p);
            var ok = getButton(IDialogConstants.OK_ID);
            if (ok != null) ok.setEnabled(p == null);
        }

        @Override
        protected void okPressed() {
            if (problem() != null) return;
            fields.forEach((k, t) -> StrataPreferences.put(k, t.getText().strip()));
            super.okPressed();
        }
    }
}
