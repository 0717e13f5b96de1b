package org.strata.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.runtime.EmbeddedModels;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The commands as a user runs them: output, JSON, exit codes and one-line errors. */
class CliTest {
    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        return CliRun.of(tmp, args);
    }

    @Test
    void helpListsTheCommands() {
        CliRun r = run("help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("inspect") && r.out().contains("compare"), r.out());
    }

    @Test
    void inspectDefaultModelAsJson() {
        CliRun r = run("inspect", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = r.json();
        JsonObject summary = o.getAsJsonObject("summary");
        assertEquals(11, summary.getAsJsonObject("opsets").get("ai.onnx").getAsInt());
        // 22,565,376 weights (no pooler in this export) plus the 512 int64 position ids
        assertEquals(22_565_888, summary.get("parameterCount").getAsLong());
        JsonObject s = o.getAsJsonObject("structure");
        assertTrue(s.get("recognised").getAsBoolean(), s.toString());
        assertEquals(6, s.get("blocks").getAsInt());
        assertEquals(384, s.get("hiddenSize").getAsInt());
        JsonArray blocks = s.getAsJsonArray("blockDetails");
        JsonObject b1 = blocks.get(0).getAsJsonObject();
        assertEquals(12, b1.get("heads").getAsInt());
        assertEquals(32, b1.get("headSize").getAsInt());
        assertEquals(1536, b1.get("ffnSize").getAsInt());
        assertTrue(b1.get("activation").getAsString().contains("GELU"), b1.toString());
        assertEquals(r.err(), "", "progress must not mix into JSON mode");
    }

    @Test
    void inspectInt8ForPeople() {
        CliRun r = run("inspect", "minilm-int8");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("MatMulInteger"), r.out());
        assertTrue(r.out().contains("6 blocks"), r.out());
        assertTrue(r.out().contains("uint8") || r.out().contains("int8"), r.out());
    }

    @Test
    void brokenModelGivesOneLineAndExitOne() throws Exception {
        byte[] junk = new byte[2048];
        new Random(3).nextBytes(junk);
        Files.write(tmp.resolve("junk.onnx"), junk);
        CliRun r = run("inspect", "junk.onnx");
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("strata inspect: ") && r.err().contains("junk.onnx"), r.err());
        assertFalse(r.err().contains("\tat "), "stack trace without --debug");
        CliRun d = run("inspect", "junk.onnx", "--debug");
        assertEquals(1, d.code());
        assertTrue(d.err().contains("\tat "), "--debug should show the stack trace");
    }

    @Test
    void usageMistakesExitTwo() {
        assertEquals(2, run("inspect", "--frobnicate").code());
        assertEquals(2, run("compare", "only-one.onnx").code());
        assertEquals(2, run("compare", "--seq", "0").code());
        assertEquals(2, run("explode").code());
        assertEquals(1, run("inspect", "missing.onnx").code());
    }

    @Test
    void compareFp32WithInt8Briefly() {
        CliRun r = run("compare", "--seq", "16", "--rounds", "3", "--warmup", "1", "--texts", "16", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = r.json();
        double cos = o.getAsJsonObject("fidelity").get("meanCosine").getAsDouble();
        assertTrue(cos > 0.95 && cos < 0.9999, "int8 mean cosine " + cos);
        JsonArray rows = o.getAsJsonArray("latency");
        assertEquals(1, rows.size());
        assertEquals(16, rows.get(0).getAsJsonObject().get("sequenceLength").getAsInt());
        assertTrue(o.get("bBytes").getAsLong() < o.get("aBytes").getAsLong() / 3, "int8 should be under a third of fp32");
    }

    @Test
    void benchIoTimesTheThreePhases() {
        CliRun r = run("bench", "io", "minilm-int8", "--runs", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = r.json();
        assertTrue(o.get("readMillis").getAsDouble() > 0 && o.get("writeMillis").getAsDouble() > 0, o.toString());
        assertEquals(o.get("totalMillis").getAsDouble(), o.get("readMillis").getAsDouble() + o.get("validateMillis").getAsDouble()
                + o.get("writeMillis").getAsDouble(), 1e-6);
        assertEquals(2, run("bench", "disk").code());
    }

    @Test
    void compareWithoutTokenizerUsesRandomTokens() throws Exception {
        Path copy = tmp.resolve("int8.onnx");
        Files.copy(EmbeddedModels.int8().model(), copy);
        CliRun r = run("compare", "int8.onnx", "int8.onnx", "--seq", "8", "--rounds", "2", "--warmup", "0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("relative error 0"), "a model against itself: " + r.out());
    }
}
