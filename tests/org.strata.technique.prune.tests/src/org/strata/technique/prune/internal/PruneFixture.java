package org.strata.technique.prune.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.strata.core.Change;
import org.strata.core.ModelRunner;
import org.strata.core.Parameters;
import org.strata.core.TargetRuntime;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.core.analysis.ProjectionWeights;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.structure.Projection;
import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.runtime.Evaluator;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.OutputFidelity;
import org.strata.runtime.RandomInputs;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** Test fixture: contexts that can run models, ORT comparisons, MiniLM fidelity, and the masking reference. */
final class PruneFixture {
    /** Evaluation texts (never the calibration split). */
    static final List<String> EVALUATION = TextCorpus.builtIn().evaluation().subList(0, 40);
    /** Vocabulary of synthetic models, so that the runner's random tokens (below 1000) are valid ids. */
    static final int VOCAB = 1000;

    private PruneFixture() {
    }

    static Model copy(Model m) {
        return ModelReader.read(ModelWriter.toBytes(m), "copy");
    }

    static Model minilm() {
        return ModelReader.read(EmbeddedModels.fp32().model());
    }

    /** A context whose runner uses MiniLM's tokenizer on the calibration split, or random tokens when {@code text} is false. */
    static TechniqueContext context(Model m, boolean text, List<String> log) {
        ModelRunner runner = text
                ? new ModelRunner(WordPieceTokenizer.load(EmbeddedModels.fp32().tokenizer()), TextCorpus.builtIn().calibration(),
                        SessionSettings.defaults())
                : new ModelRunner(null, List.of(), SessionSettings.defaults());
        return TechniqueContext.simple(m, TargetRuntime.ONNXRUNTIME, TextCorpus.builtIn().calibration(), log::add, runner);
    }

    static Change apply(Technique t, Model m, Map<String, String> params, boolean text) {
        List<String> log = new ArrayList<>();
        try {
            return t.apply(m, Parameters.parse(t.descriptor(), params), context(m, text, log));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Output by output, how closely {@code candidate} follows {@code reference} on random inputs in ONNX Runtime. */
    static List<OutputFidelity> compare(Model reference, Model candidate) {
        SessionSettings s = SessionSettings.defaults();
        try (OrtSession a = OrtSessions.open(reference, "reference", s); OrtSession b = OrtSessions.open(candidate, "candidate", s)) {
            return new Evaluator().compareOutputs(a, b, RandomInputs.of(VOCAB));
        } catch (OrtException e) {
            throw new AssertionError(e);
        }
    }

    /** True when every output is within the lossless tolerance. */
    static boolean same(List<OutputFidelity> f) {
        return !f.isEmpty() && f.stream().allMatch(o -> o.withinTolerance(OutputFidelity.LOSSLESS_TOLERANCE));
    }

    /** Mean-pooled embedding fidelity of {@code candidate} against the fp32 MiniLM on evaluation texts. */
    static EmbeddingFidelity fidelity(Model candidate) {
        EmbeddedModel fp32 = EmbeddedModels.fp32();
        SessionSettings s = SessionSettings.defaults();
        try (OrtSession a = OrtSessions.open(fp32.model(), s); OrtSession b = OrtSessions.open(candidate, "candidate", s)) {
            return new Evaluator().compareEmbeddings(a, b, WordPieceTokenizer.load(fp32.tokenizer()), EVALUATION);
        } catch (OrtException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The masking reference: the rows {@code rows} (input features) of {@code p}'s weight set to zero in place,
     * written back in the stored orientation. Removing those inputs must give the same outputs.
     */
    static void zeroRows(Model m, Projection p, int[] rows) {
        ProjectionWeights w = ProjectionWeights.of(p);
        float[] raw = TensorCodec.toFloats(w.tensor());
        int in = w.in(), out = w.out();
        for (int r : rows) {
            for (int c = 0; c < out; c++) raw[w.storedOutIn() ? c * in + r : r * out + c] = 0;
        }
        m.graph().setInitializer(p.weight(), TensorCodec.fromFloats(p.weight().name(), w.tensor().type(), w.tensor().dims(), raw));
    }

    /** {@code [u·unit, u·unit + unit)} for each u. */
    static int[] features(int[] units, int unit) {
        int[] out = new int[units.length * unit];
        for (int i = 0; i < units.length; i++) for (int j = 0; j < unit; j++) out[i * unit + j] = units[i] * unit + j;
        return out;
    }
}
