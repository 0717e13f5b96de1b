package org.strata.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.common.command.AbstractCommand;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.ecore.change.ChangeDescription;
import org.eclipse.emf.ecore.change.util.ChangeRecorder;
import org.strata.core.PipelineValidator;
import org.strata.core.TechniqueRegistry;
import org.strata.model.EvaluationSpec;
import org.strata.model.Pipeline;
import org.strata.model.StrataFactory;
import org.strata.model.StrataPackage;
import org.strata.model.io.PipelineFiles;
import org.strata.onnx.StrataException;

/**
 * A pipeline open for editing: the EMF {@link Pipeline}, the file it belongs to (null until first saved), and
 * an EMF command stack. Every edit goes through {@link #edit}, which records the change with EMF's
 * {@link ChangeRecorder}, so that undo and redo replay exactly what was changed, and the stack's save point
 * is the dirty state.
 */
public final class PipelineDocument {
    private static final Pattern NS = Pattern.compile("xmlns:strata=\"http://strata\\.org/model/([0-9.]+)\"");
    private final Pipeline pipeline;
    private final BasicCommandStack stack = new BasicCommandStack();
    private Path file;

    private PipelineDocument(Pipeline pipeline, Path file) {
        this.pipeline = pipeline;
        this.file = file;
    }

    /** A new pipeline with the evaluation defaults of {@code examples/default.strata}. */
    public static PipelineDocument create(String name) {
        Pipeline p = StrataFactory.eINSTANCE.createPipeline();
        p.setName(name);
        EvaluationSpec e = StrataFactory.eINSTANCE.createEvaluationSpec();
        p.setEvaluation(e);
        return new PipelineDocument(p, null);
    }

    /**
     * Reads a pipeline file. A file written by a newer Strata (a newer model namespace) is refused before it
     * is parsed, so nothing of it is lost by a half-understood round trip.
     *
     * @throws StrataException saying what is wrong with the file and what to do; the file is not touched
     */
    public static PipelineDocument open(Path file) {
        Path p = file.toAbsolutePath().normalize();
        String head;
        try {
            byte[] bytes = Files.readAllBytes(p);
            head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new StrataException(p + " cannot be read: " + e.getMessage());
        }
        Matcher m = NS.matcher(head);
        String ours = StrataPackage.eNS_URI.substring(StrataPackage.eNS_URI.lastIndexOf('/') + 1);
        if (m.find() && !m.group(1).equals(ours)) {
            boolean newer = compare(m.group(1), ours) > 0;
            throw new StrataException(p.getFileName() + " is a pipeline of model version " + m.group(1) + (newer ? ", written by a newer Strata" : "")
                    + "; this workbench reads version " + ours + ". The file was not opened and is unchanged"
                    + (newer ? "; open it with the Strata version that wrote it." : "."));
        }
        return new PipelineDocument(PipelineFiles.loadPipeline(p), p);
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int u = i < x.length ? Integer.parseInt(x[i]) : 0, v = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (u != v) return Integer.compare(u, v);
        }
        return 0;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public Path file() {
        return file;
    }

    public BasicCommandStack commandStack() {
        return stack;
    }

    public boolean isDirty() {
        return stack.isSaveNeeded();
    }

    /** Applies {@code change} to the pipeline as one undoable command named {@code label}. */
    public void edit(String label, Runnable change) {
        stack.execute(new RecordedEdit(label, change));
    }

    public boolean canUndo() {
        return stack.canUndo();
    }

    public boolean canRedo() {
        return stack.canRedo();
    }

    public void undo() {
        stack.undo();
    }

    public void redo() {
        stack.redo();
    }

    /** Saves atomically to {@code target} (a temp file beside it, then a rename) and marks the save point. */
    public void save(Path target) {
        PipelineFiles.save(pipeline, target);
        file = target.toAbsolutePath().normalize();
        stack.saveIsDone();
    }

    /** Problems with the pipeline against the techniques installed now, each naming the step (from 1). */
    public List<String> problems(TechniqueRegistry registry) {
        List<String> out = new ArrayList<>();
        for (String s : PipelineValidator.problems(pipeline, null, registry)) {
            out.add(s.replaceFirst("^pipeline '[^']*': ", ""));
        }
        return out;
    }

    /** An edit recorded as an EMF change description; undo and redo apply it backwards and forwards. */
    private final class RecordedEdit extends AbstractCommand {
        private final Runnable change;
        private ChangeDescription description;

        RecordedEdit(String label, Runnable change) {
            super(label);
            this.change = change;
        }

        @Override
        protected boolean prepare() {
            return true;
        }

        @Override
        public void execute() {
            ChangeRecorder recorder = new ChangeRecorder(pipeline);
            try {
                change.run();
            } finally {
                description = recorder.endRecording();
                recorder.dispose();
            }
        }

        @Override
        public void undo() {
            description.applyAndReverse();
        }

        @Override
        public void redo() {
            description.applyAndReverse();
        }
    }
}
