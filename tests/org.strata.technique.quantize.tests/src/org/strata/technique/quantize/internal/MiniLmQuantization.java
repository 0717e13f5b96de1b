package org.strata.technique.quantize.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.strata.core.Change;
import org.strata.core.Parameters;
import org.strata.core.TargetRuntime;
import org.strata.core.TechniqueContext;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.runtime.Evaluator;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** Test fixture: the embedded MiniLM, the technique applied to it, and embedding fidelity against fp32. */
final class MiniLmQuantization {
    /** 40 texts of the evaluation split (never the calibration split). */
    static final List<String> TEXTS = TextCorpus.builtIn().evaluation().subList(0, 40);
    static final DynamicInt8Quantization TECHNIQUE = new DynamicInt8Quantization();

    private MiniLmQuantization() {
    }

    static Model fp32() {
        return ModelReader.read(EmbeddedModels.fp32().model());
    }

    static Parameters params(Map<String, String> text) {
        return Parameters.parse(TECHNIQUE.descriptor(), text);
    }

    /** Applies the technique for ONNX Runtime and returns the change; the log goes to {@code log}. */
    static Change quantize(Model m, Map<String, String> params, List<String> log) {
        return quantize(m, params, TargetRuntime.ONNXRUNTIME, log);
    }

    static Change quantize(Model m, Map<String, String> params, TargetRuntime target, List<String> log) {
        return TECHNIQUE.apply(m, params(params), TechniqueContext.simple(m, target, List.of(), log::add));
    }

    static Change quantize(Model m, Map<String, String> params) {
        return quantize(m, params, new ArrayList<>());
    }

    /** Mean-pooled embedding fidelity of {@code candidate} against the embedded fp32 MiniLM on {@link #TEXTS}. */
    static EmbeddingFidelity fidelity(Model candidate) {
        EmbeddedModel fp32 = EmbeddedModels.fp32();
        SessionSettings s = SessionSettings.defaults();
        try (OrtSession a = OrtSessions.open(fp32.model(), s); OrtSession b = OrtSessions.open(candidate, "candidate", s)) {
            return new Evaluator().compareEmbeddings(a, b, WordPieceTokenizer.load(fp32.tokenizer()), TEXTS);
        } catch (OrtException e) {
            throw new AssertionError(e);
        }
    }

    /** The same, for the upstream int8 MiniLM. */
    static EmbeddingFidelity upstreamFidelity() {
        return fidelity(ModelReader.read(EmbeddedModels.int8().model()));
    }
}
