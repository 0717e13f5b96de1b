package org.strata.core.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.core.report.MetricNames;
import org.strata.core.report.RunReport;
import org.strata.model.MetricKind;
import org.strata.model.RunRecord;
import org.strata.model.StepResult;
import org.strata.model.StepStatus;
import org.strata.model.StrataPackage;
import org.strata.onnx.StrataException;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/** The JSON and HTML reports of hand-built run records: their content, their safety and their edge cases. */
class RunReportTest {
    private static final int CHARTS = 4;

    @TempDir
    Path tmp;

    /** Parses as RFC 8259 JSON: no NaN, no comments, no unquoted strings. */
    private static JsonObject strict(String json) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(json));
        reader.setStrictness(Strictness.STRICT);
        JsonObject o = new Gson().getAdapter(JsonElement.class).read(reader).getAsJsonObject();
        assertEquals(JsonToken.END_DOCUMENT, reader.peek(), "one document and nothing after it");
        return o;
    }

    private static JsonObject metric(JsonObject step, String name, int sequenceLength) {
        for (JsonElement e : step.getAsJsonArray("metrics")) {
            JsonObject m = e.getAsJsonObject();
            if (m.get("name").getAsString().equals(name) && m.get("sequenceLength").getAsInt() == sequenceLength) return m;
        }
        throw new AssertionError("no metric " + name + " @" + sequenceLength + " in step " + step.get("number"));
    }

    private static void assertWellFormed(String html) {
        List<String> problems = HtmlCheck.problems(html);
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems: " + String.join("\n", problems));
    }

    /** The page of {@code run}, checked: well-formed and safe, with one {@code <svg>} per chart. */
    private static String page(RunRecord run) {
        String html = RunReport.toHtml(run);
        assertWellFormed(html);
        assertEquals(CHARTS, HtmlCheck.count(html, "<svg"), "one <svg> per chart");
        assertEquals(CHARTS, HtmlCheck.count(html, "</svg>"));
        return html;
    }

    @Test
    void jsonParsesAndHoldsTheNumbers() throws IOException {
        RunRecord run = SampleRuns.sample();
        JsonObject o = strict(RunReport.toJson(run));
        assertEquals(RunReport.JSON_FORMAT, o.get("format").getAsString());
        assertEquals(RunReport.JSON_FORMAT_VERSION, o.get("formatVersion").getAsInt());
        assertEquals("minilm-int8-small", o.get("pipelineName").getAsString());
        assertEquals("partial", o.get("status").getAsString());
        assertTrue(o.get("goalMet").getAsBoolean());
        assertEquals(22_400, o.get("durationMillis").getAsLong());

        JsonObject base = o.getAsJsonObject("baseline");
        assertEquals(0, base.get("number").getAsInt());
        assertEquals(SampleRuns.SOURCE_BYTES, base.get("modelBytes").getAsLong());
        assertEquals(21.3, metric(base, MetricNames.LATENCY_P50, 128).get("value").getAsDouble());

        JsonArray steps = o.getAsJsonArray("steps");
        assertEquals(3, steps.size());
        JsonObject quantize = steps.get(1).getAsJsonObject();
        assertEquals("quantize.dynamic-int8", quantize.get("techniqueId").getAsString());
        assertEquals(SampleRuns.INT8_BYTES, quantize.get("modelBytes").getAsLong());
        assertEquals(312, quantize.get("nodesAdded").getAsInt());
        // doubles survive exactly: Gson writes the shortest text that reads back as the same double
        assertEquals(0.9914614236030267, metric(quantize, MetricNames.COSINE_MEAN, 0).get("value").getAsDouble());
        assertEquals(9.84 / 21.3, metric(quantize, MetricNames.LATENCY_RATIO, 128).get("value").getAsDouble());
        assertEquals("latency", metric(quantize, MetricNames.LATENCY_P90, 256).get("kind").getAsString());
        assertEquals("ms", metric(quantize, MetricNames.LATENCY_P90, 256).get("unit").getAsString());
        JsonArray parameters = quantize.getAsJsonArray("parameters");
        assertEquals(List.of("per-channel", "reduce-range", "exclude"),
                parameters.asList().stream().map(p -> p.getAsJsonObject().get("name").getAsString()).toList());

        JsonObject prune = steps.get(2).getAsJsonObject();
        assertEquals("rolledBack", prune.get("status").getAsString());
        assertEquals(0, prune.getAsJsonArray("metrics").size());
        assertTrue(prune.get("message").getAsString().contains(SampleRuns.HOSTILE), "JSON keeps text as it is");
        assertTrue(prune.get("summary").isJsonNull());
        assertEquals(6, o.getAsJsonArray("log").size());
    }

    /** Every feature of the EMF model has its key, in the model's order: the day the model grows, this fails. */
    @Test
    void jsonHasAKeyForEveryFeatureInTheModelsOrder() throws IOException {
        JsonObject o = strict(RunReport.toJson(SampleRuns.sample()));
        StrataPackage p = StrataPackage.eINSTANCE;
        List<String> runKeys = new ArrayList<>(o.keySet());
        assertEquals(List.of("format", "formatVersion"), runKeys.subList(0, 2));
        assertEquals(featureNames(p.getRunRecord()), runKeys.subList(2, runKeys.size()));
        JsonObject step = o.getAsJsonArray("steps").get(1).getAsJsonObject();
        assertEquals(featureNames(p.getStepResult()), List.copyOf(step.keySet()));
        assertEquals(featureNames(p.getMetric()), List.copyOf(step.getAsJsonArray("metrics").get(0).getAsJsonObject().keySet()));
        assertEquals(featureNames(p.getParameterValue()), List.copyOf(step.getAsJsonArray("parameters").get(0).getAsJsonObject().keySet()));
    }

    private static List<String> featureNames(EClass c) {
        return c.getEAllStructuralFeatures().stream().map(EStructuralFeature::getName).toList();
    }

    @Test
    void jsonIsStrictAndStable() throws IOException {
        RunRecord run = SampleRuns.sample();
        SampleRuns.metric(run.getSteps().get(1), "speedup.expected", MetricKind.OTHER, Double.NaN, null, 0);
        SampleRuns.metric(run.getSteps().get(1), "speedup.worst", MetricKind.OTHER, Double.POSITIVE_INFINITY, null, 0);
        String json = RunReport.toJson(run);
        JsonObject o = strict(json);
        JsonObject quantize = o.getAsJsonArray("steps").get(1).getAsJsonObject();
        assertTrue(metric(quantize, "speedup.expected", 0).get("value").isJsonNull(), "NaN is written as null");
        assertTrue(metric(quantize, "speedup.worst", 0).get("value").isJsonNull(), "infinity is written as null");
        assertEquals(json, RunReport.toJson(EcoreUtil.copy(run)), "the same record gives the same text");
        assertTrue(json.endsWith("}\n"));

        RunRecord empty = SampleRuns.F.createRunRecord();
        JsonObject e = strict(RunReport.toJson(empty));
        assertTrue(e.get("baseline").isJsonNull());
        assertTrue(e.get("pipelineName").isJsonNull(), "unset text is present as null, not left out");
        assertEquals(0, e.getAsJsonArray("steps").size());
    }

    @Test
    void htmlIsWellFormedSelfContainedAndHasOneSvgPerChart() {
        String html = page(SampleRuns.sample());
        assertFalse(html.toLowerCase().matches("(?s).*https?:.*"), "nothing from the network, not even a namespace");
        for (String chart : List.of("Model size per step", "Latency ratio per step", "Fidelity per step", "Latency against fidelity")) {
            assertTrue(html.contains("<span class=\"fig-title\">" + chart + "</span>"), chart);
        }
        assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\""));
        assertTrue(html.contains("<details class=\"log\">"), "the log is collapsible");
        assertFalse(html.contains("<details class=\"log\" open"), "and collapsed");
        assertEquals(html, RunReport.toHtml(EcoreUtil.copy(SampleRuns.sample())), "the same record gives the same bytes");
    }

    @Test
    void htmlEscapesWhatPluginsAndUsersWrote() {
        String html = RunReport.toHtml(SampleRuns.sample());
        assertFalse(html.toLowerCase().contains("<script"), "no script element, not even an injected one");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the message is shown, escaped");
        assertTrue(html.contains("block-influence &quot;fast&quot; &amp; &lt;rough&gt;"), "parameter values are escaped");

        // everything a plugin or a user can name, hostile at once
        String evil = "\"><svg onload=alert(1)><img src=http://x/>&\u0000";
        RunRecord run = SampleRuns.sample();
        run.setPipelineName(evil);
        run.setGoalMessage(evil);
        run.setSourceModel(evil);
        run.getLog().add(evil);
        StepResult quantize = run.getSteps().get(1);
        quantize.setTechniqueId(evil);
        quantize.setSummary(evil);
        quantize.setFingerprint(evil);
        quantize.getParameters().get(0).setName(evil);
        quantize.getParameters().get(0).setValue(evil);
        SampleRuns.metric(quantize, evil, MetricKind.OTHER, 1.5, evil, 0);
        SampleRuns.metric(quantize, MetricNames.relativeError(evil), MetricKind.FIDELITY, 0.25, null, 0);
        run.getSteps().get(2).setTechniqueId(evil);
        String bad = page(run);
        assertFalse(bad.contains("\u0000"), "control characters are dropped");
    }

    /** A plain-text look at the escaped page: tags out, entities decoded. */
    private static String text(String html) {
        return html.replaceAll("(?s)<style>.*?</style>", "").replaceAll("<[^>]*>", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    @Test
    void htmlShowsEveryStepTheGoalAndTheNumbers() {
        String html = RunReport.toHtml(SampleRuns.sample());
        String text = text(html);
        for (String id : List.of("cleanup.fold-constants", "quantize.dynamic-int8", "prune.attention-heads")) {
            assertTrue(html.contains("<div class=\"technique\">" + id + "</div>"), id + " has its row");
        }
        assertTrue(html.contains("<span class=\"goal-badge ok\">\u2713 Goal met</span>"), "green goal badge");
        assertTrue(text.contains("mean cosine 0.99146 \u2265 0.98 and size ratio 0.254 \u2264 0.30"), "goal message");
        assertTrue(html.contains("<span class=\"badge warn\">Partial</span>"), "run status badge");
        assertTrue(html.contains("<span class=\"pill bad\">rolled back</span>"));
        assertTrue(text.contains("verification failed: mean cosine 0.612"), "the failed step's message");
        // sizes in MB with one decimal, ratios with three, cosines with five
        assertTrue(text.contains("90.4 MB \u2192 23.0 MB"), text);
        assertTrue(text.contains("23.0 MB 0.254\u00d7"), "size and size ratio of the quantize step");
        assertTrue(text.contains("0.99146 min 0.98740"), "mean and min cosine");
        assertTrue(text.contains("128 9.84 / 11.2 0.462\u00d7"), "p50 / p90 and ratio at 128 tokens");
        assertTrue(text.contains("777 +312 / \u2212" + "24"), "node count and change");
        assertTrue(text.contains("top-1 NN 93.8 %"), "neighbour agreement as a percentage");
        assertTrue(html.contains("per-channel=<b>true</b>"), "parameters");
        assertTrue(text.contains("12.7 s"), "step duration");
        assertTrue(text.contains("2025-06-01 12:00:00 UTC"), "start time");
        // the baseline is the first row
        int base = html.indexOf("<tr class=\"baseline\">");
        assertTrue(base > 0 && base < html.indexOf("cleanup.fold-constants</div>"));
    }

    /** The size bars are drawn to scale: the int8 bar is a quarter of the source model's. */
    @Test
    void sizeBarsAreToScale() {
        String svg = HtmlCheck.svg(RunReport.toHtml(SampleRuns.sample()), 0);
        double source = barHeight(svg, "source model");
        double int8 = barHeight(svg, "step 2 quantize.dynamic-int8 (applied)");
        assertEquals((double) SampleRuns.INT8_BYTES / SampleRuns.SOURCE_BYTES, int8 / source, 0.01);
        assertFalse(svg.contains("step 3 prune.attention-heads (rolled back): "), "no bar for the rolled-back step");
        assertTrue(svg.contains("no data"));
    }

    private static double barHeight(String svg, String title) {
        Matcher m = Pattern.compile("<rect [^>]*height=\"([0-9.]+)\"[^>]*><title>" + Pattern.quote(title) + ":").matcher(svg);
        assertTrue(m.find(), "a bar titled " + title + " in " + svg);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aRunWithoutStepsRenders() throws IOException {
        RunRecord run = SampleRuns.zeroSteps();
        String html = page(run);
        assertTrue(html.contains("The pipeline ran no steps."));
        assertTrue(html.contains("<span class=\"goal-badge bad\">\u2717 Goal not met</span>"), "red goal badge");
        assertTrue(html.contains("The run has no steps."), "empty charts say why");
        assertEquals(0, strict(RunReport.toJson(run)).getAsJsonArray("steps").size());
    }

    @Test
    void aFailedRunWithoutBaselineOrMetricsRenders() throws IOException {
        RunRecord run = SampleRuns.failedRun();
        String html = page(run);
        assertTrue(html.contains("<span class=\"badge bad\">Failed</span>"));
        assertTrue(html.contains("Goal not met"));
        assertTrue(text(html).contains("technique threw IllegalStateException: rank 0 is below 1"));
        assertFalse(html.contains("<section class=\"glance\">"), "no result summary when nothing was kept");
        assertTrue(strict(RunReport.toJson(run)).get("baseline").isJsonNull());

        // a record as bare as it gets: nothing set at all
        RunRecord bare = SampleRuns.F.createRunRecord();
        bare.getSteps().add(SampleRuns.F.createStepResult());
        String minimal = page(bare);
    }

    @Test
    void aSingleStepRenders() {
        String html = page(SampleRuns.singleStep());
        assertTrue(text(html).contains("Result after step 1, quantize.dynamic-int8"));
        assertEquals(1, HtmlCheck.count(HtmlCheck.svg(html, 3), "class=\"point-label\""), "one numbered step in the scatter");
    }

    @Test
    void manyStepsStillRender() {
        RunRecord run = SampleRuns.sample();
        for (int i = 4; i <= 16; i++) {
            StepResult s = EcoreUtil.copy(run.getSteps().get(1));
            s.setNumber(i);
            s.setTechniqueId("layers.drop-block-with-a-long-name-" + i);
            s.setStatus(i % 5 == 0 ? StepStatus.FAILED : StepStatus.APPLIED);
            run.getSteps().add(s);
        }
        String html = page(run);
        assertTrue(html.contains("rotate(-30)"), "crowded category labels are turned");
    }

    @Test
    void writesBothFilesAtomically() throws IOException {
        RunRecord run = SampleRuns.sample();
        Path html = tmp.resolve("out/report.html");
        Path json = tmp.resolve("out/run.json");
        RunReport.writeHtml(run, html);
        RunReport.writeJson(run, json);
        assertEquals(RunReport.toHtml(run), Files.readString(html, StandardCharsets.UTF_8));
        assertEquals(RunReport.toJson(run), Files.readString(json, StandardCharsets.UTF_8));
        try (var files = Files.list(html.getParent())) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }

        // a folder where the report should go: a clear error, and the folder is as it was
        Path folder = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(folder.resolve("keep.txt"), "keep");
        StrataException e = assertThrows(StrataException.class, () -> RunReport.writeHtml(run, folder));
        assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
        assertEquals("keep", Files.readString(folder.resolve("keep.txt")));

        // the sample, for people to look at
        Path sample = Path.of(System.getProperty("java.io.tmpdir"), "strata-report-sample.html");
        RunReport.writeHtml(run, sample);
        System.out.println("sample report: " + sample.toUri());
    }
}
