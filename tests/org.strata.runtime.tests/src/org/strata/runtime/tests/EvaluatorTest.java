package org.strata.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.onnx.StrataException;
import org.strata.runtime.Evaluator;
import org.strata.runtime.OnnxRuntimeException;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.OutputFidelity;
import org.strata.runtime.RandomInputs;
import org.strata.runtime.SessionSettings;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** Output comparison on random inputs, with tiny models whose error is known exactly. */
class EvaluatorTest {
    private static final RandomInputs INPUTS = new RandomInputs(3, 2, 10, 1000, 5);

    @Test
    void aModelMatchesItselfExactly() throws OrtException {
        try (OrtSession a = open(TinyModels.scaledIds(1f, "y"), "a");
                OrtSession b = open(TinyModels.scaledIds(1f, "y"), "b")) {
            OutputFidelity y = single(new Evaluator().compareOutputs(a, b, INPUTS));
            assertEquals(0.0, y.relativeError());
            assertEquals(0.0, y.maxAbsError());
            assertTrue(y.withinTolerance(OutputFidelity.LOSSLESS_TOLERANCE));
        }
    }

    @Test
    void aOnePercentScaleGivesAOnePercentRelativeError() throws OrtException {
        try (OrtSession a = open(TinyModels.scaledIds(1f, "y"), "a");
                OrtSession b = open(TinyModels.scaledIds(1.01f, "y"), "b")) {
            OutputFidelity y = single(new Evaluator().compareOutputs(a, b, INPUTS));
            assertEquals("y", y.output());
            assertEquals(0.01, y.relativeError(), 1e-6, "|0.01 x| / |x|");
            assertTrue(y.maxAbsReference() > 900 && y.maxAbsReference() < 1000,
                    "ids below 1000: " + y.maxAbsReference());
            assertEquals(0.01 * y.maxAbsReference(), y.maxAbsError(), 1e-3);
            assertFalse(y.withinTolerance(OutputFidelity.LOSSLESS_TOLERANCE));
        }
    }

    @Test
    void aCandidateWithoutTheReferenceOutputCannotBeVerified() throws OrtException {
        try (OrtSession a = open(TinyModels.scaledIds(1f, "y"), "a");
                OrtSession b = open(TinyModels.scaledIds(1f, "z"), "b")) {
            StrataException e = assertThrows(StrataException.class,
                    () -> new Evaluator().compareOutputs(a, b, INPUTS));
            assertTrue(e.getMessage().contains("no output y"), e.getMessage());
        }
    }

    @Test
    void garbageBytesGiveAMessageNamingTheModel() {
        OnnxRuntimeException e = assertThrows(OnnxRuntimeException.class,
                () -> OrtSessions.open(new byte[] {1, 2, 3}, "candidate after step 2", SessionSettings.defaults()));
        assertTrue(e.getMessage().startsWith("ONNX Runtime could not load model candidate after step 2: "),
                e.getMessage());
    }

    private static OrtSession open(byte[] model, String name) {
        return OrtSessions.open(model, name, SessionSettings.defaults());
    }

    private static OutputFidelity single(List<OutputFidelity> outputs) {
        assertEquals(1, outputs.size(), outputs.toString());
        return outputs.get(0);
    }
}
