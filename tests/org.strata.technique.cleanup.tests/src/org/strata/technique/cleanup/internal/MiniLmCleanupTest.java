package org.strata.technique.cleanup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.technique.cleanup.internal.CleanupFixture.assertValid;
import static org.strata.technique.cleanup.internal.CleanupFixture.clean;
import static org.strata.technique.cleanup.internal.CleanupFixture.count;
import static org.strata.technique.cleanup.internal.CleanupFixture.tolerance;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.strata.core.Change;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.Node;
import org.strata.onnx.Value;
import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;

/** The embedded all-MiniLM-L6-v2, fp32 and upstream int8: cleaned, it validates, runs and gives the same embeddings. */
class MiniLmCleanupTest {
    private static final int TEXTS = 20;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fp32", "int8"})
    void cleansLosslesslyAndSmaller(String which) {
        EmbeddedModel embedded = which.equals("fp32") ? EmbeddedModels.fp32() : EmbeddedModels.int8();
        Model original = ModelReader.read(embedded.model());
        Model cleaned = ModelReader.read(embedded.model());
        Change change = clean(cleaned);
        int before = original.graph().nodes().size();
        int after = cleaned.graph().nodes().size();
        System.out.println("MiniLM " + which + ": " + change.summary() + " " + change.details());

        assertValid(cleaned);
        assertEquals(146, count(original, "Constant"), "the export's Constant nodes");
        assertEquals(0, count(cleaned, "Constant"));
        assertTrue(after <= before - 146, before + " → " + after);
        assertEquals(before - after, change.nodesRemoved() - change.nodesAdded());
        assertTrue(cleaned.graph().initializers().size() < original.graph().initializers().size() + 146,
                "the 146 constants hold only a few distinct values and are merged");

        // The interface: same inputs and outputs, names, order and declared types.
        assertEquals(describe(original.graph().inputs()), describe(cleaned.graph().inputs()));
        assertEquals(describe(original.graph().outputs()), describe(cleaned.graph().outputs()));
        // No value_info was added or changed: every value left has the type the file declared.
        for (Node n : cleaned.graph().nodes()) {
            for (Value v : n.outputs()) {
                Value was = original.graph().value(v.name());
                assertEquals(was == null ? null : was.type(), v.type(), "type of " + v.name());
            }
        }

        WordPieceTokenizer tokenizer = WordPieceTokenizer.load(embedded.tokenizer());
        List<String> texts = TextCorpus.builtIn().evaluation().subList(0, TEXTS);
        double[] error = CleanupFixture.maxAbsErrorOnTexts(original, cleaned, tokenizer, texts);
        System.out.printf("MiniLM %s: %d → %d nodes, max |cleaned - original| over %d texts = %s (max |original| %.4f)%n", which,
                before, after, TEXTS, error[0], error[1]);
        assertTrue(error[0] <= tolerance(error[1]), "max abs error " + error[0]);

        Model again = ModelReader.read(ModelWriter.toBytes(cleaned), "cleaned " + which);
        Change second = clean(again);
        assertFalse(second.modified(), "cleaning twice changes nothing: " + second.summary());
        assertTrue(Arrays.equals(ModelWriter.toBytes(cleaned), ModelWriter.toBytes(again)), "same bytes after a second cleanup");
    }

    private static List<String> describe(List<Value> values) {
        return values.stream().map(v -> v.name() + ":" + v.type()).toList();
    }
}
