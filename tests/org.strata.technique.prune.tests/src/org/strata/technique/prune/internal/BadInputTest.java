package org.strata.technique.prune.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.strata.core.ParameterException;
import org.strata.core.Technique;
import org.strata.core.TechniqueException;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;
import org.strata.runtime.EmbeddedModels;
import org.strata.testing.SyntheticTransformers;

/** Bad parameters and graphs the pruning cannot handle: one clear sentence, and the model exactly as it was. */
class BadInputTest {
    /** Applies and expects a refusal whose message contains every one of {@code words}; the model must be untouched. */
    private static void refused(Technique t, Model m, Map<String, String> params, String... words) {
        byte[] before = ModelWriter.toBytes(m);
        RuntimeException e = assertThrows(RuntimeException.class, () -> PruneFixture.apply(t, m, params, false));
        assertTrue(e instanceof TechniqueException || e instanceof ParameterException, e.toString());
        for (String w : words) assertTrue(e.getMessage().contains(w), "'" + w + "' not in: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertArrayEquals(before, ModelWriter.toBytes(m), "nothing may change: " + e.getMessage());
    }

    @Test
    void fractionsThatRemoveNothingOrEverything() {
        Model m = SyntheticTransformers.bertPostLn().vocab(PruneFixture.VOCAB).build();
        refused(new HeadPruning(), m, Map.of("fraction", "1.0"), "fraction", "below 1");
        refused(new HeadPruning(), m, Map.of("fraction", "0"), "fraction", "above 0");
        refused(new FfnPruning(), m, Map.of("fraction", "1"), "fraction", "below 1");
        refused(new FfnPruning(), m, Map.of("fraction", "0.0"), "fraction", "above 0");
        refused(new FfnPruning(), m, Map.of("fraction", "-0.5"), "fraction", "out of range");
        refused(new HeadPruning(), m, Map.of("blocks", "3"), "no block 3", "1 to 2");
    }

    @Test
    void headsOutOfRangeOrMalformedOrEveryHeadOfABlock() {
        Model m = PruneFixture.minilm();
        refused(new HeadPruning(), m, Map.of("heads", "1:13"), "head 13", "block 1 has heads 1 to 12");
        refused(new HeadPruning(), m, Map.of("heads", "1:0"), "head 0");
        refused(new HeadPruning(), m, Map.of("heads", "7:1"), "block 7", "blocks 1 to 6");
        refused(new HeadPruning(), m, Map.of("heads", "2-3"), "'2-3' is not block:head");
        refused(new HeadPruning(), m, Map.of("heads", "1:1,1:2,1:3,1:4,1:5,1:6,1:7,1:8,1:9,1:10,1:11,1:12"),
                "every head of block 1", "at least one");
        Model llama = SyntheticTransformers.llama().vocab(PruneFixture.VOCAB).build();
        refused(new HeadPruning(), llama, Map.of("heads", "1:1,1:2"), "key/value head 1", "query heads 1 to 4");
    }

    @Test
    void aQuantizedModelIsRefusedBeforeAnythingChanges() {
        Model int8 = ModelReader.read(EmbeddedModels.int8().model());
        refused(new HeadPruning(), int8, Map.of("heads", "1:1"), "DYNAMIC_INT8", "before quantizing");
        refused(new FfnPruning(), int8, Map.of(), "DYNAMIC_INT8", "before quantizing");
    }

    @Test
    void aGraphThatIsNotARecognisedTransformer() {
        Graph g = new Graph("not a transformer");
        Value x = g.addInput("x", TensorType.of(DataType.FLOAT, 1, 4));
        Value w = g.addInitializer("w", TensorCodec.fromFloats("w", new long[] {4, 4}, new float[16]));
        Value y = g.addNode("MatMul", List.of(x, w), "y").output(0);
        y.setType(TensorType.of(DataType.FLOAT, 1, 4));
        g.addOutput(y);
        Model m = new Model(g, 8, 17);
        refused(new HeadPruning(), m, Map.of(), "prune.heads needs a transformer");
        refused(new FfnPruning(), m, Map.of(), "prune.ffn needs a transformer");
    }

    @Test
    void aFractionTooSmallForAnyBlockChangesNothing() {
        Model m = SyntheticTransformers.bertPostLn().vocab(PruneFixture.VOCAB).build();
        byte[] before = ModelWriter.toBytes(m);
        var c = PruneFixture.apply(new HeadPruning(), m, Map.of("fraction", "0.1"), false);
        assertTrue(!c.modified(), c.summary());
        assertTrue(c.summary().contains("no head removed"), c.summary());
        assertArrayEquals(before, ModelWriter.toBytes(m));
        assertEquals(2, c.analyses().size());
    }
}
