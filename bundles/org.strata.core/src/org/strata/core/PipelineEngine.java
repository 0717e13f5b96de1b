package org.strata.core;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.strata.core.analysis.BlockDivergence;
import org.strata.core.report.MetricNames;
import org.strata.model.Metric;
import org.strata.model.MetricKind;
import org.strata.model.ParameterValue;
import org.strata.model.Pipeline;
import org.strata.model.RunRecord;
import org.strata.model.RunStatus;
import org.strata.model.Step;
import org.strata.model.StepResult;
import org.strata.model.StepStatus;
import org.strata.model.StrataFactory;
import org.strata.model.TargetRuntimeKind;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.Problem;
import org.strata.onnx.StrataException;
import org.strata.onnx.structure.StructureException;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.runtime.Evaluator;
import org.strata.runtime.FeedSource;
import org.strata.runtime.LatencyBenchmark;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.OutputFidelity;
import org.strata.runtime.RandomInputs;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Applies a pipeline's steps to a model and records what each did (DESIGN "the engine's promises"). For each
 * enabled step: snapshot, apply through a safe runner (own thread, time limit, cancellation), sort and
 * validate, run the result in ONNX Runtime against the reference (the source model) on the evaluation split
 * — a lossless step must match within the tolerance, a lossy one has its fidelity recorded — and measure size
 * and latency side by side with the reference. Any failure rolls the model back to the snapshot; the pipeline
 * then goes on or stops as it says. Calibration data given to techniques is the calibration split only.
 */
public final class PipelineEngine {
    /** What a run needs besides the pipeline: the source model, its tokenizer (or null) and the data. */
    public record Inputs(Model model, String modelLabel, Path tokenizer, TextCorpus corpus) {
    }

    /** The record, and the model as of the last good step. */
    public record Outcome(RunRecord record, Model model) {
    }

    private static final StrataFactory F = StrataFactory.eINSTANCE;
    /** Texts used to check that a lossless step reproduces the reference. */
    private static final int LOSSLESS_TEXTS = 16;

    private final TechniqueRegistry registry;
    private final String strataVersion;

    public PipelineEngine(TechniqueRegistry registry, String strataVersion) {
        this.registry = registry;
        this.strataVersion = strataVersion;
    }

