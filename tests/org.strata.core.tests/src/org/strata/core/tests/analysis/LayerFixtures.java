package org.strata.core.tests.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.strata.core.ModelRunner;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.Projection;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.Evaluator;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.OutputFidelity;
import org.strata.runtime.RandomInputs;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;

import ai.onnxruntime.OrtSession;

/** Models, runners and edits the layer-analysis tests share. */
final class LayerFixtures {
    private LayerFixtures() {
    }

    /** Every synthetic family, with a vocabulary the runner's random tokens (below 1000) fit. */
    static List<TransformerSpec> families() {
        return List.of(SyntheticTransformers.bertPostLn().vocab(1000), SyntheticTransformers.bertPreLn().vocab(1000),
                SyntheticTransformers.gpt().vocab(1000), SyntheticTransformers.llama().vocab(1000), SyntheticTransformers.vit());
    }

    /** A runner without a tokenizer: seeded random tokens (or images). */
    static ModelRunner randomRunner() {
        return new ModelRunner(null, List.of(), SessionSettings.defaults());
    }

    static ModelRunner miniLmRunner() {
        EmbeddedModel m = EmbeddedModels.fp32();
        return new ModelRunner(WordPieceTokenizer.load(m.tokenizer()), TextCorpus.builtIn().calibration(), SessionSettings.defaults());
    }

    static Model miniLm() {
        return ModelReader.read(EmbeddedModels.fp32().model());
    }

    static Model copy(Model m) {
        return ModelReader.read(ModelWriter.toBytes(m), "copy");
    }

    /**
     * Makes block {@code number} of a pre-LN model the identity: its attention output and FFN down projections
     * (weights and biases) become zeros, so the block adds nothing to the residual stream.
     */
    static void neutralize(Model m, int number) {
        Block b = TransformerStructure.discover(m).block(number);
        for (Projection p : List.of(b.attention().o(), b.ffn().down())) {
            zero(m, p.weight());
            if (p.bias() != null) zero(m, p.bias());
        }
    }

    private static void zero(Model m, Value v) {
        assertTrue(v.isInitializer(), v + " is not an initializer");
        long[] dims = v.initializer().dims();
        m.graph().setInitializer(v, TensorCodec.fromFloats(v.name(), dims, new float[(int) v.initializer().elementCount()]));
    }

    /** Largest relative error over the outputs of {@code candidate} against {@code reference} in ONNX Runtime. */
    static double maxRelativeError(Model reference, Model candidate) {
        SessionSettings s = SessionSettings.defaults();
        try (OrtSession a = OrtSessions.open(reference, "reference", s); OrtSession b = OrtSessions.open(copy(candidate), "candidate", s)) {
            double worst = 0;
            for (OutputFidelity f : new Evaluator().compareOutputs(a, b, RandomInputs.of(90))) {
                worst = Math.max(worst, f.maxAbsError() / Math.max(1, f.maxAbsReference()));
            }
            return worst;
        } catch (ai.onnxruntime.OrtException e) {
            throw new AssertionError(e);
        }
    }
}
