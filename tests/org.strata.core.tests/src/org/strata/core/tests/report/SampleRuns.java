package org.strata.core.tests.report;

import org.strata.core.report.MetricNames;
import org.strata.model.Metric;
import org.strata.model.MetricKind;
import org.strata.model.ParameterValue;
import org.strata.model.RunRecord;
import org.strata.model.RunStatus;
import org.strata.model.StepResult;
import org.strata.model.StepStatus;
import org.strata.model.StrataFactory;

/**
 * Run records built by hand, shaped like the engine's: MiniLM fp32 (its real size and node count) through
 * a lossless cleanup, dynamic int8 quantization (fidelity as `strata compare` measures it against the
 * upstream int8 model) and a head-pruning step that was rolled back with a hostile message.
 */
final class SampleRuns {
    static final StrataFactory F = StrataFactory.eINSTANCE;
    static final String HOSTILE = "<script>alert(1)</script>";
    static final long SOURCE_BYTES = 90_387_606L;
    static final long INT8_BYTES = 22_972_370L;

    private SampleRuns() {
    }

    /** Baseline + cleanup (applied) + quantize (applied) + prune (rolled back, no metrics). */
    static RunRecord sample() {
        RunRecord run = header("minilm-int8-small", RunStatus.PARTIAL);
        run.setGoalMet(true);
        run.setGoalMessage("mean cosine 0.99146 \u2265 0.98 and size ratio 0.254 \u2264 0.30");

        StepResult base = F.createStepResult();
        base.setNumber(0);
        base.setTechniqueId("baseline");
        base.setStatus(StepStatus.APPLIED);
        base.setModelBytes(SOURCE_BYTES);
        base.setNodeCount(637);
        base.setFingerprint("sha256:9f2c41d07be3a5e1c6f0b8d2a4e7c9f1");
        latency(base, 16, 4.45, 5.12, Double.NaN);
        latency(base, 128, 21.3, 23.9, Double.NaN);
        latency(base, 256, 47.8, 52.6, Double.NaN);
        size(base, SOURCE_BYTES, 1.0);
        run.setBaseline(base);

        StepResult cleanup = step(1, "cleanup.fold-constants", StepStatus.APPLIED, 1_840);
        param(cleanup, "passes", "all");
        cleanup.setSummary("folded 146 Constant and 49 Shape subgraphs into initializers");
        cleanup.setLossless(true);
        cleanup.setVerified(true);
        cleanup.setModelBytes(90_345_210L);
        cleanup.setNodeCount(489);
        cleanup.setNodesAdded(0);
        cleanup.setNodesRemoved(148);
        cleanup.setFingerprint("sha256:1b7e0c55a9d4f3e2b1c0a9d8e7f6a5b4");
        size(cleanup, 90_345_210L, 90_345_210.0 / SOURCE_BYTES);
        latency(cleanup, 16, 4.31, 4.98, 4.31 / 4.45);
        latency(cleanup, 128, 20.9, 23.1, 20.9 / 21.3);
        latency(cleanup, 256, 47.1, 51.9, 47.1 / 47.8);
        fidelity(cleanup, MetricNames.COSINE_MEAN, 1.0);
        fidelity(cleanup, MetricNames.COSINE_MIN, 0.9999999);
        fidelity(cleanup, MetricNames.ERROR_MAX_ABS, 2.4e-6);
        fidelity(cleanup, MetricNames.ERROR_RELATIVE, 5.7e-7);
        fidelity(cleanup, MetricNames.relativeError("last_hidden_state"), 5.7e-7);
        run.getSteps().add(cleanup);

        StepResult quantize = step(2, "quantize.dynamic-int8", StepStatus.APPLIED, 12_650);
        param(quantize, "per-channel", "true");
        param(quantize, "reduce-range", "false");
        param(quantize, "exclude", "embeddings");
        quantize.setSummary("quantized 36 MatMuls to int8 with per-channel weight scales");
        quantize.setLossless(false);
        quantize.setVerified(true);
        quantize.setModelBytes(INT8_BYTES);
        quantize.setNodeCount(777);
        quantize.setNodesAdded(312);
        quantize.setNodesRemoved(24);
        quantize.setFingerprint("sha256:c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8");
        size(quantize, INT8_BYTES, (double) INT8_BYTES / SOURCE_BYTES);
        latency(quantize, 16, 1.79, 2.41, 1.79 / 4.45);
        latency(quantize, 128, 9.84, 11.2, 9.84 / 21.3);
        latency(quantize, 256, 23.6, 26.0, 23.6 / 47.8);
        fidelity(quantize, MetricNames.COSINE_MEAN, 0.9914614236030267);
        fidelity(quantize, MetricNames.COSINE_MIN, 0.9874028696361791);
        fidelity(quantize, MetricNames.ERROR_MAX_ABS, 0.47487980127334595);
        fidelity(quantize, MetricNames.NEIGHBOURS_TOP1, 0.9375);
        fidelity(quantize, MetricNames.NEIGHBOURS_TOP5, 0.95);
        fidelity(quantize, MetricNames.SIMILARITY_SPEARMAN, 0.9938190152093895);
        fidelity(quantize, MetricNames.ERROR_RELATIVE, 0.1119);
        fidelity(quantize, MetricNames.relativeError("last_hidden_state"), 0.1119);
        run.getSteps().add(quantize);

        StepResult prune = step(3, "prune.attention-heads", StepStatus.ROLLED_BACK, 4_210);
        param(prune, "heads", "3");
        param(prune, "score", "block-influence \"fast\" & <rough>");
        prune.setMessage("verification failed: mean cosine 0.612 is below the goal's 0.98 after removing heads named "
                + HOSTILE + "; the graph was rolled back to step 2");
        run.getSteps().add(prune);

        run.getLog().add("12:00:00.001 loading minilm (90.4 MB, 637 nodes)");
        run.getLog().add("12:00:03.120 baseline: p50 4.45 ms @16, 21.3 ms @128, 47.8 ms @256");
        run.getLog().add("12:00:05.002 step 1 cleanup.fold-constants: applied, lossless, verified");
        run.getLog().add("12:00:17.700 step 2 quantize.dynamic-int8: applied, mean cosine 0.99146");
        run.getLog().add("12:00:21.910 step 3 prune.attention-heads: rolled back: " + HOSTILE);
        run.getLog().add("12:00:22.400 goal met; wrote out/minilm-int8-small.onnx");
        return run;
    }