    public Outcome run(Pipeline pipeline, Path pipelineFile, Inputs in, RunSettings settings, ProgressMonitor monitor) {
        PipelineValidator.require(pipeline, pipelineFile, registry);
        long start = System.nanoTime();
        RunRecord record = F.createRunRecord();
        record.setPipelineName(pipeline.getName());
        record.setPipelineFile(pipelineFile == null ? "" : pipelineFile.toString());
        record.setSourceModel(in.modelLabel());
        record.setStrataVersion(strataVersion);
        record.setStartedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        record.setThreads(settings.threads());
        record.setBatch(settings.batch());
        record.setStatus(RunStatus.RUNNING);

        SessionSettings ort = SessionSettings.defaults().withIntraOpThreads(settings.threads());
        WordPieceTokenizer tokenizer = in.tokenizer() == null ? null : WordPieceTokenizer.load(in.tokenizer());
        List<String> evaluation = in.corpus().evaluation();
        if (settings.maxTexts() > 0 && evaluation.size() > settings.maxTexts()) evaluation = evaluation.subList(0, settings.maxTexts());
        Measure measure = new Measure(tokenizer, evaluation, passages(in.corpus()), settings);

        byte[] snapshot = ModelWriter.toBytes(in.model());
        Model working = ModelReader.read(snapshot, in.modelLabel());
        int enabled = (int) pipeline.getSteps().stream().filter(Step::isEnabled).count();
        monitor.begin("Running pipeline " + pipeline.getName(), enabled + 1);
        boolean failed = false;
        boolean lossyBefore = false;
        boolean cancelled = false;
        boolean tainted = false;
        try (OrtSession reference = OrtSessions.open(snapshot, in.modelLabel(), ort)) {
            StepResult baseline = F.createStepResult();
            baseline.setNumber(0);
            baseline.setTechniqueId("source");
            baseline.setSummary(in.modelLabel());
            baseline.setStatus(StepStatus.UNCHANGED);
            baseline.setVerified(true);
            baseline.setLossless(true);
            describe(baseline, working, snapshot);
            record.setBaseline(baseline);
            monitor.worked(1);

            Map<String, Object> statistics = new ConcurrentHashMap<>();
            for (int i = 0; i < pipeline.getSteps().size(); i++) {
                Step step = pipeline.getSteps().get(i);
                StepResult r = F.createStepResult();
                r.setNumber(i + 1);
                r.setTechniqueId(step.getTechniqueId());
                for (ParameterValue pv : step.getParameters()) {
                    ParameterValue copy = F.createParameterValue();
                    copy.setName(pv.getName());
                    copy.setValue(pv.getValue());
                    r.getParameters().add(copy);
                }
                record.getSteps().add(r);
                if (!step.isEnabled()) {
                    r.setStatus(StepStatus.DISABLED);
                    r.setSummary("disabled in the pipeline");
                    continue;
                }
                if (failed || cancelled) {
                    r.setStatus(StepStatus.NOT_RUN);
                    r.setSummary(cancelled ? "not run: the run was cancelled" : "not run: an earlier step failed and the pipeline stops on failure");
                    continue;
                }
                if (monitor.isCanceled()) {
                    cancelled = true;
                    r.setStatus(StepStatus.CANCELLED);
                    r.setSummary("cancelled before it started");
                    continue;
                }
                monitor.subTask("step " + (i + 1) + ": " + step.getTechniqueId());
                Technique technique = registry.require(step.getTechniqueId());
                TechniqueDescriptor d = technique.descriptor();
                r.setLossless(d.lossless());
                long stepStart = System.nanoTime();
                Model candidate = ModelReader.read(snapshot, in.modelLabel());
                String fingerprint = fingerprint(snapshot);
                StepOutcome o = apply(technique, PipelineValidator.parameters(d, step), candidate, pipeline, in.corpus(),
                        tokenizer, monitor, record, statistics, fingerprint, step.getTimeoutSeconds());
                r.setDurationMillis((System.nanoTime() - stepStart) / 1_000_000);
                if (o.status != StepStatus.APPLIED) {
                    r.setStatus(o.status);
                    r.setMessage(o.message);
                    r.setSummary("rolled back: " + o.message);
                    log(record, "step " + (i + 1) + " (" + d.id() + ") " + o.status + ": " + o.message);
                    tainted |= o.status == StepStatus.TIMED_OUT;
                    if (o.status == StepStatus.CANCELLED) cancelled = true;
                    else if (pipeline.isStopOnFailure()) failed = true;
                    else record.setStatus(RunStatus.PARTIAL);
                    continue;
                }
                r.setSummary(o.change.summary());
                r.setNodesAdded(o.change.nodesAdded());
                r.setNodesRemoved(o.change.nodesRemoved());
                for (AnalysisTable a : o.change.analyses()) r.getAnalyses().add(Analyses.toRecord(a));
                byte[] bytes = ModelWriter.toBytes(candidate);
                describe(r, candidate, bytes);
                // a lossless step must reproduce its own input; after a lossy step that is no longer the source model
                byte[] stepInput = lossyBefore ? snapshot : null;
                String verdict = measure.verify(reference, stepInput, bytes, candidate, d, r, ort, baseline, pipeline.isAllowUnverified());
                if (verdict != null) {
                    r.setStatus(StepStatus.ROLLED_BACK);
                    r.setMessage(verdict);
                    r.getMetrics().clear();
                    log(record, "step " + (i + 1) + " (" + d.id() + ") rolled back: " + verdict);
                    if (pipeline.isStopOnFailure()) failed = true;
                    else record.setStatus(RunStatus.PARTIAL);
                    continue;
                }
                if (r.getStatus() != StepStatus.UNVERIFIED) {
                    r.setStatus(o.change.modified() || !r.getFingerprint().equals(fingerprint) ? StepStatus.APPLIED : StepStatus.UNCHANGED);
                }
                if (settings.blockDivergence() && !d.lossless() && r.getStatus() == StepStatus.APPLIED) {
                    monitor.subTask("step " + (i + 1) + ": per-block divergence from the source model");
                    divergence(in.model(), candidate, new ModelRunner(tokenizer, in.corpus().calibration(), ort), record, r, d.id());
                }
                if (!d.lossless() && r.getStatus() == StepStatus.APPLIED) lossyBefore = true;
                snapshot = bytes;
                working = candidate;
                log(record, "step " + (i + 1) + " (" + d.id() + "): " + o.change.summary());
                monitor.worked(1);
            }
        } catch (OrtException e) {
            throw new StrataException("ONNX Runtime failed: " + e.getMessage(), e);
        }
        if (tainted) log(record, "a step overran its time limit and was abandoned; its thread may still be running (run marked tainted)");
        record.setDurationMillis((System.nanoTime() - start) / 1_000_000);
        record.setStatus(cancelled ? RunStatus.CANCELLED : failed ? RunStatus.FAILED
                : record.getStatus() == RunStatus.PARTIAL ? RunStatus.PARTIAL : RunStatus.SUCCEEDED);
        Goals.check(pipeline.getGoal(), record);
        return new Outcome(record, working);
    }

