package org.strata.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.strata.model.RunRecord;
import org.strata.model.StepResult;

/**
 * One run of a pipeline on a model, as the workbench sees it: queued, running in its child process, or
 * ended with the run record the child wrote. Fields change on the run's job thread; readers get a
 * consistent enough picture for display (every field is volatile or a synchronized list).
 */
public final class RunEntry {
    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

        public boolean ended() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    private final String id;
    private final String pipelineName;
    private final String modelLabel;
    private final Path folder;
    private final List<String> stepIds;
    private final List<Boolean> stepEnabled;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private volatile State state = State.QUEUED;
    private volatile int currentStep = -1;
    private volatile RunRecord record;
    private volatile String problem;
    private volatile int exitCode = Integer.MIN_VALUE;
    private volatile Instant started;
    private volatile Instant ended;
    volatile Process process;
    volatile org.eclipse.core.runtime.jobs.Job job;
    volatile org.eclipse.e4.core.services.events.IEventBroker broker;

    RunEntry(String id, String pipelineName, String modelLabel, Path folder, List<String> stepIds, List<Boolean> stepEnabled) {
        this.id = id;
        this.pipelineName = pipelineName;
        this.modelLabel = modelLabel;
        this.folder = folder;
        this.stepIds = List.copyOf(stepIds);
        this.stepEnabled = List.copyOf(stepEnabled);
    }

    /** An ended run read back from its folder (history). */
    static RunEntry fromRecord(Path folder, RunRecord r) {
        List<String> ids = r.getSteps().stream().map(StepResult::getTechniqueId).toList();
        List<Boolean> en = r.getSteps().stream().map(s -> s.getStatus() != org.strata.model.StepStatus.DISABLED).toList();
        RunEntry e = new RunEntry(folder.getFileName().toString(), r.getPipelineName(), r.getSourceModel(), folder, ids, en);
        e.record = r;
        e.state = switch (r.getStatus()) {
            case SUCCEEDED -> State.SUCCEEDED;
            case CANCELLED -> State.CANCELLED;
            default -> State.FAILED;
        };
        try {
            e.started = Instant.parse(r.getStartedAt());
            e.ended = e.started.plusMillis(r.getDurationMillis());
        } catch (RuntimeException ex) {
            // an old or hand-edited record without a time stamp: shown without one
        }
        return e;
    }

    public String id() {
        return id;
    }

    public String pipelineName() {
        return pipelineName;
    }

    public String modelLabel() {
        return modelLabel;
    }

    /** The run's folder: {@code pipeline.strata}, {@code run.log} and {@code out/}. */
    public Path folder() {
        return folder;
    }

    public Path outputFolder() {
        return folder.resolve("out");
    }

    public Path report() {
        return outputFolder().resolve("report.html");
    }

    public List<String> stepIds() {
        return stepIds;
    }

    public boolean stepEnabled(int index) {
        return stepEnabled.get(index);
    }

    public State state() {
        return state;
    }

    void state(State s) {
        state = s;
        if (s == State.RUNNING) started = Instant.now();
        if (s.ended()) ended = Instant.now();
    }

    /** The step being worked on, from 1; 0 while the source model is measured; -1 before the child reports. */
    public int currentStep() {
        return currentStep;
    }

    void currentStep(int n) {
        currentStep = n;
    }

    /** The record the child wrote, once it ended (null when it was cancelled or crashed). */
    public RunRecord record() {
        return record;
    }

    void record(RunRecord r) {
        record = r;
    }

    /** Why the run did not succeed, in one line with what to do; null when it did. */
    public String problem() {
        return problem;
    }

    void problem(String p) {
        problem = p;
    }

    public int exitCode() {
        return exitCode;
    }

    void exitCode(int c) {
        exitCode = c;
    }

    public Instant started() {
        return started;
    }

    public Instant ended() {
        return ended;
    }

    /** Whether this session started the run (as opposed to reading it from an earlier session's folder). */
    public boolean startedHere() {
        return job != null;
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** The process's id while it runs (for tests and diagnostics), else -1. */
    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    void log(String line) {
        log.add(line);
    }

    /** What the step at {@code index} (from 0) is doing or did, for display. */
    public String stepStatus(int index) {
        if (record != null && index < record.getSteps().size()) return record.getSteps().get(index).getStatus().getLiteral();
        if (!stepEnabled.get(index)) return "disabled";
        if (state == State.CANCELLED) return index + 1 < currentStep ? "done" : index + 1 == currentStep ? "cancelled" : "not run";
        if (state.ended()) return index + 1 < currentStep ? "done" : "not run";
        if (currentStep < 0) return "waiting";
        return index + 1 < currentStep ? "done" : index + 1 == currentStep ? "running" : "waiting";
    }

    @Override
    public String toString() {
        return "RunEntry[" + id + ", " + state + "]";
    }
}
