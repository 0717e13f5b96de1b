package org.strata.core.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.core.Analyses;
import org.strata.core.AnalysisTable;
import org.strata.core.AnalysisTable.Kind;
import org.strata.core.report.RunReport;
import org.strata.model.Analysis;
import org.strata.model.RunRecord;
import org.strata.model.StepResult;

/**
 * Every kind of analysis is drawn from its table alone: bars with labels and values, heat maps with a legend
 * (values in the cells at 6×6, left to tooltips at 48×48), lines (separate panels for rows of different
 * ranges), plain tables; all escaped and well-formed. The page is written to target/ for a look in a browser.
 */
class AnalysisChartsTest {
    private static List<String> labels(String prefix, int n) {
        List<String> l = new ArrayList<>();
        for (int i = 1; i <= n; i++) l.add(prefix + i);
        return l;
    }

    static AnalysisTable influence() {
        return AnalysisTable.bars("block-influence", "Block influence (1 − cosine of block input and output)", labels("block ", 6),
                "influence", new double[] { 0.412, 0.0813, 0.0621, 0.0534, 0.0498, 0.187 }, "", "Higher: the block changes more.");
    }

    static AnalysisTable cka(int n) {
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) v[i][j] = Math.exp(-Math.abs(i - j) / (n / 3.0)) * (0.98 + 0.02 * ((i * j) % 3));
        v[1][2] = Double.NaN;
        return new AnalysisTable("layer-similarity", "Linear CKA between block outputs (" + n + "\u00d7" + n + ")", Kind.HEATMAP,
                labels("", n), labels("", n), v, "", "1 = same representation.");
    }

    static AnalysisTable heads() {
        double[][] v = new double[6][12];
        for (int b = 0; b < 6; b++) for (int h = 0; h < 12; h++) v[b][h] = ((b * 7 + h * 5) % 11) / 10.0 * (b == 0 ? 2 : 1);
        return new AnalysisTable("head-importance", "Head importance (blocks \u00d7 heads)", Kind.HEATMAP, labels("block ", 6),
                labels("h", 12), v, "", "Loss increase when the head is masked.");
    }

    static AnalysisTable ablation() {
        return AnalysisTable.bars("ablation", "Cosine change when a block is removed", labels("without block ", 6), "\u0394 cosine",
                new double[] { -0.21, -0.012, 0.0004, -0.0087, Double.NaN, -0.094 }, "", "Negative: removing the block hurts.");
    }

    static AnalysisTable earlyExit() {
        return new AnalysisTable("early-exit", "Early-exit fidelity per exit block", Kind.LINES, List.of("mean cosine", "min cosine"),
                labels("", 6), new double[][] { { 0.62, 0.71, 0.80, 0.88, 0.95, 1 }, { 0.41, 0.52, 0.66, 0.79, 0.91, 1 } }, "",
                "Exit after block k.");
    }

    static AnalysisTable divergence() {
        return new AnalysisTable("block-divergence", "Per-block divergence from the source model", Kind.LINES,
                List.of("mean cosine", "min cosine", "relative error"), List.of("embeddings", "1", "2", "3", "4", "5", "6"),
                new double[][] { { 0.99998, 0.99991, 0.99962, 0.99940, 0.99902, 0.99870, 0.99791 },
                        { 0.99981, 0.99890, 0.99721, 0.99633, 0.99421, 0.99310, 0.98952 },
                        { 0.0061, 0.0132, 0.0271, 0.0349, 0.0442, 0.0510, 0.0650 } },
                "", "Where the cosine first drops is where the error enters.");
    }

    static AnalysisTable tokens() {
        return new AnalysisTable("token-reduction", "Tokens kept per block <b>", Kind.TABLE, List.of("keep 90%", "keep 70%", "keep 50%"),
                List.of("tokens", "mean cosine", "latency \u00d7"), new double[][] { { 115, 0.99912, 0.91 }, { 90, 0.99655, 0.74 },
                        { 64, 0.98812, Double.NaN } }, "", "At sequence length 128.");
    }

    static AnalysisTable big() {
        return cka(48);
    }

    private static RunRecord run() {
        RunRecord run = SampleRuns.sample();
        StepResult quantize = run.getSteps().get(1);
        for (AnalysisTable t : List.of(divergence(), influence(), cka(6), heads(), ablation(), earlyExit(), tokens(), big())) {
            quantize.getAnalyses().add(Analyses.toRecord(t));
        }
        return run;
    }

    @Test
    void everyKindIsDrawnAndThePageIsWellFormed() throws Exception {
        RunRecord run = run();
        String html = RunReport.toHtml(run);
        Path out = Path.of("target", "analysis-report.html").toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.writeString(out, html);
        System.out.println("analysis report: " + out);
        List<String> problems = HtmlCheck.problems(html);
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
        // the 4 pipeline charts + one per analysis that is not a table
        assertEquals(4 + 7, HtmlCheck.count(html, "<svg"));
        assertTrue(html.contains("<table class=\"analysis\">"));
        assertTrue(html.contains("Tokens kept per block &lt;b&gt;"), "titles are escaped");
        assertTrue(html.contains(">0.9991<") && html.contains(">0.9881<") && html.contains(">115<"), "table values with enough decimals, counts without");

        String bars = HtmlCheck.svg(html, 5);
        assertTrue(bars.contains("block influence") || bars.contains("Block influence"), bars);
        assertTrue(bars.contains(">0.412<") && bars.contains(">0.0498<"), "bar values are written beside the bars: " + bars);
        assertEquals(6, HtmlCheck.count(bars, "<rect"), "one bar per row");

        String small = HtmlCheck.svg(html, 6);
        assertEquals(36, HtmlCheck.count(small, "<rect x") - 40, "36 cells besides the 40 legend steps");
        assertTrue(HtmlCheck.count(small, "class=\"cell-value") == 35, "values in every cell but the missing one");

        String large = HtmlCheck.svg(html, 10);
        assertEquals(0, HtmlCheck.count(large, "class=\"cell-value"), "48×48 cells are too small for values");
        assertEquals(48 * 48, HtmlCheck.count(large, "<rect x") - 40, "but every cell is drawn with a tooltip");

        String ablation = HtmlCheck.svg(html, 8);
        assertTrue(ablation.contains("\u22120.21") && ablation.contains("no value"), "negative values and gaps: " + ablation);
    }

    @Test
    void linesOfDifferentRangesGetTheirOwnPanels() {
        String html = RunReport.toHtml(run());
        String divergence = HtmlCheck.svg(html, 4);
        // cosines on one axis, the relative error on its own: two x axes
        assertEquals(2, HtmlCheck.count(divergence, "class=\"axis\""), divergence);
        assertEquals(3, HtmlCheck.count(divergence, "<polyline"), "mean and min cosine in the first panel, the error alone");
        String early = HtmlCheck.svg(html, 9);
        assertEquals(1, HtmlCheck.count(early, "class=\"axis\""), "mean and min cosine of the early exits overlap: one panel");
    }

    @Test
    void aRecordWhoseValuesDoNotFitItsLabelsIsNamedNotDrawn() {
        RunRecord run = SampleRuns.sample();
        Analysis a = Analyses.toRecord(influence());
        a.getValues().remove(0);
        run.getSteps().get(1).getAnalyses().add(a);
        String html = RunReport.toHtml(run);
        assertTrue(HtmlCheck.problems(html).isEmpty());
        assertTrue(html.contains("cannot be drawn"), "a broken analysis says so");
        assertFalse(html.contains("<table class=\"analysis\">"));
    }
}
