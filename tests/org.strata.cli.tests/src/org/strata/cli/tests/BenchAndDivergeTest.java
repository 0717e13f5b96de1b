package org.strata.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** {@code strata diverge} and {@code strata bench} (the smoke suite and bench io) as a user runs them. */
class BenchAndDivergeTest {
    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        return CliRun.of(tmp, args);
    }

    private Path pipeline(Path dir, String name, String steps) throws Exception {
        Files.createDirectories(dir);
        Path p = dir.resolve(name + ".strata");
        Files.writeString(p, """
                <?xml version="1.0" encoding="UTF-8"?>
                <strata:Pipeline xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:strata="http://strata.org/model/1.0"
                    name="%s" sourceModel="minilm">
                  %s
                </strata:Pipeline>
                """.formatted(name, steps));
        return p;
    }

    @Test
    void divergeShowsWhereTheUpstreamInt8ModelDrifts() {
        CliRun r = run("diverge", "--texts", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("embeddings") && r.out().contains("block 6") && r.out().contains("mean cosine"), r.out());

        CliRun j = run("diverge", "minilm", "minilm-int8", "--texts", "4", "--json");
        assertEquals(0, j.code(), j.err());
        JsonArray points = j.json().getAsJsonArray("points");
        assertEquals(7, points.size());
        for (var e : points) {
            double cos = e.getAsJsonObject().get("meanCosine").getAsDouble();
            assertTrue(cos > 0.95 && cos < 0.99999, e.toString());
        }
        CliRun same = run("diverge", "minilm", "minilm", "--texts", "2", "--json");
        assertEquals(1.0, same.json().getAsJsonArray("points").get(6).getAsJsonObject().get("meanCosine").getAsDouble(), 1e-6);
    }

    @Test
    void divergeExplainsBadInput() {
        CliRun missing = run("diverge", "minilm", "minilm-int8", "--values", "no-such-value");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no-such-value"), missing.err());
        CliRun one = run("diverge", "minilm");
        assertEquals(2, one.code());
    }

    @Test
    void theSmokeBenchPrintsOneTableWithUpstreamInt8AndEveryPipeline() throws Exception {
        Path suite = tmp.resolve("suite");
        pipeline(suite, "int8", "<steps techniqueId=\"cleanup.graph\"/><steps techniqueId=\"quantize.dynamic-int8\"/>");
        pipeline(suite, "broken", "<steps techniqueId=\"quantize.nonsense\"/>");
        CliRun r = run("bench", "--smoke", "--suite", "suite", "--json");
        assertEquals(1, r.code(), "a pipeline that cannot run makes the bench fail: " + r.err());
        JsonObject o = r.json();
        assertTrue(o.get("smoke").getAsBoolean());
        List<String> names = o.getAsJsonArray("rows").asList().stream().map(e -> e.getAsJsonObject().get("name").getAsString()).toList();
        assertEquals(List.of("fp32 (source)", "upstream int8", "broken", "int8"), names);
        JsonObject upstream = o.getAsJsonArray("rows").get(1).getAsJsonObject();
        JsonObject broken = o.getAsJsonArray("rows").get(2).getAsJsonObject();
        JsonObject int8 = o.getAsJsonArray("rows").get(3).getAsJsonObject();
        assertTrue(broken.get("problem").getAsString().contains("quantize.nonsense"), broken.toString());
        assertTrue(int8.get("sizeRatio").getAsDouble() < 0.3, int8.toString());
        assertTrue(int8.get("cosineMean").getAsDouble() > 0.98 && int8.get("cosineMin").getAsDouble() <= int8.get("cosineMean").getAsDouble(),
                int8.toString());
        JsonObject lat = int8.getAsJsonArray("latency").get(0).getAsJsonObject();
        assertEquals(16, lat.get("sequenceLength").getAsInt());
        double vsFp32 = lat.get("ratioFp32").getAsDouble();
        double vsInt8 = lat.get("ratioUpstreamInt8").getAsDouble();
        double upstreamVsFp32 = upstream.getAsJsonArray("latency").get(0).getAsJsonObject().get("ratioFp32").getAsDouble();
        assertTrue(vsFp32 > 0 && Double.isFinite(vsFp32) && vsInt8 > 0 && Double.isFinite(vsInt8), lat.toString());
        assertEquals(vsFp32, vsInt8 * upstreamVsFp32, 1e-9 * vsFp32, "both ratios come from the same medians");
        assertEquals(1.0, upstream.getAsJsonArray("latency").get(0).getAsJsonObject().get("ratioUpstreamInt8").getAsDouble(), 1e-12);
    }

    @Test
    void theBenchTableForPeopleAndBenchIoStillWork() throws Exception {
        Path p = pipeline(tmp.resolve("one"), "cleanup", "<steps techniqueId=\"cleanup.graph\"/>");
        CliRun r = run("bench", p.toString(), "--smoke", "--rounds", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("upstream int8") && r.out().contains("cleanup.graph") && r.out().contains("\u00d7fp32"), r.out());
        long tableRows = r.out().lines().filter(l -> l.startsWith("fp32 (source)") || l.startsWith("upstream int8") || l.startsWith("cleanup ")).count();
        assertEquals(3, tableRows, r.out());

        CliRun io = run("bench", "io", "--runs", "1", "--json");
        assertEquals(0, io.code(), io.err());
        assertTrue(io.json().get("readMillis").getAsDouble() > 0);

        CliRun none = run("bench", "--suite", "no-such-folder");
        assertEquals(1, none.code());
        assertTrue(none.err().contains("no-such-folder"), none.err());
    }
}
