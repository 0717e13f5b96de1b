package org.strata.core.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

import org.strata.model.RunRecord;
import org.strata.onnx.AtomicFile;
import org.strata.onnx.StrataException;

/**
 * The reports made from a {@link RunRecord}: a JSON document for scripts and an HTML page for people. Both
 * are pure functions of the record (the same record gives the same bytes; nothing like "generated at" is
 * added), both accept any record the engine can produce — no steps, failed steps without metrics, no
 * baseline, a run still in progress — and both are written atomically with {@link AtomicFile}: a reader sees
 * the previous file or the complete new one, never half of it.
 *
 * <p>Metric names are those of {@link MetricNames}; the report finds sizes, latencies and fidelity by
 * them, and lists any metric it does not know by name under "Other fidelity".
 *
 * <pre>{@code
 * RunRecord run = engine.run(pipeline, ...);
 * RunReport.writeJson(run, out.resolve("run.json"));
 * RunReport.writeHtml(run, out.resolve("report.html"));
 * }</pre>
 */
public final class RunReport {
    /** The value of the JSON document's {@code "format"} key. */
    public static final String JSON_FORMAT = RunRecordJson.FORMAT;
    /** The value of its {@code "formatVersion"} key: raised when a key changes meaning or disappears. */
    public static final int JSON_FORMAT_VERSION = RunRecordJson.FORMAT_VERSION;

    private RunReport() {
    }

    /**
     * The record as a pretty-printed JSON document (two-space indent, a final newline). Every key is always
     * present, in this order, with {@code null} for text or objects that are not set:
     *
     * <pre>
     * {
     *   "format": "strata.run-record", "formatVersion": 1,
     *   "pipelineName", "pipelineFile", "sourceModel", "outputModel", "strataVersion": string | null,
     *   "startedAt": string | null          (ISO-8601, as the engine recorded it),
     *   "durationMillis": integer,
     *   "status": "running" | "succeeded" | "partial" | "failed" | "cancelled" | null,
     *   "goalMet": boolean, "goalMessage": string | null,
     *   "threads": integer, "batch": integer,
     *   "baseline": step | null             (the source model, number 0),
     *   "steps": [step, ...],
     *   "log": [string, ...]
     * }
     * step = {
     *   "number": integer, "techniqueId": string | null,
     *   "parameters": [{"name": string, "value": string | null}, ...]   (in the pipeline's order),
     *   "status": "applied" | "unchanged" | "disabled" | "failed" | "rolledBack" | "timedOut"
     *             | "cancelled" | "notRun" | "unverified" | null,
     *   "summary", "message": string | null,
     *   "lossless", "verified": boolean,
     *   "durationMillis", "modelBytes", "nodeCount", "nodesAdded", "nodesRemoved": integer,
     *   "fingerprint": string | null,
     *   "metrics": [{"name": string | null, "kind": "fidelity" | "latency" | "size" | "other" | null,
     *                "value": number | null   (null when NaN or infinite: JSON has neither),
     *                "unit": string | null, "sequenceLength": integer}, ...]  (in recorded order)
     * }
     * </pre>
     *
     * Text is not HTML-escaped ({@code <} stays {@code <}); a page that embeds the document must escape it.
     *
     * @throws NullPointerException when {@code run} is null
     */
    public static String toJson(RunRecord run) {
        return RunRecordJson.toJson(Objects.requireNonNull(run, "run"));
    }

    /**
     * Writes {@link #toJson(RunRecord)} to {@code file} as UTF-8, atomically; creates missing folders.
     *
     * @throws StrataException naming the file when it cannot be written (the previous file is then unchanged)
     */
    public static void writeJson(RunRecord run, Path file) {
        write(toJson(run), file);
    }

    /**
     * The record as one self-contained HTML page: inline CSS and inline SVG only, no script, no fonts, images
     * or styles fetched from anywhere (a Content-Security-Policy in the page forbids it), all text escaped. It
     * shows, in order:
     * <ul>
     * <li>the header: pipeline name, overall status as a coloured badge, whether the goal is met with its
     * message, source and output model, pipeline file, Strata version, start time, duration, threads and
     * batch, and how many steps were kept, failed or skipped;</li>
     * <li>the result at a glance (when a step was kept): size, p50 latency and mean cosine of the output
     * model against the source model;</li>
     * <li>a table with one row per step, the source model first: number, technique, parameters, summary,
     * graph fingerprint, status (with the message when the step was not applied; lossless or lossy, verified
     * or not), duration, size and size ratio, node count and nodes added/removed, p50/p90 latency and latency
     * ratio per sequence length, mean and min cosine, and the other fidelity metrics (max |error|, top-1 and
     * top-5 neighbours, Spearman, relative errors per output, and any metric a plugin recorded);</li>
     * <li>four charts: model size per step (bars), latency ratio per step and sequence length (grouped bars),
     * mean and min cosine per step (lines), and latency ratio against mean cosine (scatter);</li>
     * <li>the analyses each step recorded (per-block divergence, sensitivity, influence, similarity…), every one
     * drawn by its kind: bars, heat map, lines or table, with its title, note and unit;</li>
     * <li>the run log, collapsed.</li>
     * </ul>
     * Missing measures show as a dash and charts say when they have nothing to draw.
     *
     * @throws NullPointerException when {@code run} is null
     */
    public static String toHtml(RunRecord run) {
        return HtmlRunReport.render(Objects.requireNonNull(run, "run"));
    }

    /**
     * Writes {@link #toHtml(RunRecord)} to {@code file} as UTF-8, atomically; creates missing folders.
     *
     * @throws StrataException naming the file when it cannot be written (the previous file is then unchanged)
     */
    public static void writeHtml(RunRecord run, Path file) {
        write(toHtml(run), file);
    }

    private static void write(String text, Path file) {
        Objects.requireNonNull(file, "file");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(bytes));
    }
}
