package org.strata.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.runtime.Evaluator;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;

import ai.onnxruntime.OrtSession;

/**
 * Removing one whole block of the real MiniLM through the Graph API — its residual input rewired to its
 * output, dead nodes dropped — gives a graph that validates, runs in ONNX Runtime, and whose output
 * differs from the original by a measured amount; the unedited graph, re-serialised, matches exactly.
 */
class BlockRemovalTest {
    private static final List<String> TEXTS = TextCorpus.builtIn().evaluation().subList(0, 40);

    private static EmbeddingFidelity fidelity(EmbeddedModel ref, Model candidate) {
        SessionSettings s = SessionSettings.defaults();
        WordPieceTokenizer tok = WordPieceTokenizer.load(ref.tokenizer());
        try (OrtSession a = OrtSessions.open(ref.model(), s); OrtSession b = OrtSessions.open(candidate, "candidate", s)) {
            return new Evaluator().compareEmbeddings(a, b, tok, TEXTS);
        } catch (ai.onnxruntime.OrtException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void untouchedGraphReproducesTheOriginalExactly() {
        EmbeddedModel fp32 = EmbeddedModels.fp32();
        EmbeddingFidelity f = fidelity(fp32, ModelReader.read(fp32.model()));
        assertEquals(0.0, f.maxAbsError(), "re-serialised model must give bit-identical outputs");
        assertEquals(1.0, f.top1Agreement());
    }

    @Test
    void removingBlockThreeOfMiniLm() {
        EmbeddedModel fp32 = EmbeddedModels.fp32();
        Model m = ModelReader.read(fp32.model());
        int nodesBefore = m.graph().nodes().size();
        long bytesBefore = m.initializerBytes();
        Block three = TransformerStructure.discover(m).block(3);
        m.graph().replaceAllUsesWith(three.output(), three.input());
        m.graph().removeDeadNodes();
        assertTrue(GraphValidator.check(m).isEmpty(), GraphValidator.check(m).toString());
        assertEquals(5, TransformerStructure.discover(m).blockCount());
        assertTrue(m.graph().nodes().size() < nodesBefore - 40, "block nodes were not removed");
        long saved = bytesBefore - m.initializerBytes();
        assertTrue(saved > 6_000_000 && saved < 8_000_000, "one block of MiniLM holds ~7 MB of weights, saved " + saved);

        EmbeddingFidelity f = fidelity(fp32, m);
        System.out.printf("MiniLM without block 3: %s; %d bytes of weights removed%n", f, saved);
        assertTrue(f.maxAbsError() > 0.01, "output did not change: " + f);
        assertTrue(f.meanCosine() < 0.999 && f.meanCosine() > 0.5, "mean cosine " + f.meanCosine());
        // It is still a file ONNX Runtime accepts after a write and a read.
        Model back = ModelReader.read(ModelWriter.toBytes(m), "without block 3");
        assertEquals(5, TransformerStructure.discover(back).blockCount());
    }
}
