package org.strata.core.report;

import static org.strata.core.report.Markup.escape;
import static org.strata.core.report.ReportFormat.MISSING;
import static org.strata.core.report.ReportFormat.present;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.strata.core.Analyses;
import org.strata.core.AnalysisTable;
import org.strata.model.Analysis;
import org.strata.model.Metric;
import org.strata.model.ParameterValue;
import org.strata.model.RunRecord;
import org.strata.model.RunStatus;
import org.strata.model.StepResult;
import org.strata.model.StepStatus;

/**
 * The HTML page of a run (see {@link RunReport#toHtml(RunRecord)}): one self-contained document with inline
 * CSS and inline SVG, no script and nothing fetched. A Content-Security-Policy that forbids everything but
 * inline styles backs up the escaping, so a technique id crafted as markup could not run even if it slipped
 * through. The same record gives the same bytes.
 */
final class HtmlRunReport {
    private final RunRecord run;
    private final StepMeasures baseline;
    private final List<StepMeasures> steps = new ArrayList<>();
    /** Baseline (when recorded) then the steps: the table's rows and the charts' categories. */
    private final List<StepMeasures> rows = new ArrayList<>();
    private final List<Integer> lengths;
    private final StringBuilder b = new StringBuilder(64 * 1024);
    /** #, step, status, time, size, nodes, latency, cosine, other fidelity. */
    private static final int COLUMNS = 9;

    private HtmlRunReport(RunRecord run) {
        this.run = run;
        this.baseline = run.getBaseline() == null ? null : StepMeasures.baseline(run.getBaseline());
        if (baseline != null) rows.add(baseline);
        for (StepResult s : run.getSteps()) {
            StepMeasures m = StepMeasures.step(s, run.getBaseline());
            steps.add(m);
            rows.add(m);
        }
        SortedSet<Integer> all = new TreeSet<>();
        for (StepMeasures r : rows) all.addAll(r.sequenceLengths());
        this.lengths = List.copyOf(all);
    }

    static String render(RunRecord run) {
        return new HtmlRunReport(run).page();
    }

    private String page() {
        String name = ReportFormat.text(run.getPipelineName());
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n")
                .append("<meta name=\"generator\" content=\"Strata ").append(escape(ReportFormat.text(run.getStrataVersion()))).append("\"/>\n")
                .append("<title>Strata run report: ").append(escape(name)).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n")
                .append("<body>\n<main>\n");
        header(name);
        glance();
        table();
        charts();
        analyses();
        log();
        footer();
        b.append("</main>\n</body>\n</html>\n");
        return b.toString();
    }

    // ---- header

    private void header(String name) {
        RunStatus status = run.getStatus();
        b.append("<header class=\"run\">\n<div class=\"eyebrow\">Strata run report</div>\n<div class=\"title-row\"><h1>").append(escape(name))
                .append("</h1><span class=\"badge ").append(runTone(status)).append("\">")
                .append(escape(status == null ? "status unknown" : capitalise(status.getLiteral()))).append("</span></div>\n");
        boolean met = run.isGoalMet();
        b.append("<div class=\"goal ").append(met ? "ok" : "bad").append("\"><span class=\"goal-badge ").append(met ? "ok" : "bad").append("\">")
                .append(met ? "\u2713 Goal met" : "\u2717 Goal not met").append("</span>");
        if (run.getGoalMessage() != null && !run.getGoalMessage().isBlank()) {
            b.append("<span class=\"goal-message\">").append(escape(run.getGoalMessage())).append("</span>");
        }
        b.append("</div>\n<dl class=\"facts\">\n");
        fact("Source model", run.getSourceModel(), true);
        fact("Output model", run.getOutputModel(), true);
        fact("Pipeline file", run.getPipelineFile(), true);
        fact("Strata version", run.getStrataVersion(), false);
        fact("Started", ReportFormat.dateTime(run.getStartedAt()), false);
        fact("Duration", ReportFormat.duration(run.getDurationMillis()), false);
        fact("Threads \u00b7 batch", run.getThreads() + " \u00b7 " + run.getBatch(), false);
        fact("Steps", stepCounts(), false);
        b.append("</dl>\n</header>\n");
    }

