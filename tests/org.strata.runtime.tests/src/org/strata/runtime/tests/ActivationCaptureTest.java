package org.strata.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.StrataException;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.ActivationCapture;
import org.strata.runtime.ActivationCapture.CaptureInputs;
import org.strata.runtime.ActivationCapture.CapturedTensor;
import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;

/** Capturing block outputs and inputs of the real MiniLM. */
class ActivationCaptureTest {

    @Test
    void theLastBlockOutputIsTheModelOutputAndTheCallerModelIsUntouched() {
        EmbeddedModel m = EmbeddedModels.fp32();
        Model model = ModelReader.read(m.model());
        WordPieceTokenizer tokenizer = WordPieceTokenizer.load(m.tokenizer());
        int outputsBefore = model.graph().outputs().size();
        List<Block> blocks = TransformerStructure.discover(model).blocks();
        List<String> names = new ArrayList<>();
        blocks.forEach(b -> names.add(b.output().name()));
        names.add("input_ids");
        List<String> texts = TextCorpus.builtIn().evaluation().subList(0, 5);
        int[] batches = {0};
        ActivationCapture.of(model, names).run(CaptureInputs.texts(tokenizer, texts, 2, 64),
                SessionSettings.defaults(), batch -> {
                    batches[0]++;
                    CapturedTensor last = batch.tensor(blocks.get(blocks.size() - 1).output().name());
                    CapturedTensor out = batch.tensor("last_hidden_state");
                    assertArrayEquals(out.shape(), last.shape());
                    assertEquals(3, last.rank());
                    assertEquals(384, last.dim(2));
                    assertArrayEquals(out.values(), last.values(), 1e-5f);
                    CapturedTensor ids = batch.tensor("input_ids");
                    assertEquals(101f, ids.values()[0], "[CLS] first");
                    assertEquals(batch.batchSize(), ids.dim(0));
                    CapturedTensor first = batch.tensor(blocks.get(0).output().name());
                    assertTrue(maxDiff(first.values(), last.values()) > 0.1, "block 1 differs from block 6");
                });
        assertEquals(3, batches[0], "5 texts in batches of 2");
        assertEquals(outputsBefore, model.graph().outputs().size());
    }

    @Test
    void anUnknownValueIsNamed() {
        Model model = ModelReader.read(EmbeddedModels.fp32().model());
        StrataException e = assertThrows(StrataException.class,
                () -> ActivationCapture.of(model, List.of("no_such_value")));
        assertTrue(e.getMessage().contains("no_such_value"), e.getMessage());
    }

    private static double maxDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
