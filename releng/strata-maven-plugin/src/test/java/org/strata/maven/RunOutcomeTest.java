package org.strata.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an engine run's exit code and report.json become the build's verdict and message. */
class RunOutcomeTest {
    @TempDir
    Path tmp;

    private Path report(String json) throws Exception {
        Path p = tmp.resolve("report.json");
        Files.writeString(p, json);
        return p;
    }

    @Test
    void goalMet() throws Exception {
        RunOutcome o = RunOutcome.of(0, report("{\"status\":\"succeeded\",\"goalMet\":true,\"goalMessage\":\"mean cosine 0.99 ≥ 0.95\",\"steps\":[]}"), "");
        assertEquals(RunOutcome.Kind.SUCCESS, o.kind());
        assertEquals("mean cosine 0.99 ≥ 0.95", o.message());
    }

    @Test
    void goalNotMetNamesTheGoal() throws Exception {
        RunOutcome o = RunOutcome.of(1, report("{\"status\":\"succeeded\",\"goalMet\":false,\"goalMessage\":\"latency ratio 0.98 > 0.10\",\"steps\":[]}"), "");
        assertEquals(RunOutcome.Kind.GOAL_NOT_MET, o.kind());
        assertEquals("latency ratio 0.98 > 0.10", o.message());
    }

    @Test
    void aFailedStepIsNamedWithItsMessage() throws Exception {
        RunOutcome o = RunOutcome.of(1, report("""
                {"status":"failed","goalMet":false,"goalMessage":"","steps":[
                  {"number":1,"techniqueId":"cleanup.graph","status":"applied","message":null},
                  {"number":2,"techniqueId":"quantize.dynamic-int8","status":"rolledBack","message":"graph invalid: node X"}]}"""), "");
        assertEquals(RunOutcome.Kind.FAILED, o.kind());
        assertTrue(o.message().contains("step 2 (quantize.dynamic-int8) rolledBack: graph invalid: node X"), o.message());
        assertTrue(!o.message().contains("cleanup.graph"), o.message());
    }

    @Test
    void refusedInputWithoutReportUsesTheEnginesLine() throws Exception {
        RunOutcome o = RunOutcome.of(1, tmp.resolve("absent.json"), "strata run: /x/p.strata line 3: bad attribute");
        assertEquals(RunOutcome.Kind.FAILED, o.kind());
        assertEquals("strata run: /x/p.strata line 3: bad attribute", o.message());
    }

    @Test
    void usageMistakesAndInternalErrorsAreExecutionErrors() throws Exception {
        assertEquals(RunOutcome.Kind.ERROR, RunOutcome.of(2, tmp.resolve("absent.json"), "strata run: unknown option --x").kind());
        RunOutcome crash = RunOutcome.of(134, tmp.resolve("absent.json"), "");
        assertEquals(RunOutcome.Kind.ERROR, crash.kind());
        assertTrue(crash.message().contains("exit 134"), crash.message());
        assertEquals(RunOutcome.Kind.ERROR, RunOutcome.of(0, tmp.resolve("absent.json"), "").kind(), "success without a report is not believed");
    }
}