    /** A run whose pipeline has no steps: only the baseline was measured. */
    static RunRecord zeroSteps() {
        RunRecord run = sample();
        run.getSteps().clear();
        run.setStatus(RunStatus.SUCCEEDED);
        run.setGoalMet(false);
        run.setGoalMessage("size ratio 1.000 is above the goal's 0.30");
        return run;
    }

    /** A run that failed at once: no baseline, one failed step without metrics, no goal message. */
    static RunRecord failedRun() {
        RunRecord run = header("broken", RunStatus.FAILED);
        run.setGoalMet(false);
        StepResult s = step(1, "lowrank.svd", StepStatus.FAILED, 31);
        s.setMessage("technique threw IllegalStateException: rank 0 is below 1");
        run.getSteps().add(s);
        run.getLog().add("could not load the model: truncated file");
        return run;
    }

    /** The sample with only its quantize step, renumbered 1. */
    static RunRecord singleStep() {
        RunRecord run = sample();
        StepResult quantize = run.getSteps().get(1);
        run.getSteps().clear();
        quantize.setNumber(1);
        run.getSteps().add(quantize);
        run.setStatus(RunStatus.SUCCEEDED);
        return run;
    }

    static RunRecord header(String name, RunStatus status) {
        RunRecord run = F.createRunRecord();
        run.setPipelineName(name);
        run.setPipelineFile("pipelines/" + name + ".strata");
        run.setSourceModel("minilm");
        run.setOutputModel("out/" + name + ".onnx");
        run.setStrataVersion("0.1.0.v20250601-1200");
        run.setStartedAt("2025-06-01T12:00:00Z");
        run.setDurationMillis(22_400);
        run.setStatus(status);
        run.setThreads(1);
        run.setBatch(1);
        return run;
    }

    static StepResult step(int number, String technique, StepStatus status, long millis) {
        StepResult s = F.createStepResult();
        s.setNumber(number);
        s.setTechniqueId(technique);
        s.setStatus(status);
        s.setDurationMillis(millis);
        return s;
    }

    static void param(StepResult s, String name, String value) {
        ParameterValue p = F.createParameterValue();
        p.setName(name);
        p.setValue(value);
        s.getParameters().add(p);
    }

    static Metric metric(StepResult s, String name, MetricKind kind, double value, String unit, int sequenceLength) {
        Metric m = F.createMetric();
        m.setName(name);
        m.setKind(kind);
        m.setValue(value);
        m.setUnit(unit);
        m.setSequenceLength(sequenceLength);
        s.getMetrics().add(m);
        return m;
    }

    static void fidelity(StepResult s, String name, double value) {
        metric(s, name, MetricKind.FIDELITY, value, null, 0);
    }

    /** p50 and p90 in ms, and the ratio to the baseline's p50 unless NaN (the baseline records none). */
    static void latency(StepResult s, int length, double p50, double p90, double ratio) {
        metric(s, MetricNames.LATENCY_P50, MetricKind.LATENCY, p50, MetricNames.UNIT_MS, length);
        metric(s, MetricNames.LATENCY_P90, MetricKind.LATENCY, p90, MetricNames.UNIT_MS, length);
        if (!Double.isNaN(ratio)) metric(s, MetricNames.LATENCY_RATIO, MetricKind.LATENCY, ratio, null, length);
    }

    static void size(StepResult s, long bytes, double ratio) {
        metric(s, MetricNames.SIZE_BYTES, MetricKind.SIZE, bytes, MetricNames.UNIT_BYTES, 0);
        metric(s, MetricNames.SIZE_RATIO, MetricKind.SIZE, ratio, null, 0);
    }
}