    private void fact(String label, String value, boolean path) {
        b.append("<div><dt>").append(escape(label)).append("</dt><dd").append(path ? " class=\"path\"" : "").append(">")
                .append(escape(ReportFormat.text(value))).append("</dd></div>\n");
    }

    private String stepCounts() {
        if (steps.isEmpty()) return "none";
        int applied = 0;
        int broken = 0;
        for (StepMeasures s : steps) {
            if (s.kept()) applied++;
            if (s.broken()) broken++;
        }
        int other = steps.size() - applied - broken;
        return steps.size() + " (" + applied + " kept" + (broken > 0 ? ", " + broken + " failed" : "") + (other > 0 ? ", " + other + " skipped" : "")
                + ")";
    }

    // ---- the result at a glance

    /** The last kept step that was measured: its numbers are the output model's. */
    private StepMeasures finalState() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).kept() && steps.get(i).hasMeasurements()) return steps.get(i);
        }
        return baseline;
    }

    private void glance() {
        StepMeasures last = finalState();
        if (last == null || last.baseline || baseline == null) return;
        b.append("<section class=\"glance\">\n<h2>Result <span class=\"sub\">after step ").append(last.step.getNumber()).append(", ")
                .append(escape(ReportFormat.text(last.step.getTechniqueId()))).append("</span></h2>\n<div class=\"cards\">\n");
        card("Model size", ReportFormat.ratio(last.sizeRatio()), tone(last.sizeRatio()),
                ReportFormat.bytes(baseline.sizeBytes()) + " \u2192 " + ReportFormat.bytes(last.sizeBytes()));
        if (lengths.isEmpty()) {
            card("Latency p50", MISSING, "", "not measured");
        } else {
            int longest = lengths.get(lengths.size() - 1);
            StringBuilder detail = new StringBuilder();
            for (int len : lengths) {
                if (detail.length() > 0) detail.append(" \u00b7 ");
                detail.append(ReportFormat.ratio(last.latencyRatio(len))).append(" at ").append(len);
            }
            card("Latency p50 at " + longest + " tokens", ReportFormat.ratio(last.latencyRatio(longest)), tone(last.latencyRatio(longest)),
                    detail.toString());
        }
        card("Mean cosine", ReportFormat.cosine(last.cosineMean()), "", "min " + ReportFormat.cosine(last.cosineMin()));
        b.append("</div>\n</section>\n");
    }

    private void card(String label, String value, String tone, String detail) {
        b.append("<div class=\"card\"><div class=\"card-label\">").append(escape(label)).append("</div><div class=\"card-value ").append(tone)
                .append("\">").append(escape(value)).append("</div><div class=\"card-detail\">").append(escape(detail)).append("</div></div>\n");
    }

    /** Smaller or faster than the source is good. */
    private static String tone(double ratio) {
        if (!present(ratio)) return "";
        return ratio < 0.995 ? "good" : ratio > 1.005 ? "worse" : "";
    }

    // ---- steps table

    private void table() {
        b.append("<section>\n<h2>Steps</h2>\n");
        if (rows.isEmpty()) {
            b.append("<p class=\"muted\">Nothing was measured: the run has neither a baseline nor steps.</p>\n</section>\n");
            return;
        }
        b.append("<div class=\"table-wrap\"><table class=\"steps\">\n<thead><tr><th class=\"n\">#</th><th>Step</th><th>Status</th>")
                .append("<th class=\"r\">Time</th><th class=\"r\">Size</th><th class=\"r\">Nodes</th>");
        b.append("<th class=\"r\">Latency<span class=\"th-sub\">tokens: p50 / p90 ms \u00b7 ratio</span></th>")
                .append("<th class=\"r\">Cosine<span class=\"th-sub\">mean \u00b7 min</span></th><th>Other fidelity</th></tr></thead>\n<tbody>\n");
        for (StepMeasures r : rows) row(r);
        if (steps.isEmpty()) {
            b.append("<tr><td colspan=\"").append(COLUMNS)
                    .append("\" class=\"muted\">The pipeline ran no steps.</td></tr>\n");
        }
        b.append("</tbody>\n</table></div>\n</section>\n");
    }

    private void row(StepMeasures r) {
        StepResult s = r.step;
        b.append("<tr").append(r.baseline ? " class=\"baseline\"" : r.broken() ? " class=\"broken\"" : "").append(">");
        b.append("<td class=\"n\">").append(r.baseline ? "0" : String.valueOf(s.getNumber())).append("</td>");
        // step: technique, parameters, summary, fingerprint
        b.append("<td class=\"step\">");
        if (r.baseline) {
            b.append("<div class=\"technique\">source model</div><div class=\"muted small\">the reference every ratio is relative to</div>");
        } else {
            b.append("<div class=\"technique\">").append(escape(ReportFormat.text(s.getTechniqueId()))).append("</div>");
        }
        if (!s.getParameters().isEmpty()) {
            b.append("<div class=\"params\">");
            boolean first = true;
            for (ParameterValue p : s.getParameters()) {
                if (!first) b.append(", ");
                first = false;
                b.append("<span class=\"param\">").append(escape(p.getName())).append("=<b>").append(escape(p.getValue() == null ? "" : p.getValue()))
                        .append("</b></span>");
            }
            b.append("</div>");
        }
        if (s.getSummary() != null && !s.getSummary().isBlank()) b.append("<div class=\"summary\">").append(escape(s.getSummary())).append("</div>");
        if (s.getFingerprint() != null && !s.getFingerprint().isBlank()) {
            b.append("<div class=\"fingerprint\" title=\"").append(escape(s.getFingerprint())).append("\">")
                    .append(escape(ReportFormat.shorten(s.getFingerprint(), 17))).append("</div>");
        }
        b.append("</td>");
        // status
        b.append("<td class=\"status\">");
        if (r.baseline) {
            b.append("<span class=\"pill neutral\">reference</span>");
        } else {
            StepStatus st = s.getStatus();
            b.append("<span class=\"pill ").append(stepTone(st)).append("\">").append(escape(st == null ? "unknown" : ReportFormat.words(st.getLiteral())))
                    .append("</span>");
            if (st != StepStatus.APPLIED && hasMessage(s) && r.hasMeasurements()) {
                b.append("<div class=\"message\">").append(escape(s.getMessage())).append("</div>");
            }
            if (r.hasMeasurements() || st == StepStatus.APPLIED) {
                b.append("<div class=\"tags\">").append(s.isLossless() ? "lossless" : "lossy").append(" \u00b7 ")
                        .append(s.isVerified() ? "verified" : "not verified").append("</div>");
            }
        }
        b.append("</td>");
        // time, size, nodes
        b.append("<td class=\"r num\">").append(r.baseline && s.getDurationMillis() == 0 ? MISSING : escape(ReportFormat.duration(s.getDurationMillis())))
                .append("</td>");
        if (!r.baseline && !r.hasMeasurements() && hasMessage(s)) {
            // nothing was measured (the usual failed step): its message gets the room of the empty measurement columns
            b.append("<td colspan=\"").append(COLUMNS - 4).append("\" class=\"message wide\">").append(escape(s.getMessage())).append("</td></tr>\n");
            return;
        }
        b.append("<td class=\"r num\">").append(escape(ReportFormat.bytes(r.sizeBytes()))).append("<div class=\"ratio ").append(tone(r.sizeRatio()))
                .append("\">").append(r.baseline || !present(r.sizeRatio()) ? "" : escape(ReportFormat.ratio(r.sizeRatio()))).append("</div></td>");
        b.append("<td class=\"r num\">").append(s.getNodeCount() > 0 ? ReportFormat.count(s.getNodeCount()) : MISSING);
        if (!r.baseline && (s.getNodesAdded() != 0 || s.getNodesRemoved() != 0)) {
            b.append("<div class=\"delta\">").append(escape(ReportFormat.delta(s.getNodesAdded(), s.getNodesRemoved()))).append("</div>");
        }
        b.append("</td>");
        // latency, one line per sequence length
        b.append("<td class=\"r\">");
        latency(r);
        b.append("</td>");
        // fidelity
        if (r.baseline) {
            b.append("<td class=\"r num muted\" title=\"1 by definition\">1</td><td class=\"muted small\">reference</td>");
        } else {
            b.append("<td class=\"r num\">").append(ReportFormat.cosine(r.cosineMean()));
            if (present(r.cosineMin())) b.append("<div class=\"sub-value\">min ").append(ReportFormat.cosine(r.cosineMin())).append("</div>");
            b.append("</td><td class=\"other\">");
            otherFidelity(r);
            b.append("</td>");
        }
        b.append("</tr>\n");
    }

    private static boolean hasMessage(StepResult s) {
        return s.getMessage() != null && !s.getMessage().isBlank();
    }

    private void latency(StepMeasures r) {
        StringBuilder lines = new StringBuilder();
        for (int len : lengths) {
            double p50 = r.p50(len);
            double p90 = r.p90(len);
            if (!present(p50) && !present(p90)) continue;
            double ratio = r.latencyRatio(len);
            lines.append("<span class=\"len\">").append(len).append("</span><span>").append(ReportFormat.millis(p50)).append(" / ")
                    .append(ReportFormat.millis(p90)).append("</span><span class=\"ratio ").append(r.baseline ? "" : tone(ratio)).append("\">")
                    .append(r.baseline || !present(ratio) ? "" : escape(ReportFormat.ratio(ratio))).append("</span>");
        }
        if (lines.isEmpty()) {
            b.append(MISSING);
        } else {
            b.append("<div class=\"latency\">").append(lines).append("</div>");
        }
    }

    private void otherFidelity(StepMeasures r) {
        List<String[]> items = new ArrayList<>();
        addItem(items, "max |err|", ReportFormat.quantity(r.metric(MetricNames.ERROR_MAX_ABS)));
        addItem(items, "top-1 NN", ReportFormat.percent(r.metric(MetricNames.NEIGHBOURS_TOP1)));
        addItem(items, "top-5 NN", ReportFormat.percent(r.metric(MetricNames.NEIGHBOURS_TOP5)));
        addItem(items, "Spearman", ReportFormat.quantity(r.metric(MetricNames.SIMILARITY_SPEARMAN)));
        List<Metric> other = r.otherMetrics();
        // the overall relative error is the worst per-output one: shown only when there are none per output
        if (other.stream().noneMatch(m -> MetricNames.relativeErrorOutput(m.getName()) != null)) {
            addItem(items, "rel. err", ReportFormat.quantity(r.metric(MetricNames.ERROR_RELATIVE)));
        }
        for (Metric m : other) {
            String output = MetricNames.relativeErrorOutput(m.getName());
            String label = output != null ? "rel. err \u00b7 " + output : ReportFormat.text(m.getName());
            if (m.getSequenceLength() > 0) label += " @ " + m.getSequenceLength();
            String unit = m.getUnit() == null || m.getUnit().isBlank() ? "" : " " + m.getUnit();
            items.add(new String[] { label, ReportFormat.quantity(m.getValue()) + unit });
        }
        if (items.isEmpty()) {
            b.append(MISSING);
            return;
        }
        b.append("<dl class=\"metrics\">");
        for (String[] item : items) {
            b.append("<dt>").append(escape(item[0])).append("</dt><dd>").append(escape(item[1])).append("</dd>");
        }
        b.append("</dl>");
    }

    private static void addItem(List<String[]> items, String label, String value) {
        if (!MISSING.equals(value)) items.add(new String[] { label, value });
    }

    // ---- charts

    private void charts() {
        b.append("<section>\n<h2>Across the pipeline</h2>\n<div class=\"charts\">\n");
        figure("Model size per step", "Size of the model after each step, source model first.", PipelineCharts.sizeBars(rows));
        figure("Latency ratio per step", "p50 latency after each step divided by the source model's, per sequence length; below 1 is faster.",
                PipelineCharts.latencyRatios(steps, lengths));
        figure("Fidelity per step", "Cosine similarity of the embeddings to the source model's: mean and worst text.",
                PipelineCharts.cosineLines(rows));
        figure("Latency against fidelity", "Each step as a point, numbered; the source model sits at 1, 1.",
                PipelineCharts.tradeOff(steps, lengths));
        b.append("</div>\n</section>\n");
    }

    private void figure(String title, String caption, String svg) {
        figure(title, caption, svg, null);
    }

    private void figure(String title, String caption, String body, String cls) {
        b.append(cls == null ? "<figure>" : "<figure class=\"" + cls + "\">").append("<figcaption><span class=\"fig-title\">").append(escape(title))
                .append("</span><span class=\"fig-caption\">").append(escape(caption)).append("</span></figcaption>\n").append(body)
                .append("\n</figure>\n");
    }

    // ---- analyses

    /** What the steps measured (influence, similarity, sensitivity, divergence…), each drawn by its kind. */
    private void analyses() {
        if (run.getSteps().stream().allMatch(s -> s.getAnalyses().isEmpty())) return;
        b.append("<section>\n<h2>Analyses <span class=\"sub\">what the steps measured</span></h2>\n");
        for (StepResult s : run.getSteps()) {
            if (s.getAnalyses().isEmpty()) continue;
            b.append("<div class=\"analysis-step\"><span class=\"n\">Step ").append(s.getNumber()).append("</span><span class=\"technique\">")
                    .append(escape(ReportFormat.text(s.getTechniqueId()))).append("</span>");
            if (s.getSummary() != null && !s.getSummary().isBlank()) {
                b.append("<span class=\"muted\">").append(escape(ReportFormat.shorten(s.getSummary(), 160))).append("</span>");
            }
            b.append("</div>\n<div class=\"charts\">\n");
            for (Analysis a : s.getAnalyses()) {
                AnalysisTable t;
                try {
                    t = Analyses.fromRecord(a);
                } catch (IllegalArgumentException e) {
                    figure(ReportFormat.text(a.getTitle()), "cannot be drawn: " + e.getMessage(), "", "analysis");
                    continue;
                }
                AnalysisCharts.Drawing d = AnalysisCharts.draw(t);
                String caption = t.note() + (t.unit().isEmpty() ? "" : (t.note().isEmpty() ? "" : " ") + "Unit: " + t.unit() + ".");
                figure(t.title().isBlank() ? t.id() : t.title(), caption, d.markup(), d.wide() ? "analysis wide" : "analysis");
            }
            b.append("</div>\n");
        }
        b.append("</section>\n");
    }

    // ---- log and footer

    private void log() {
        b.append("<section>\n<details class=\"log\"><summary>Run log <span class=\"muted\">(").append(run.getLog().size())
                .append(run.getLog().size() == 1 ? " line" : " lines").append(")</span></summary>\n<pre>");
        for (String line : run.getLog()) b.append(escape(line)).append('\n');
        if (run.getLog().isEmpty()) b.append("(empty)");
        b.append("</pre></details>\n</section>\n");
    }

    private void footer() {
        b.append("<footer>Made by Strata ").append(escape(ReportFormat.text(run.getStrataVersion())))
                .append(" from the run record. MB = 10<sup>6</sup> bytes. Ratios are step \u00f7 source model: below 1 is smaller or faster. ")
                .append("Latency is p50 / p90 in milliseconds at ").append(run.getThreads()).append(run.getThreads() == 1 ? " thread" : " threads")
                .append(", batch ").append(run.getBatch()).append(".</footer>\n");
    }

    // ---- tones

    private static String runTone(RunStatus s) {
        if (s == null) return "neutral";
        return switch (s) {
            case SUCCEEDED -> "ok";
            case PARTIAL -> "warn";
            case FAILED -> "bad";
            case RUNNING -> "info";
            case CANCELLED -> "neutral";
        };
    }

    private static String stepTone(StepStatus s) {
        if (s == null) return "neutral";
        return switch (s) {
            case APPLIED -> "ok";
            case UNVERIFIED -> "warn";
            case FAILED, ROLLED_BACK, TIMED_OUT -> "bad";
            case UNCHANGED, DISABLED, CANCELLED, NOT_RUN -> "neutral";
        };
    }

    private static String capitalise(String s) {
        String w = ReportFormat.words(s);
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static final String CSS = """
            :root{--fg:#1f2328;--muted:#59636e;--line:#d8dee4;--panel:#f6f8fa;--ok:#1a7f37;--ok-bg:#dafbe1;--bad:#cf222e;--bad-bg:#ffebe9;\
            --warn:#9a6700;--warn-bg:#fff8c5;--info:#0969da;--info-bg:#ddf4ff}
            *{box-sizing:border-box}
            html{background:#fff}
            body{margin:0;color:var(--fg);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",\
            "Liberation Sans",sans-serif}
            main{max-width:1200px;margin:0 auto;padding:28px 24px 40px}
            h1{font-size:26px;line-height:1.25;margin:0;font-weight:650;overflow-wrap:anywhere}
            h2{font-size:17px;margin:30px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line);font-weight:650}
            h2 .sub{font-weight:400;color:var(--muted);font-size:14px;margin-left:6px}
            .eyebrow{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.06em;margin-bottom:4px}
            .title-row{display:flex;align-items:center;gap:14px;flex-wrap:wrap}
            .badge{display:inline-block;padding:3px 12px;border-radius:999px;font-size:13px;font-weight:600;border:1px solid}
            .ok{color:var(--ok)}.bad{color:var(--bad)}.warn{color:var(--warn)}.info{color:var(--info)}.neutral{color:var(--muted)}
            .badge.ok,.pill.ok{background:var(--ok-bg);border-color:#aceebb}
            .badge.bad,.pill.bad{background:var(--bad-bg);border-color:#ffcecb}
            .badge.warn,.pill.warn{background:var(--warn-bg);border-color:#f5e0a0}
            .badge.info,.pill.info{background:var(--info-bg);border-color:#b6e3ff}
            .badge.neutral,.pill.neutral{background:var(--panel);border-color:var(--line)}
            .goal{margin-top:14px;padding:10px 14px;border-radius:8px;border:1px solid;display:flex;gap:12px;align-items:baseline;\
            flex-wrap:wrap;color:var(--fg)}
            .goal.ok{background:var(--ok-bg);border-color:#aceebb}.goal.bad{background:var(--bad-bg);border-color:#ffcecb}
            .goal-badge{font-weight:700;white-space:nowrap}.goal-badge.ok{color:var(--ok)}.goal-badge.bad{color:var(--bad)}
            .goal-message{overflow-wrap:anywhere}
            .facts{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:10px 24px;margin:18px 0 0}
            .facts dt{color:var(--muted);font-size:12px}.facts dd{margin:0;overflow-wrap:anywhere}
            .facts dd.path{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono",monospace;font-size:12.5px}
            .cards{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:16px}
            .card{border:1px solid var(--line);border-radius:8px;padding:12px 16px}
            .card-label{color:var(--muted);font-size:12px}
            .card-value{font-size:26px;font-weight:650;font-variant-numeric:tabular-nums;color:var(--fg)}
            .card-value.good{color:var(--ok)}.card-value.worse{color:var(--bad)}
            .card-detail{color:var(--muted);font-size:12.5px}
            .table-wrap{overflow-x:auto;border:1px solid var(--line);border-radius:8px}
            table.steps{width:100%;border-collapse:collapse;font-size:13px}
            .steps th,.steps td{padding:8px 10px;border-bottom:1px solid var(--line);vertical-align:top;text-align:left}
            .steps tbody tr:last-child td{border-bottom:0}
            .steps th{background:var(--panel);font-size:12px;font-weight:600;color:var(--muted);white-space:nowrap}
            .steps .r{text-align:right}.steps .n{text-align:right;color:var(--muted);width:28px}
            .th-sub{display:block;font-weight:400;font-size:11px}
            .num{font-variant-numeric:tabular-nums;white-space:nowrap}
            tr.baseline td{background:#fafbfc}
            tr.broken td.step .technique{color:var(--bad)}
            td.step{min-width:250px}
            .latency{display:grid;grid-template-columns:auto auto auto;gap:1px 10px;justify-content:end;white-space:nowrap;\
            font-variant-numeric:tabular-nums}
            .latency .len{color:var(--muted);font-size:12px}
            .latency .ratio{min-width:44px}
            .sub-value{font-size:12px;color:var(--muted)}
            .technique{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono",monospace;font-weight:600;\
            overflow-wrap:anywhere}
            .params{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono",monospace;font-size:12px;\
            color:var(--muted);overflow-wrap:anywhere}
            .params b{color:var(--fg);font-weight:500}
            .summary{margin-top:3px}
            .fingerprint{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:11px;color:#8c959f;margin-top:2px}
            td.status{min-width:150px;max-width:260px}
            .pill{display:inline-block;padding:1px 9px;border-radius:999px;font-size:12px;font-weight:600;border:1px solid;white-space:nowrap}
            .message{color:var(--bad);font-size:12.5px;margin-top:4px;overflow-wrap:anywhere}
            td.message.wide{margin:0;font-size:13px;white-space:pre-wrap}
            .tags{color:var(--muted);font-size:11.5px;margin-top:3px;white-space:nowrap}
            .ratio{font-size:12px;color:var(--muted)}.ratio.good{color:var(--ok)}.ratio.worse{color:var(--bad)}
            .delta{font-size:12px;color:var(--muted)}
            dl.metrics{display:grid;grid-template-columns:auto auto;gap:0 10px;margin:0;font-size:12px}
            td.other{min-width:190px}
            dl.metrics dt{color:var(--muted);overflow-wrap:anywhere}
            dl.metrics dd{margin:0;text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .muted{color:var(--muted)}.small{font-size:12px}
            .charts{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:18px}
            figure{margin:0;border:1px solid var(--line);border-radius:8px;padding:12px 14px 6px;display:flex;flex-direction:column}
            figure svg.chart{margin-top:auto}
            figcaption{margin-bottom:2px}.fig-title{font-weight:650;display:block}
            .fig-caption{color:var(--muted);font-size:12.5px;display:block}
            svg.chart{display:block;width:100%;height:auto;font-family:inherit}
            svg .grid{stroke:#eaeef2;stroke-width:1}
            svg .axis{stroke:#8c959f;stroke-width:1}
            svg .reference{stroke:#57606a;stroke-width:1.2;stroke-dasharray:5 4}
            svg .tick,svg .cat{font-size:11px;fill:var(--muted)}
            svg .cat.num{font-weight:600;fill:var(--fg)}
            svg .cat.broken{fill:var(--bad)}
            svg .axis-title{font-size:11.5px;fill:var(--muted)}
            svg .legend{font-size:11.5px;fill:var(--fg)}
            svg .hint{font-size:11px;fill:var(--muted)}
            svg .value,svg .point-label,svg .hint{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
            svg .value{font-size:10.5px;fill:var(--fg);font-variant-numeric:tabular-nums}
            svg .missing{font-size:10.5px;fill:#8c959f;font-style:italic}
            svg .series{fill:none;stroke-width:2}
            svg .series.dashed{stroke-dasharray:6 4}
            svg .source{fill:#fff;stroke:var(--fg);stroke-width:1.5}
            svg .point-label{font-size:11px;fill:var(--fg);font-weight:600}
            svg .point-label.muted{fill:var(--muted);font-weight:400}
            svg .empty{fill:var(--panel);stroke:var(--line)}
            svg .empty-text{font-size:13px;fill:var(--muted)}
            figure.wide{grid-column:1/-1}
            figure.analysis svg.chart{margin-top:6px}
            .analysis-step{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap;margin:18px 0 10px}
            .analysis-step .n{font-weight:650}
            table.analysis{border-collapse:collapse;font-size:12.5px;width:100%}
            table.analysis th,table.analysis td{padding:5px 10px;border-bottom:1px solid var(--line);text-align:left}
            table.analysis thead th{background:var(--panel);font-weight:600;color:var(--muted);font-size:12px}
            table.analysis tbody th{font-weight:500}
            table.analysis .r{text-align:right}
            svg .cell-value{font-size:10.5px;fill:#1f2328;font-variant-numeric:tabular-nums}
            svg .cell-value.light{fill:#ffffff}
            svg .legend-frame{fill:none;stroke:#8c959f;stroke-width:1}
            details.log{margin-top:30px;border:1px solid var(--line);border-radius:8px;padding:10px 14px}
            details.log summary{cursor:pointer;font-weight:650}
            details.log pre{margin:10px 0 4px;max-height:520px;overflow:auto;background:var(--panel);padding:12px;border-radius:6px;\
            white-space:pre-wrap;overflow-wrap:anywhere;font-size:12px;line-height:1.45}
            pre{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono",monospace}
            footer{margin-top:28px;color:var(--muted);font-size:12px}
            @media (max-width:900px){.charts,.cards{grid-template-columns:minmax(0,1fr)}.facts{grid-template-columns:repeat(2,minmax(0,1fr))}}
            @media print{details.log pre{max-height:none}.table-wrap{overflow:visible}}
            """;
}