    /**
     * Adds the per-block divergence of a kept lossy step from the source model to its analyses; a step whose
     * structure no longer matches the source's (blocks dropped) or cannot be recognised gets a log line instead.
     */
    private static void divergence(Model source, Model candidate, ModelRunner runner, RunRecord record, StepResult r, String id) {
        String step = "step " + r.getNumber() + " (" + id + ")";
        try {
            List<BlockDivergence.Point> points = BlockDivergence.points(source, candidate);
            BlockDivergence.Result result = BlockDivergence.measure(runner, source, candidate, points, BlockDivergence.DEFAULT_TEXTS);
            r.getAnalyses().add(Analyses.toRecord(result.table()));
        } catch (BlockDivergence.MismatchException | StructureException e) {
            log(record, step + ": no per-block divergence: " + e.getMessage());
        } catch (StrataException e) {
            log(record, step + ": per-block divergence could not be measured: " + e.getMessage());
        }
    }

    private static List<String> passages(TextCorpus corpus) {
        List<String> p = corpus.passages().evaluation();
        return p.isEmpty() ? corpus.evaluation() : p;
    }

    private static void describe(StepResult r, Model m, byte[] bytes) {
        r.setModelBytes(bytes.length);
        r.setNodeCount(m.graph().allNodes().size());
        r.setFingerprint(fingerprint(bytes));
        r.getMetrics().add(metric(MetricNames.SIZE_BYTES, MetricKind.SIZE, bytes.length, MetricNames.UNIT_BYTES, 0));
    }

    static Metric metric(String name, MetricKind kind, double value, String unit, int seq) {
        Metric m = F.createMetric();
        m.setName(name);
        m.setKind(kind);
        m.setValue(value);
        m.setUnit(unit);
        m.setSequenceLength(seq);
        return m;
    }

    static void log(RunRecord r, String line) {
        r.getLog().add(line);
    }

    /** SHA-256 of the serialised model, first 16 hex digits: what calibration statistics are cached by. */
    public static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What techniques calibrate on: the calibration side of the short texts, then the calibration side of the
     * passages (captured up to {@link ModelRunner#MAX_LENGTH} tokens). Short texts come first, so a technique that
     * asks for a few texts sees sentences only; one that wants many tokens (a least-squares refit) gets the
     * passages' long-range contexts too. Never any evaluation text.
     */
    static List<String> calibrationTexts(TextCorpus corpus) {
        List<String> texts = new ArrayList<>(corpus.calibration());
        texts.addAll(corpus.passages().calibration());
        return List.copyOf(texts);
    }

    private record StepOutcome(StepStatus status, Change change, String message) {
    }

    /** The safe runner: own thread, time limit, cancellation, exceptions and invalid graphs become outcomes. */
    private StepOutcome apply(Technique technique, Parameters params, Model candidate, Pipeline pipeline, TextCorpus corpus,
            WordPieceTokenizer calibrationTokenizer, ProgressMonitor monitor, RunRecord record, Map<String, Object> statistics, String fingerprint, int timeoutSeconds) {
        TargetRuntime target = pipeline.getTarget() == TargetRuntimeKind.ONNX ? TargetRuntime.ONNX : TargetRuntime.ONNXRUNTIME;
        List<String> calibration = calibrationTexts(corpus);
        TechniqueContext ctx = new EngineContext(candidate, target, calibration, monitor, record, statistics, fingerprint,
                new ModelRunner(calibrationTokenizer, calibration, org.strata.runtime.SessionSettings.defaults()));
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "strata-step-" + technique.descriptor().id());
            t.setDaemon(true);
            return t;
        });
        Future<Change> future = runner.submit(() -> technique.apply(candidate, params, ctx));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try {
            Change change;
            while (true) {
                try {
                    change = future.get(100, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    if (monitor.isCanceled()) {
                        future.cancel(true);
                        return new StepOutcome(StepStatus.CANCELLED, null, "cancelled while running");
                    }
                    if (System.nanoTime() > deadline) {
                        future.cancel(true);
                        return new StepOutcome(StepStatus.TIMED_OUT, null, "did not finish within " + timeoutSeconds + " s (the step's timeoutSeconds)");
                    }
                }
            }
            if (change == null) change = Change.none("the technique reported nothing");
            candidate.graph().sortTopologically();
            List<Problem> problems = GraphValidator.check(candidate);
            if (!problems.isEmpty()) {
                return new StepOutcome(StepStatus.FAILED, null, "produced an invalid graph: "
                        + String.join("; ", problems.stream().limit(3).map(Problem::toString).toList()));
            }
            return new StepOutcome(StepStatus.APPLIED, change, null);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof CancellationException) return new StepOutcome(StepStatus.CANCELLED, null, "cancelled while running");
            String msg = c instanceof StrataException ? c.getMessage() : "failed with " + c;
            return new StepOutcome(StepStatus.FAILED, null, msg);
        } catch (StrataException e) {
            return new StepOutcome(StepStatus.FAILED, null, "produced an invalid graph: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new StepOutcome(StepStatus.CANCELLED, null, "interrupted");
        } finally {
            runner.shutdownNow();
        }
    }

