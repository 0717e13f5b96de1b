package org.strata.ui;

import java.util.List;
import java.util.TreeSet;

import org.strata.core.report.MetricNames;
import org.strata.model.Metric;
import org.strata.model.RunRecord;
import org.strata.model.StepResult;
import org.strata.model.StepStatus;

/** What the workbench reads from a run record: metrics by name (NaN when missing, never 0) and ratios to the baseline. */
public final class Measures {
    private Measures() {
    }

    public static double metric(StepResult r, String name, int sequenceLength) {
        if (r == null) return Double.NaN;
        for (Metric m : r.getMetrics()) if (name.equals(m.getName()) && m.getSequenceLength() == sequenceLength) return m.getValue();
        return Double.NaN;
    }

    public static double cosineMean(StepResult r) {
        return r.getNumber() == 0 ? 1.0 : metric(r, MetricNames.COSINE_MEAN, 0);
    }

    public static double cosineMin(StepResult r) {
        return r.getNumber() == 0 ? 1.0 : metric(r, MetricNames.COSINE_MIN, 0);
    }

    public static double sizeRatio(RunRecord run, StepResult r) {
        if (run.getBaseline() == null || run.getBaseline().getModelBytes() <= 0 || r.getModelBytes() <= 0 || !measured(r)) return Double.NaN;
        return r.getModelBytes() / (double) run.getBaseline().getModelBytes();
    }

    public static double latencyRatio(StepResult r, int sequenceLength) {
        return r.getNumber() == 0 ? 1.0 : metric(r, MetricNames.LATENCY_RATIO, sequenceLength);
    }

    /** Whether the step's measures describe a kept graph (not a rolled-back attempt). */
    public static boolean measured(StepResult r) {
        StepStatus s = r.getStatus();
        return r.getNumber() == 0 || s == StepStatus.APPLIED || s == StepStatus.UNCHANGED || s == StepStatus.UNVERIFIED;
    }

    /** The sequence lengths the baseline was timed at, ascending. */
    public static List<Integer> lengths(RunRecord run) {
        TreeSet<Integer> l = new TreeSet<>();
        if (run.getBaseline() != null) {
            for (Metric m : run.getBaseline().getMetrics()) if (MetricNames.LATENCY_P50.equals(m.getName())) l.add(m.getSequenceLength());
        }
        return List.copyOf(l);
    }

    /** The last step whose graph was kept, or the baseline. */
    public static StepResult last(RunRecord run) {
        StepResult best = run.getBaseline();
        for (StepResult s : run.getSteps()) if (measured(s) && s.getModelBytes() > 0) best = s;
        return best;
    }

    private static final java.util.Set<String> SHOWN = java.util.Set.of(MetricNames.COSINE_MEAN, MetricNames.COSINE_MIN, MetricNames.LATENCY_P50,
            MetricNames.LATENCY_P90, MetricNames.LATENCY_RATIO, MetricNames.SIZE_BYTES, MetricNames.SIZE_RATIO);

    /**
     * A step's other measures in one line — max |error|, nearest-neighbour agreement, Spearman, relative errors
     * and whatever a technique recorded — as {@code name value unit}, joined by " · ".
     */
    public static String otherFidelity(StepResult r) {
        List<String> out = new java.util.ArrayList<>();
        for (Metric m : r.getMetrics()) {
            if (SHOWN.contains(m.getName()) || Double.isNaN(m.getValue())) continue;
            String name = switch (m.getName()) {
                case MetricNames.ERROR_MAX_ABS -> "max |err|";
                case MetricNames.NEIGHBOURS_TOP1 -> "top-1 NN";
                case MetricNames.NEIGHBOURS_TOP5 -> "top-5 NN";
                case MetricNames.SIMILARITY_SPEARMAN -> "Spearman";
                case MetricNames.ERROR_RELATIVE -> "rel. err";
                default -> MetricNames.relativeErrorOutput(m.getName()) != null ? "rel. err " + MetricNames.relativeErrorOutput(m.getName()) : m.getName();
            };
            String unit = m.getUnit() == null || m.getUnit().isBlank() ? "" : " " + m.getUnit();
            boolean fraction = m.getName().equals(MetricNames.NEIGHBOURS_TOP1) || m.getName().equals(MetricNames.NEIGHBOURS_TOP5);
            String value = fraction ? String.format(java.util.Locale.ROOT, "%.1f%%", 100 * m.getValue()) : org.strata.ui.charts.Chart.format(m.getValue()) + unit;
            out.add(name + (m.getSequenceLength() > 0 ? "@" + m.getSequenceLength() : "") + " " + value);
        }
        return String.join(" · ", out);
    }
}
