package org.strata.core.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.strata.model.Metric;
import org.strata.model.MetricKind;
import org.strata.model.StepResult;
import org.strata.model.StepStatus;

/**
 * What a report reads from one {@link StepResult}: its metrics by name and sequence length, and the sizes
 * and ratios against the baseline, derived when the engine did not record them. A missing measure is
 * {@code NaN}, never 0, so a failed step shows a dash rather than a perfect score.
 */
final class StepMeasures {
    final StepResult step;
    final boolean baseline;
    private final StepResult reference;
    /** The first metric of each (name, sequence length); later duplicates are ignored. */
    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    private StepMeasures(StepResult step, boolean baseline, StepResult reference) {
        this.step = step;
        this.baseline = baseline;
        this.reference = reference;
        for (Metric m : step.getMetrics()) {
            if (m.getName() != null) metrics.putIfAbsent(key(m.getName(), m.getSequenceLength()), m);
        }
    }

    static StepMeasures baseline(StepResult baseline) {
        return new StepMeasures(baseline, true, baseline);
    }

    /** @param reference the run's baseline, or null when the run has none */
    static StepMeasures step(StepResult step, StepResult reference) {
        return new StepMeasures(step, false, reference);
    }

    private static String key(String name, int sequenceLength) {
        return name + "@" + sequenceLength;
    }

    /** A metric recorded without a sequence length, else the first one of that name at any length. */
    double metric(String name) {
        Metric m = metrics.get(key(name, 0));
        if (m == null) {
            for (Metric any : metrics.values()) {
                if (name.equals(any.getName())) return any.getValue();
            }
            return Double.NaN;
        }
        return m.getValue();
    }

    double metric(String name, int sequenceLength) {
        Metric m = metrics.get(key(name, sequenceLength));
        return m == null ? Double.NaN : m.getValue();
    }

    boolean hasMeasurements() {
        return !metrics.isEmpty() || step.getModelBytes() > 0;
    }

    /** Whether the step's graph became the next step's input (the model written at the end includes it). */
    boolean kept() {
        if (baseline) return true;
        StepStatus s = step.getStatus();
        return s == StepStatus.APPLIED || s == StepStatus.UNCHANGED || s == StepStatus.UNVERIFIED;
    }

    /** Failed, rolled back or timed out: shown in red. */
    boolean broken() {
        StepStatus s = step.getStatus();
        return !baseline && (s == StepStatus.FAILED || s == StepStatus.ROLLED_BACK || s == StepStatus.TIMED_OUT);
    }

    double sizeBytes() {
        return step.getModelBytes() > 0 ? step.getModelBytes() : metric(MetricNames.SIZE_BYTES);
    }

    double sizeRatio() {
        if (baseline) return sizeBytes() > 0 ? 1.0 : Double.NaN;
        double recorded = metric(MetricNames.SIZE_RATIO);
        if (!Double.isNaN(recorded)) return recorded;
        double base = reference == null ? Double.NaN : StepMeasures.baseline(reference).sizeBytes();
        return base > 0 ? sizeBytes() / base : Double.NaN;
    }

    double p50(int sequenceLength) {
        return metric(MetricNames.LATENCY_P50, sequenceLength);
    }

    double p90(int sequenceLength) {
        return metric(MetricNames.LATENCY_P90, sequenceLength);
    }

    double latencyRatio(int sequenceLength) {
        if (baseline) return Double.isNaN(p50(sequenceLength)) ? Double.NaN : 1.0;
        double recorded = metric(MetricNames.LATENCY_RATIO, sequenceLength);
        if (!Double.isNaN(recorded)) return recorded;
        double base = reference == null ? Double.NaN : StepMeasures.baseline(reference).p50(sequenceLength);
        return base > 0 ? p50(sequenceLength) / base : Double.NaN;
    }

    /** Mean cosine; 1 for the baseline by definition. */
    double cosineMean() {
        return baseline ? 1.0 : metric(MetricNames.COSINE_MEAN);
    }

    double cosineMin() {
        return baseline ? 1.0 : metric(MetricNames.COSINE_MIN);
    }

    /** The sequence lengths at which latency was measured. */
    SortedSet<Integer> sequenceLengths() {
        SortedSet<Integer> lengths = new TreeSet<>();
        for (Metric m : metrics.values()) {
            if (m.getSequenceLength() > 0 && (m.getKind() == MetricKind.LATENCY || isLatency(m.getName()))) {
                lengths.add(m.getSequenceLength());
            }
        }
        return lengths;
    }

    private static boolean isLatency(String name) {
        return name.equals(MetricNames.LATENCY_P50) || name.equals(MetricNames.LATENCY_P90) || name.equals(MetricNames.LATENCY_RATIO);
    }

    /** Metrics the report has no dedicated column for (per-output errors, a plugin's own measures). */
    List<Metric> otherMetrics() {
        Set<String> shown = new HashSet<>(List.of(MetricNames.COSINE_MEAN, MetricNames.COSINE_MIN, MetricNames.ERROR_MAX_ABS,
                MetricNames.NEIGHBOURS_TOP1, MetricNames.NEIGHBOURS_TOP5, MetricNames.SIMILARITY_SPEARMAN, MetricNames.ERROR_RELATIVE,
                MetricNames.LATENCY_P50, MetricNames.LATENCY_P90, MetricNames.LATENCY_RATIO, MetricNames.SIZE_BYTES, MetricNames.SIZE_RATIO));
        List<Metric> other = new ArrayList<>();
        for (Metric m : metrics.values()) {
            // a latency without its sequence length has no column to go in
            if (!shown.contains(m.getName()) || isLatency(m.getName()) && m.getSequenceLength() <= 0) other.add(m);
        }
        return other;
    }
}