    /** Verification and measurement against the reference. */
    private static final class Measure {
        final WordPieceTokenizer tokenizer;
        final List<String> evaluation;
        final List<String> passages;
        final RunSettings settings;
        final Evaluator evaluator;

        Measure(WordPieceTokenizer tokenizer, List<String> evaluation, List<String> passages, RunSettings settings) {
            this.tokenizer = tokenizer;
            this.evaluation = evaluation;
            this.passages = passages;
            this.settings = settings;
            this.evaluator = new Evaluator(new Evaluator.Settings(settings.batch(), 512));
        }

        /** Returns null when the step stands, else why it must be rolled back. Adds metrics to {@code r}. */
        /**
         * @param stepInput the step's input when it differs from the source (an earlier lossy step), else null: a
         *                  lossless step must reproduce its own input
         */
        String verify(OrtSession reference, byte[] stepInput, byte[] bytes, Model candidate, TechniqueDescriptor d, StepResult r,
                SessionSettings ort, StepResult baseline, boolean allowUnverified) {
            OrtSession session;
            try {
                session = OrtSessions.open(bytes, "the result of step " + r.getNumber(), ort);
            } catch (StrataException e) {
                if (!allowUnverified) return "ONNX Runtime cannot run the result (" + e.getMessage() + "); set allowUnverified to keep such steps";
                r.setStatus(StepStatus.UNVERIFIED);
                r.setVerified(false);
                r.setMessage("not verified: " + e.getMessage());
                return null;
            }
            OrtSession input = null;
            try (session) {
                OrtSession expected = reference;
                if (d.lossless() && stepInput != null) {
                    input = OrtSessions.open(stepInput, "the input of step " + r.getNumber(), ort);
                    expected = input;
                }
                if (tokenizer != null && d.lossless()) {
                    List<OutputFidelity> out = evaluator.compareOutputs(expected, session, tokenizer,
                            evaluation.subList(0, Math.min(LOSSLESS_TEXTS, evaluation.size())));
                    for (OutputFidelity f : out) {
                        r.getMetrics().add(metric(MetricNames.relativeError(f.output()), MetricKind.FIDELITY, f.relativeError(), "", 0));
                        if (!f.withinTolerance(d.effectiveTolerance())) {
                            return "not lossless: output " + f.output() + " differs by up to " + f.maxAbsError() + " (tolerance "
                                    + d.effectiveTolerance() + " × max(1, " + f.maxAbsReference() + "))";
                        }
                    }
                } else if (tokenizer == null) {
                    for (OutputFidelity f : evaluator.compareOutputs(expected, session, RandomInputs.of(ModelRunner.vocabulary(candidate)))) {
                        r.getMetrics().add(metric(MetricNames.relativeError(f.output()), MetricKind.FIDELITY, f.relativeError(), "", 0));
                        if (d.lossless() && !f.withinTolerance(d.effectiveTolerance())) {
                            return "not lossless: output " + f.output() + " differs by up to " + f.maxAbsError();
                        }
                    }
                }
                if (tokenizer != null && evaluation.size() >= 2) {
                    EmbeddingFidelity f = evaluator.compareEmbeddings(reference, session, tokenizer, evaluation);
                    r.getMetrics().add(metric(MetricNames.COSINE_MEAN, MetricKind.FIDELITY, f.meanCosine(), "", 0));
                    r.getMetrics().add(metric(MetricNames.COSINE_MIN, MetricKind.FIDELITY, f.minCosine(), "", 0));
                    r.getMetrics().add(metric(MetricNames.ERROR_MAX_ABS, MetricKind.FIDELITY, f.maxAbsError(), "", 0));
                    r.getMetrics().add(metric(MetricNames.NEIGHBOURS_TOP1, MetricKind.FIDELITY, f.top1Agreement(), "", 0));
                    r.getMetrics().add(metric(MetricNames.NEIGHBOURS_TOP5, MetricKind.FIDELITY, f.top5Overlap(), "", 0));
                    r.getMetrics().add(metric(MetricNames.SIMILARITY_SPEARMAN, MetricKind.FIDELITY, f.similaritySpearman(), "", 0));
                }
                FeedSource feeds = tokenizer != null ? FeedSource.texts(tokenizer, passages, settings.batch())
                        : FeedSource.randomTokens(settings.batch(), 1000, 7);
                LatencyBenchmark.LatencyReport lat = new LatencyBenchmark(
                        new LatencyBenchmark.Settings(settings.warmup(), settings.rounds(), settings.sequenceLengths())).compare(reference, session, feeds);
                boolean baselineTimed = baseline.getMetrics().stream().anyMatch(m -> m.getName().equals(MetricNames.LATENCY_P50));
                for (LatencyBenchmark.SequenceLatency s : lat.rows()) {
                    int seq = s.sequenceLength();
                    r.getMetrics().add(metric(MetricNames.LATENCY_P50, MetricKind.LATENCY, s.b().medianMillis(), MetricNames.UNIT_MS, seq));
                    r.getMetrics().add(metric(MetricNames.LATENCY_P90, MetricKind.LATENCY, s.b().p90Millis(), MetricNames.UNIT_MS, seq));
                    r.getMetrics().add(metric(MetricNames.LATENCY_RATIO, MetricKind.LATENCY, s.ratio(), "", seq));
                    if (!baselineTimed) {
                        baseline.getMetrics().add(metric(MetricNames.LATENCY_P50, MetricKind.LATENCY, s.a().medianMillis(), MetricNames.UNIT_MS, seq));
                        baseline.getMetrics().add(metric(MetricNames.LATENCY_P90, MetricKind.LATENCY, s.a().p90Millis(), MetricNames.UNIT_MS, seq));
                        baseline.getMetrics().add(metric(MetricNames.LATENCY_RATIO, MetricKind.LATENCY, 1.0, "", seq));
                    }
                }
                r.getMetrics().add(metric(MetricNames.SIZE_RATIO, MetricKind.SIZE, (double) bytes.length / baseline.getModelBytes(), "", 0));
                r.setVerified(true);
                return null;
            } catch (OrtException e) {
                return "ONNX Runtime failed while measuring the result: " + e.getMessage();
            } catch (StrataException e) {
                return "could not verify the result: " + e.getMessage();
            } finally {
                if (input != null) {
                    try {
                        input.close();
                    } catch (OrtException e) {
                        // nothing was written; the session's native memory is released by the environment at exit
                    }
                }
            }
        }
    }

