package org.strata.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
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
 * cancellable background job with progress (reading is bounded and pure Java — a corrupt or hostile file is refused with a message,
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
     * Opens {@code source} — a file, or {@link #MINILM} / {@link #MINILM_INT8} — in a cancellable job that
     * reports its phases (reading and checking the file, discovering the structure, summarising). Cancelling
     * ends the job at once and leaves the open models and the selection as they were; a worker still busy
     * reading finishes on its own and its result is dropped. {@code onDone} receives the model;
     * {@code onError} a message saying what went wrong and what to do (both called on the job's thread).
     */
    public Job open(String source, Consumer<OpenModel> onDone, Consumer<String> onError) {
        Job job = new Job("Opening " + displayName(source)) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                return openNow(source, monitor, onDone, onError);
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == ModelStore.this;
            }
        };
        job.setUser(true);
        job.schedule();
        return job;
    }

    private IStatus openNow(String source, IProgressMonitor monitor, Consumer<OpenModel> onDone, Consumer<String> onError) {
        monitor.beginTask("Opening " + displayName(source), 100);
        Progress progress = new Progress();
        CompletableFuture<OpenModel> work = new CompletableFuture<>();
        // The reader cannot stop inside a protobuf parse: it works on a thread of its own, so that a cancel
        // answers at once instead of after the whole file.
        Thread worker = new Thread(() -> {
            try {
                work.complete(read(source, progress));
            } catch (Throwable t) {
                work.completeExceptionally(t);
            }
        }, "strata-open-model");
        worker.setDaemon(true);
        worker.start();
        int reported = 0;
        String phase = null;
        OpenModel m;
        while (true) {
            try {
                m = work.get(100, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                if (monitor.isCanceled()) {
                    progress.cancelled = true;
                    return Status.CANCEL_STATUS;
                }
                if (!java.util.Objects.equals(phase, progress.phase)) monitor.subTask(phase = progress.phase);
                int done = progress.percent;
                if (done > reported) monitor.worked(done - reported);
                reported = Math.max(reported, done);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                progress.cancelled = true;
                return Status.CANCEL_STATUS;
            } catch (ExecutionException e) {
                if (monitor.isCanceled() || e.getCause() instanceof OperationCanceledException) return Status.CANCEL_STATUS;
                String message = explain(source, e.getCause());
                if (onError != null) onError.accept(message);
                return error(message);
            }
        }
        // The last point of no return: a cancel that came while the model was being finished still wins.
        if (monitor.isCanceled()) return Status.CANCEL_STATUS;
        monitor.worked(100 - reported);
        OpenModel opened = m;
        models.removeIf(x -> x.file().equals(opened.file()));
        models.add(opened);
        selected = opened;
        broker.post(Topics.MODELS_CHANGED, opened);
        broker.post(Topics.MODEL_SELECTED, opened);
        if (onDone != null) onDone.accept(opened);
        monitor.done();
        return Status.OK_STATUS;
    }

    private static String explain(String source, Throwable t) {
        if (t instanceof StrataException) return t.getMessage();
        if (t instanceof OutOfMemoryError) {
            return source + " is too large for the workbench's memory; start it with more (STRATA_HEAP=12g ./strata workbench)";
        }
        return source + " could not be read: " + t;
    }

    /** What a user calls {@code source}: the sample's name or the file's. */
    static String displayName(String source) {
        if (MINILM.equals(source)) return "MiniLM (fp32)";
        if (MINILM_INT8.equals(source)) return "MiniLM (int8)";
        Path f = Path.of(source).getFileName();
        return f == null ? source : f.toString();
    }

    /** Where an open is, as its worker reports it; {@code cancelled} makes the worker stop at its next phase. */
    static final class Progress implements Consumer<String> {
        volatile String phase = "";
        volatile int percent;
        volatile boolean cancelled;

        @Override
        public void accept(String next) {
            if (cancelled) throw new OperationCanceledException();
            phase = next;
            percent = next.startsWith("Discovering") ? 60 : next.startsWith("Summarising") ? 90 : percent;
        }
    }

    /** Reads and inspects a model now, on the calling thread. */
    public static OpenModel read(String source) {
        return read(source, phase -> { });
    }

    /**
     * Reads and inspects a model now, telling {@code phases} each phase before it starts ("Reading …",
     * "Discovering the transformer structure", "Summarising the graph"); {@code phases} may throw
     * {@link OperationCanceledException} to stop between phases.
     */
    public static OpenModel read(String source, Consumer<String> phases) {
        if (MINILM.equals(source) || MINILM_INT8.equals(source)) {
            EmbeddedModel e = MINILM.equals(source) ? EmbeddedModels.fp32() : EmbeddedModels.int8();
            phases.accept("Reading " + e.name());
            Model m = ModelReader.read(e.model());
            return OpenModel.of(e.name(), source, e.model(), size(e.model()), m, phases);
        }
        Path p = Path.of(source).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) throw new StrataException(p + ": no such file");
        phases.accept("Reading and checking " + p.getFileName());
        Model m = ModelReader.read(p);
        return OpenModel.of(p.getFileName().toString(), p.toString(), p, size(p), m, phases);
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
