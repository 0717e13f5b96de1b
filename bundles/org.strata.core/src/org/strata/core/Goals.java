package org.strata.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.strata.core.report.MetricNames;
import org.strata.model.Goal;
import org.strata.model.Metric;
import org.strata.model.RunRecord;
import org.strata.model.RunStatus;
import org.strata.model.StepResult;
import org.strata.model.StepStatus;

/**
 * Checks a pipeline's {@link Goal} against the last measured step of a run: mean cosine at least
 * {@code minMeanCosine}, latency ratio at most {@code maxLatencyRatio} at every measured sequence length,
 * size ratio at most {@code maxSizeRatio}. A bound of 0 is not checked.
 */
final class Goals {
    private Goals() {
    }

    static void check(Goal goal, RunRecord record) {
        StepResult last = null;
        for (StepResult r : record.getSteps()) {
            if (r.getStatus() == StepStatus.APPLIED || r.getStatus() == StepStatus.UNCHANGED) last = r;
        }
        List<String> met = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        if (record.getStatus() == RunStatus.FAILED || record.getStatus() == RunStatus.CANCELLED) {
            missed.add("the run did not complete (" + record.getStatus().getLiteral() + ")");
        }
        if (goal != null && last != null) {
            if (goal.getMinMeanCosine() > 0) {
                double c = value(last, MetricNames.COSINE_MEAN, 0);
                (c >= goal.getMinMeanCosine() ? met : missed).add(String.format(Locale.ROOT, "mean cosine %.4f %s %.4f", c,
                        c >= goal.getMinMeanCosine() ? "≥" : "<", goal.getMinMeanCosine()));
            }
            if (goal.getMaxLatencyRatio() > 0) {
                for (Metric m : PipelineEngine.metrics(last, MetricNames.LATENCY_RATIO)) {
                    boolean ok = m.getValue() <= goal.getMaxLatencyRatio();
                    (ok ? met : missed).add(String.format(Locale.ROOT, "latency ratio %.3f at seq %d %s %.3f", m.getValue(),
                            m.getSequenceLength(), ok ? "≤" : ">", goal.getMaxLatencyRatio()));
                }
            }
            if (goal.getMaxSizeRatio() > 0) {
                double s = value(last, MetricNames.SIZE_RATIO, Double.NaN);
                boolean ok = s <= goal.getMaxSizeRatio();
                (ok ? met : missed).add(String.format(Locale.ROOT, "size ratio %.3f %s %.3f", s, ok ? "≤" : ">", goal.getMaxSizeRatio()));
            }
        } else if (goal != null && (goal.getMinMeanCosine() > 0 || goal.getMaxLatencyRatio() > 0 || goal.getMaxSizeRatio() > 0)) {
            missed.add("no step was applied and measured");
        }
        record.setGoalMet(missed.isEmpty());
        List<String> all = new ArrayList<>(missed);
        all.addAll(met);
        record.setGoalMessage(all.isEmpty() ? "no goal set" : String.join("; ", all));
    }

    static double value(StepResult r, String name, double fallback) {
        for (Metric m : r.getMetrics()) if (m.getName().equals(name)) return m.getValue();
        return fallback;
    }
}
