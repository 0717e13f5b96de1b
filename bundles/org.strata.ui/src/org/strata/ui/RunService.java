package org.strata.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.strata.model.Pipeline;
import org.strata.model.RunRecord;
import org.strata.model.Step;
import org.strata.model.io.PipelineFiles;
import org.strata.onnx.StrataException;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Runs pipelines. Each run is a {@link Job} (progress in the job's monitor and in {@link RunEntry}, events
 * on {@link Topics#RUN_CHANGED}) whose work happens in a child process — the headless Strata application
 * started by {@link HeadlessProcess} — so that nothing a model or a technique does can freeze or crash the
 * workbench. Cancelling ends the child's process tree; the source model is never written (the child reads
 * it and writes only into the run's own folder). One child runs at a time; further runs wait in the queue.
 *
 * <pre>{@code
 * RunEntry e = runs.start(pipeline, "default", model.runArgument(), model.label(), RunOptions.fromPreferences());
 * runs.cancel(e);   // from any thread
 * }</pre>
 */
@Creatable
@Singleton
public class RunService {
    /** What a run measures with and where it writes. */
    public record RunOptions(int threads, List<Integer> sequenceLengths, int rounds, int texts, String corpus, Path outputFolder,
            String heap) {
        public static RunOptions fromPreferences() {
            return new RunOptions(Integer.parseInt(StrataPreferences.get(StrataPreferences.THREADS)),
                    StrataPreferences.parseLengths(StrataPreferences.get(StrataPreferences.SEQUENCE_LENGTHS)),
                    Integer.parseInt(StrataPreferences.get(StrataPreferences.ROUNDS)),
                    Integer.parseInt(StrataPreferences.get(StrataPreferences.TEXTS)), StrataPreferences.get(StrataPreferences.CORPUS),
                    Path.of(StrataPreferences.get(StrataPreferences.OUTPUT_FOLDER)), StrataPreferences.get(StrataPreferences.CHILD_HEAP));
        }
    }

    private static final Pattern STEP = Pattern.compile("^strata: step (\\d+): (.*)$");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** One child at a time: the machine's cores go to the run being measured. */
    private static final ISchedulingRule ONE_CHILD = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };

    private final List<RunEntry> runs = new CopyOnWriteArrayList<>();

    @Inject
    IEventBroker broker;

    /** Every run known, oldest first: earlier sessions' (read from the output folder) and this session's. */
    public List<RunEntry> runs() {
        return List.copyOf(runs);
    }

    /** The runs that have a record, oldest first. */
    public List<RunEntry> finished() {
        return runs.stream().filter(r -> r.record() != null).toList();
    }

    /**
     * Reads the runs earlier sessions left in {@code outputFolder} (each {@code <run>/out/run-record.xmi});
     * unreadable ones are skipped. Runs already known are not read twice.
     */
    public void loadHistory(Path outputFolder) {
        if (!Files.isDirectory(outputFolder)) return;
        List<RunEntry> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(outputFolder)) {
            for (Path d : dirs.sorted().toList()) {
                Path rec = d.resolve("out").resolve("run-record.xmi");
                if (!Files.isRegularFile(rec) || runs.stream().anyMatch(r -> r.folder().equals(d))) continue;
                try {
                    found.add(RunEntry.fromRecord(d, PipelineFiles.loadRunRecord(rec)));
                } catch (RuntimeException e) {
                    // a record from another version or a half-deleted folder: not shown, left as it is
                }
            }
        } catch (IOException e) {
            return;
        }
        found.sort(Comparator.comparing(RunEntry::id));
        runs.addAll(0, found);
        if (!found.isEmpty()) broker.post(Topics.RUN_CHANGED, found.get(found.size() - 1));
    }

    /**
     * Queues a run of {@code pipeline} (copied now: later edits do not change it) on the model
     * {@code modelArgument} ({@code minilm}, {@code minilm-int8} or a file).
     */
    public RunEntry start(Pipeline pipeline, String modelArgument, String modelLabel, RunOptions options) {
        Pipeline copy = org.eclipse.emf.ecore.util.EcoreUtil.copy(pipeline);
        String name = copy.getName() == null || copy.getName().isBlank() ? "pipeline" : copy.getName();
        String id = LocalDateTime.now().format(STAMP) + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_");
        Path folder = options.outputFolder().resolve(id);
        for (int i = 2; Files.exists(folder); i++) folder = options.outputFolder().resolve(id + "-" + i);
        RunEntry entry = new RunEntry(folder.getFileName().toString(), name, modelLabel, folder,
                copy.getSteps().stream().map(Step::getTechniqueId).toList(), copy.getSteps().stream().map(Step::isEnabled).toList());
        entry.broker = broker;
        runs.add(entry);
        Job job = new Job("Run " + name + " on " + modelLabel) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                return execute(entry, copy, modelArgument, options, monitor);
            }

            @Override
            protected void canceling() {
                kill(entry);
            }
        };
        job.setRule(ONE_CHILD);
        job.setUser(true);
        entry.job = job;
        broker.post(Topics.RUN_CHANGED, entry);
        job.schedule();
        return entry;
    }

    /** Cancels a queued or running run: its child process tree is ended at once. */
    public void cancel(RunEntry entry) {
        entry.log("cancel requested");
        Job j = entry.job;
        if (j != null) j.cancel();
        kill(entry);
    }

    private IStatus execute(RunEntry entry, Pipeline pipeline, String modelArgument, RunOptions o, IProgressMonitor monitor) {
        int enabled = (int) pipeline.getSteps().stream().filter(Step::isEnabled).count();
        monitor.beginTask("Run " + entry.pipelineName(), enabled + 1);
        if (monitor.isCanceled()) return cancelled(entry);
        entry.state(RunEntry.State.RUNNING);
        changed(entry);
        try {
            Files.createDirectories(entry.folder());
            Path pipelineFile = entry.folder().resolve("pipeline.strata");
            PipelineFiles.save(pipeline, pipelineFile);
            List<String> args = new ArrayList<>(List.of("run", pipelineFile.toString(), "--model", modelArgument, "--out",
                    entry.outputFolder().toString(), "--threads", Integer.toString(o.threads()), "--seq",
                    String.join(",", o.sequenceLengths().stream().map(String::valueOf).toList()), "--rounds", Integer.toString(o.rounds()),
                    "--texts", Integer.toString(o.texts())));
            if (o.corpus() != null && !o.corpus().isBlank()) args.addAll(List.of("--data", o.corpus()));
            HeadlessProcess child = HeadlessProcess.fromRunningFramework(o.outputFolder().resolve(".strata-child"));
            List<String> cmd = child.command(args, entry.folder(), o.heap());
            entry.log("$ strata " + String.join(" ", args));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(entry.folder().toFile());
            pb.environment().remove("DISPLAY");
            Process p = pb.start();
            entry.process = p;
            if (monitor.isCanceled()) {
                kill(entry);
            }
            Thread out = pump(p.getInputStream(), entry, null);
            Thread err = pump(p.getErrorStream(), entry, monitor);
            while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (monitor.isCanceled()) kill(entry);
            }
            out.join(5_000);
            err.join(5_000);
            entry.exitCode(p.exitValue());
            writeLog(entry);
            if (monitor.isCanceled()) return cancelled(entry);
            Path rec = entry.outputFolder().resolve("run-record.xmi");
            if (Files.isRegularFile(rec)) entry.record(PipelineFiles.loadRunRecord(rec));
            if (p.exitValue() == 0) {
                entry.state(RunEntry.State.SUCCEEDED);
            } else {
                entry.problem(explain(entry, p.exitValue()));
                entry.state(RunEntry.State.FAILED);
            }
            changed(entry);
            return Status.OK_STATUS;
        } catch (IOException | StrataException e) {
            entry.problem("The run could not start: " + e.getMessage());
            entry.state(RunEntry.State.FAILED);
            changed(entry);
            return Status.OK_STATUS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(entry);
            return cancelled(entry);
        } finally {
            monitor.done();
        }
    }

    private IStatus cancelled(RunEntry entry) {
        entry.problem("Cancelled: the child process was ended; the source model is unchanged and no output model was written.");
        entry.log("cancelled");
        entry.state(RunEntry.State.CANCELLED);
        changed(entry);
        return Status.CANCEL_STATUS;
    }

    /** One line saying why a run ended badly and what to do. */
    static String explain(RunEntry e, int exit) {
        String last = e.log().stream().filter(l -> l.startsWith("strata run:") || l.startsWith("strata:")).reduce((a, b) -> b).orElse("");
        RunRecord r = e.record();
        if (r != null) {
            for (var s : r.getSteps()) {
                if (s.getMessage() != null && !s.getMessage().isBlank()) {
                    return "Step " + s.getNumber() + " (" + s.getTechniqueId() + ") " + s.getStatus().getLiteral() + ": " + s.getMessage()
                            + ". It was rolled back; the steps before it were kept. Check its parameters or disable it, then run again.";
                }
            }
            if (!r.isGoalMet()) return "The pipeline ran but its goal was not met: " + r.getGoalMessage() + ". Relax the goal or change the steps.";
            return "The run ended with status " + r.getStatus().getLiteral() + ". See the log.";
        }
        if (exit == 2) return "The child refused the run: " + last.replaceFirst("^strata run: ", "") + ". Fix the pipeline or preferences and run again.";
        if (exit > 128) {
            return "The child process crashed (exit " + exit + ", signal " + (exit - 128) + "). The workbench is not affected. "
                    + "The model or a native library (ONNX Runtime) may be at fault; see the log, and try the model with ./strata inspect.";
        }
        String why = last.replaceFirst("^strata run: ", "");
        return (why.isBlank() ? "The child process ended with exit code " + exit : why)
                + ". Nothing was written over your files; see the log for details.";
    }

    private static Thread pump(InputStream in, RunEntry entry, IProgressMonitor monitor) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    entry.log(line);
                    if (monitor != null) {
                        Matcher m = STEP.matcher(line);
                        if (m.matches()) {
                            int n = Integer.parseInt(m.group(1));
                            entry.currentStep(n);
                            monitor.subTask("Step " + n + ": " + m.group(2));
                            monitor.worked(1);
                        } else if (entry.currentStep() < 0 && line.startsWith("strata: ")) {
                            entry.currentStep(0);
                            monitor.subTask("Measuring the source model");
                            monitor.worked(1);
                        }
                    }
                    IEventBroker b = entry.broker;
                    if (b != null) b.post(Topics.RUN_LOG, entry);
                }
            } catch (IOException e) {
                // the process was ended: its pipes close
            }
        }, "strata-run-" + entry.id() + (monitor == null ? "-out" : "-err"));
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void writeLog(RunEntry entry) {
        try {
            Files.write(entry.folder().resolve("run.log"), entry.log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            entry.log("could not write run.log: " + e.getMessage());
        }
    }

    /** Ends the child and everything it started: politely, then by force after two seconds. */
    static void kill(RunEntry entry) {
        Process p = entry.process;
        if (p == null || !p.isAlive()) return;
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        p.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                tree.forEach(ProcessHandle::destroyForcibly);
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    private void changed(RunEntry entry) {
        entry.broker = broker;
        broker.post(Topics.RUN_CHANGED, entry);
    }
}