    /** The context handed to techniques. */
    private static final class EngineContext implements TechniqueContext {
        private final Model model;
        private final TargetRuntime target;
        private final List<String> calibration;
        private final ProgressMonitor monitor;
        private final RunRecord record;
        private final Map<String, Object> statistics;
        private final String fingerprint;
        private TransformerStructure structure;

        private final ModelRunner runner;

        EngineContext(Model model, TargetRuntime target, List<String> calibration, ProgressMonitor monitor, RunRecord record,
                Map<String, Object> statistics, String fingerprint, ModelRunner runner) {
            this.runner = runner;
            this.model = model;
            this.target = target;
            this.calibration = List.copyOf(calibration);
            this.monitor = monitor;
            this.record = record;
            this.statistics = statistics;
            this.fingerprint = fingerprint;
        }

        @Override
        public synchronized TransformerStructure structure() {
            if (structure == null) structure = TransformerStructure.discover(model);
            return structure;
        }

        @Override
        public TargetRuntime target() {
            return target;
        }

        @Override
        public List<String> calibrationTexts() {
            return calibration;
        }

        @Override
        public ModelRunner runner() {
            return runner;
        }

        @Override
        public ProgressMonitor monitor() {
            return monitor;
        }

        @Override
        public void log(String message) {
            synchronized (record) {
                PipelineEngine.log(record, message);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T statistics(String key, Supplier<T> compute) {
            return (T) statistics.computeIfAbsent(fingerprint + "/" + key, k -> compute.get());
        }
    }

    static List<Metric> metrics(StepResult r, String name) {
        List<Metric> out = new ArrayList<>();
        for (Metric m : r.getMetrics()) if (m.getName().equals(name)) out.add(m);
        return out;
    }
}
