package org.strata.core.tests.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.core.ModelRunner;
import org.strata.core.TargetRuntime;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueException;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;

/** The runner techniques use to compare a variant with the original on calibration data. */
class ModelRunnerTest {

    @Test
    void aModelAgreesWithItselfAndNotWithItselfMinusABlock() {
        EmbeddedModel m = EmbeddedModels.fp32();
        Model model = ModelReader.read(m.model());
        ModelRunner runner = new ModelRunner(WordPieceTokenizer.load(m.tokenizer()), TextCorpus.builtIn().calibration(),
                SessionSettings.defaults());
        assertTrue(runner.usesText());
        ModelRunner.Agreement same = runner.agreement(model, model, 12);
        assertEquals(12, same.sequences());
        assertEquals(1.0, same.meanCosine(), 1e-6);
        assertEquals(0.0, same.relativeError(), 1e-6);

        Model dropped = ModelReader.read(ModelWriter.toBytes(model), "dropped");
        Block b = TransformerStructure.discover(dropped).block(3);
        dropped.graph().replaceAllUsesWith(b.output(), b.input());
        dropped.graph().removeDeadNodes();
        ModelRunner.Agreement worse = runner.agreement(model, dropped, 12);
        assertTrue(worse.meanCosine() < 0.99 && worse.meanCosine() > 0.8, "without block 3: " + worse);
        assertTrue(worse.minCosine() <= worse.meanCosine());
        assertTrue(worse.relativeError() > 0.05, worse.toString());
    }

    @Test
    void withoutATokenizerItFeedsRandomTokens() {
        ModelRunner runner = new ModelRunner(null, List.of(), SessionSettings.defaults());
        assertFalse(runner.usesText());
        Model model = ModelReader.read(EmbeddedModels.fp32().model());
        assertEquals(1.0, runner.agreement(model, model, 4).meanCosine(), 1e-6);
    }

    @Test
    void randomTokensStayInsideASmallVocabulary() {
        Model small = org.strata.testing.SyntheticTransformers.bertPostLn().vocab(50).layers(2).build();
        assertEquals(50, ModelRunner.vocabulary(small));
        ModelRunner runner = new ModelRunner(null, List.of(), SessionSettings.defaults());
        assertEquals(1.0, runner.agreement(small, small, 4).meanCosine(), 1e-6);
    }

    @Test
    void aSimpleContextWithoutARunnerSaysSo() {
        Model model = ModelReader.read(EmbeddedModels.fp32().model());
        TechniqueContext ctx = TechniqueContext.simple(model, TargetRuntime.ONNXRUNTIME, List.of(), s -> {});
        TechniqueException e = assertThrows(TechniqueException.class, ctx::runner);
        assertTrue(e.getMessage().contains("cannot run models"), e.getMessage());
    }
}
