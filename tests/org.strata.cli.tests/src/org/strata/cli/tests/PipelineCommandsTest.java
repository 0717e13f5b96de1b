package org.strata.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.model.RunRecord;
import org.strata.model.StepStatus;
import org.strata.model.io.PipelineFiles;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

/** compress, run, validate and techniques as a user runs them, on the embedded MiniLM. */
class PipelineCommandsTest {
    @TempDir
    Path tmp;

    /** The shipped default pipeline, with quick measurement settings and no latency goal (timing is not tested). */
    private Path pipeline(String steps) throws Exception {
        Path p = tmp.resolve("p.strata");
        Files.writeString(p, """
                <?xml version="1.0" encoding="UTF-8"?>
                <strata:Pipeline xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:strata="http://strata.org/model/1.0"
                    name="quick" sourceModel="minilm">
                  %s
                  <evaluation rounds="2" warmup="0" maxTexts="24"><sequenceLengths>16</sequenceLengths></evaluation>
                  <goal minMeanCosine="0.99"/>
                </strata:Pipeline>
                """.formatted(steps));
        return p;
    }

    private static final String DEFAULT_STEPS = "<steps techniqueId=\"cleanup.graph\"/><steps techniqueId=\"fuse.transformer\"/>"
            + "<steps techniqueId=\"quantize.dynamic-int8\"/>";

    private CliRun run(String... args) {
        return CliRun.of(tmp, args);
    }

    @Test
    void techniquesListsTheInstalledOnesWithParameters() {
        CliRun r = run("techniques", "--json");
        assertEquals(0, r.code(), r.err());
        JsonArray a = JsonParser.parseString(r.out()).getAsJsonArray();
        List<String> ids = a.asList().stream().map(e -> e.getAsJsonObject().get("id").getAsString()).toList();
        assertTrue(ids.contains("cleanup.graph") && ids.contains("quantize.dynamic-int8"), ids.toString());
        CliRun human = run("techniques", "quantize.dynamic-int8");
        assertTrue(human.out().contains("--"), "parameters should be listed: " + human.out());
    }

    @Test
    void compressWritesAShippableFolderDeterministically() throws Exception {
        Path p = pipeline(DEFAULT_STEPS);
        CliRun r = run("compress", "--pipeline", p.toString(), "--out", "first");
        assertEquals(0, r.code(), r.out() + r.err());
        Path out = tmp.resolve("first");
        for (String f : List.of("model.onnx", "tokenizer.json", "run-record.xmi", "report.json", "report.html")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " missing");
        }
        Model m = ModelReader.read(out.resolve("model.onnx"));
        assertTrue(m.metadata().containsKey("strata.version"), m.metadata().toString());
        assertTrue(m.metadata().get("strata.steps").contains("quantize.dynamic-int8"), m.metadata().toString());
        RunRecord rec = PipelineFiles.loadRunRecord(out.resolve("run-record.xmi"));
        assertEquals(3, rec.getSteps().size());
        for (var step : rec.getSteps()) assertEquals(StepStatus.APPLIED, step.getStatus(), step.getTechniqueId() + ": " + step.getMessage());
        assertTrue(rec.isGoalMet(), rec.getGoalMessage());
        assertTrue(Files.size(out.resolve("model.onnx")) < 26_000_000, "int8 model size " + Files.size(out.resolve("model.onnx")));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("quantize.dynamic-int8") && html.contains("<svg"), "report lacks the steps or charts");
        // The same pipeline again gives the same model bytes; a previous Strata run in the folder is replaced.
        CliRun again = run("compress", "--pipeline", p.toString(), "--out", "first");
        assertEquals(0, again.code(), again.err());
        CliRun other = run("compress", "--pipeline", p.toString(), "--out", "second");
        assertEquals(0, other.code(), other.err());
        assertArrayEquals(Files.readAllBytes(out.resolve("model.onnx")), Files.readAllBytes(tmp.resolve("second/model.onnx")));
    }

    @Test
    void aFolderWithSomeoneElsesFilesIsRefusedAndUntouched() throws Exception {
        Path mine = tmp.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("notes.txt"), "precious");
        CliRun r = run("compress", "--pipeline", pipeline(DEFAULT_STEPS).toString(), "--out", "mine");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("Strata did not write"), r.err());
        assertEquals(List.of(mine.resolve("notes.txt")), Files.list(mine).toList());
        assertEquals("precious", Files.readString(mine.resolve("notes.txt")));
    }

    @Test
    void anOutputPathThatCannotBeWrittenIsRefused() throws Exception {
        Files.writeString(tmp.resolve("a-file"), "not a folder");
        CliRun r = run("compress", "--pipeline", pipeline(DEFAULT_STEPS).toString(), "--out", "a-file/out");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("a-file"), r.err());
        assertEquals("not a folder", Files.readString(tmp.resolve("a-file")));
        CliRun f = run("compress", "--pipeline", pipeline(DEFAULT_STEPS).toString(), "--out", "a-file");
        assertEquals(1, f.code());
        assertTrue(f.err().contains("not a folder"), f.err());
    }

    @Test
    void badPipelinesAreExplained() throws Exception {
        Path unknown = pipeline("<steps techniqueId=\"cleanup.graph\"/><steps techniqueId=\"quantize.nonsense\"/>");
        CliRun v = run("validate", unknown.toString());
        assertEquals(1, v.code());
        assertTrue(v.err().contains("step 2") && v.err().contains("quantize.nonsense"), v.err());
        Path badParam = pipeline("<steps techniqueId=\"quantize.dynamic-int8\"><parameters name=\"no-such\" value=\"1\"/></steps>");
        CliRun b = run("run", badParam.toString(), "--out", "x");
        assertEquals(1, b.code());
        assertTrue(b.err().contains("step 1") && b.err().contains("'no-such'"), b.err());
        assertTrue(!Files.exists(tmp.resolve("x/model.onnx")), "nothing may be written for an invalid pipeline");
        Path notXml = tmp.resolve("broken.strata");
        Files.writeString(notXml, "<strata:Pipeline oops");
        CliRun n = run("validate", notXml.toString());
        assertEquals(1, n.code());
        assertTrue(n.err().contains("broken.strata"), n.err());
        CliRun ok = run("validate", pipeline(DEFAULT_STEPS).toString());
        assertEquals(0, ok.code(), ok.err());
    }
}
