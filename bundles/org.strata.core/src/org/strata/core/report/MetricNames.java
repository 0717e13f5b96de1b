package org.strata.core.report;

/**
 * The names of the {@link org.strata.model.Metric}s the engine records in a
 * {@link org.strata.model.StepResult} and the reports read. One string per measure, used by both sides, so a
 * report never shows a dash because of a spelling difference.
 *
 * <p>The baseline {@code StepResult} (number 0) holds the source model's size and latency; its fidelity is 1
 * by definition and need not be recorded. A step that failed or was rolled back may have no metrics at all.
 * Latency metrics carry the sequence length they were measured at in {@code sequenceLength}; all other
 * metrics leave it 0.
 *
 * <table>
 * <caption>Metrics</caption>
 * <tr><th>name</th><th>kind</th><th>unit</th><th>meaning</th></tr>
 * <tr><td>{@value #COSINE_MEAN}</td><td>fidelity</td><td></td><td>mean cosine similarity of candidate vs
 * reference embeddings over the evaluation texts, in [-1, 1]</td></tr>
 * <tr><td>{@value #COSINE_MIN}</td><td>fidelity</td><td></td><td>the worst text's cosine</td></tr>
 * <tr><td>{@value #ERROR_MAX_ABS}</td><td>fidelity</td><td></td><td>max |candidate − reference| over all
 * embedding elements</td></tr>
 * <tr><td>{@value #NEIGHBOURS_TOP1}</td><td>fidelity</td><td></td><td>fraction in [0, 1] of texts whose
 * nearest neighbour among the evaluation texts is unchanged</td></tr>
 * <tr><td>{@value #NEIGHBOURS_TOP5}</td><td>fidelity</td><td></td><td>mean overlap in [0, 1] of the top-5
 * neighbour sets</td></tr>
 * <tr><td>{@value #SIMILARITY_SPEARMAN}</td><td>fidelity</td><td></td><td>Spearman rank correlation of the
 * pairwise similarities, in [-1, 1]</td></tr>
 * <tr><td>{@value #ERROR_RELATIVE}</td><td>fidelity</td><td></td><td>worst relative error over the outputs:
 * max |c − r| / max(1, max |r|), the measure of the verification tolerance; per output as
 * {@link #relativeError(String)}</td></tr>
 * <tr><td>{@value #LATENCY_P50}, {@value #LATENCY_P90}</td><td>latency</td><td>{@value #UNIT_MS}</td>
 * <td>median and 90th percentile run time at {@code sequenceLength}</td></tr>
 * <tr><td>{@value #LATENCY_RATIO}</td><td>latency</td><td></td><td>p50 of the step / p50 of the baseline at
 * {@code sequenceLength} (below 1 is faster)</td></tr>
 * <tr><td>{@value #SIZE_BYTES}</td><td>size</td><td>{@value #UNIT_BYTES}</td><td>bytes of the model file
 * with its external data (also in {@code StepResult.modelBytes})</td></tr>
 * <tr><td>{@value #SIZE_RATIO}</td><td>size</td><td></td><td>size of the step / size of the baseline</td></tr>
 * </table>
 */
public final class MetricNames {
    public static final String COSINE_MEAN = "cosine.mean";
    public static final String COSINE_MIN = "cosine.min";
    public static final String ERROR_MAX_ABS = "error.max-abs";
    public static final String NEIGHBOURS_TOP1 = "neighbours.top1";
    public static final String NEIGHBOURS_TOP5 = "neighbours.top5";
    public static final String SIMILARITY_SPEARMAN = "similarity.spearman";
    /** The worst relative error over all outputs; per output see {@link #relativeError(String)}. */
    public static final String ERROR_RELATIVE = "error.relative";

    public static final String LATENCY_P50 = "latency.p50";
    public static final String LATENCY_P90 = "latency.p90";
    public static final String LATENCY_RATIO = "latency.ratio";

    public static final String SIZE_BYTES = "size.bytes";
    public static final String SIZE_RATIO = "size.ratio";

    public static final String UNIT_MS = "ms";
    public static final String UNIT_BYTES = "bytes";

    private static final String RELATIVE_PREFIX = ERROR_RELATIVE + ":";

    private MetricNames() {
    }

    /** {@code error.relative:<output>}: the relative error of one named model output. */
    public static String relativeError(String output) {
        if (output == null || output.isEmpty()) throw new IllegalArgumentException("an output name is required");
        return RELATIVE_PREFIX + output;
    }

    /** The output a per-output relative error is about, or null when {@code metricName} is not one. */
    public static String relativeErrorOutput(String metricName) {
        return metricName != null && metricName.startsWith(RELATIVE_PREFIX) && metricName.length() > RELATIVE_PREFIX.length()
                ? metricName.substring(RELATIVE_PREFIX.length())
                : null;
    }
}
