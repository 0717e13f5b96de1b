package org.strata.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.StrataException;
import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.EmbeddedModels;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The models open in the workbench and which one is selected. Opening reads and inspects the file in a
 * background job (reading is bounded and pure Java — a corrupt or hostile file is refused with a message,
 * never run); the result is announced on {@link Topics#MODELS_CHANGED} and {@link Topics#MODEL_SELECTED}.
 */
@Creatable
@Singleton
public class ModelStore {
    /** Keywords of the embedded models, as {@code ./strata} takes them. */
    public static final String MINILM = "minilm";
    public static final String MINILM_INT8 = "minilm-int8";

    private final List<OpenModel> models = new CopyOnWriteArrayList<>();
    private volatile OpenModel selected;

    @Inject
    IEventBroker broker;

    public List<OpenModel> models() {
        return List.copyOf(models);
    }

    /** The selected model, or null when none is open. */
    public OpenModel selected() {
        return selected;
    }

    public void select(OpenModel m) {
        selected = m;
        broker.post(Topics.MODEL_SELECTED, m);
    }

    /**
     * Opens {@code source} — a file, or {@link #MINILM} / {@link #MINILM_INT8} — in a job. {@code onDone}
     * receives the model; {@code onError} a message saying what went wrong and what to do (both called on
     * the job's thread).
     */
    public Job open(String source, Consumer<OpenModel> onDone, Consumer<String> onError) {
        Job job = Job.create("Opening " + source, (IProgressMonitor monitor) -> {
            try {
                OpenModel m = read(source);
                if (monitor.isCanceled()) return Status.CANCEL_STATUS;
                models.removeIf(x -> x.file().equals(m.file()));
                models.add(m);
                selected = m;
                broker.post(Topics.MODELS_CHANGED, m);
                broker.post(Topics.MODEL_SELECTED, m);
                if (onDone != null) onDone.accept(m);
            } catch (StrataException e) {
                if (onError != null) onError.accept(e.getMessage());
            } catch (OutOfMemoryError e) {
                if (onError != null) onError.accept(source + " is too large for the workbench's memory; start it with more (STRATA_HEAP=12g ./strata workbench)");
            } catch (RuntimeException e) {
                if (onError != null) onError.accept(source + " could not be read: " + e);
            }
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    /** Reads and inspects a model now, on the calling thread. */
    public static OpenModel read(String source) {
        if (MINILM.equals(source) || MINILM_INT8.equals(source)) {
            EmbeddedModel e = MINILM.equals(source) ? EmbeddedModels.fp32() : EmbeddedModels.int8();
            Model m = ModelReader.read(e.model());
            return OpenModel.of(e.name(), source, e.model(), size(e.model()), m);
        }
        Path p = Path.of(source).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) throw new StrataException(p + ": no such file");
        Model m = ModelReader.read(p);
        return OpenModel.of(p.getFileName().toString(), p.toString(), p, size(p), m);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** Status helper for jobs that failed in a way the user must hear about. */
    static IStatus error(String message) {
        return Status.error(message);
    }
}
