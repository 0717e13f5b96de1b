package org.strata.technique.layers.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.strata.core.Change;
import org.strata.core.ModelRunner;
import org.strata.core.Parameters;
import org.strata.core.TargetRuntime;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.onnx.GraphValidator;
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
import org.strata.runtime.EmbeddingFidelity;
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

/** Models, runners and checks the layer technique tests share. */
final class LayerTestSupport {
    private LayerTestSupport() {
    }

    /** BERT post-LN, BERT pre-LN, GPT, LLaMA (GQA) and ViT, with a vocabulary the runner's random tokens (below 1000) fit. */
    static List<TransformerSpec> families() {
        return List.of(SyntheticTransformers.bertPostLn().vocab(1000), SyntheticTransformers.bertPreLn().vocab(1000),
                SyntheticTransformers.gpt().vocab(1000), SyntheticTransformers.llama().vocab(1000), SyntheticTransformers.vit());
    }

    /** The pre-LN families (a zeroed block is the identity there). */
    static List<TransformerSpec> preLnFamilies() {
        return families().subList(1, 5);
    }

    /** {@code spec} with {@code layers} blocks and a width and head count that vary with the depth. */
    static TransformerSpec sized(TransformerSpec spec, int layers) {
        int heads = layers % 2 == 0 ? 4 : 8;
        boolean gqa = spec.family() == TransformerSpec.Family.LLAMA;
        return spec.layers(layers).hidden(layers % 2 == 0 ? 64 : 96).heads(heads).kvHeads(gqa ? heads / 2 : heads);
    }

    static ModelRunner randomRunner() {
        return new ModelRunner(null, List.of(), SessionSettings.defaults());
    }

    static EmbeddedModel embedded() {
        return EmbeddedModels.fp32();
    }

    static Model miniLm() {
        return ModelReader.read(embedded().model());
    }

    static ModelRunner miniLmRunner() {
        return new ModelRunner(WordPieceTokenizer.load(embedded().tokenizer()), TextCorpus.builtIn().calibration(), SessionSettings.defaults());
    }

    static Model copy(Model m) {
        return ModelReader.read(ModelWriter.toBytes(m), "copy");
    }

    static Change apply(Technique t, Model m, Map<String, ?> params, ModelRunner runner, List<String> log) {
        try {
            return t.apply(m, Parameters.of(t.descriptor(), params), TechniqueContext.simple(m, TargetRuntime.ONNXRUNTIME,
                    TextCorpus.builtIn().calibration(), log::add, runner));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Change apply(Technique t, Model m, Map<String, ?> params, ModelRunner runner) {
        Change c = apply(t, m, params, runner, new ArrayList<>());
        m.graph().sortTopologically();
        assertValid(m);
        return c;
    }

    static void assertValid(Model m) {
        assertTrue(GraphValidator.check(m).isEmpty(), () -> "invalid graph: " + GraphValidator.check(m));
    }

    /** Makes block {@code number} of a pre-LN model the identity: attention output and FFN down projections become zeros. */
    static void neutralize(Model m, int number) {
        Block b = TransformerStructure.discover(m).block(number);
        for (Projection p : List.of(b.attention().o(), b.ffn().down())) {
            zero(m, p.weight());
            if (p.bias() != null) zero(m, p.bias());
        }
    }

    private static void zero(Model m, Value v) {
        m.graph().setInitializer(v, TensorCodec.fromFloats(v.name(), v.initializer().dims(), new float[(int) v.initializer().elementCount()]));
    }

    /** Largest |candidate − reference| / max(1, max |reference|) over every output, on seeded random inputs in ONNX Runtime. */
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

    /** Embedding fidelity of a MiniLM variant on the evaluation split, as the engine measures it. */
    static EmbeddingFidelity evaluation(Model candidate) {
        return evaluation(candidate, TextCorpus.builtIn().evaluation().size());
    }

    /** Embedding fidelity of a MiniLM variant on the first {@code texts} of the evaluation split. */
    static EmbeddingFidelity evaluation(Model candidate, int texts) {
        SessionSettings s = SessionSettings.defaults();
        try (OrtSession a = OrtSessions.open(embedded().model(), s); OrtSession b = OrtSessions.open(copy(candidate), "candidate", s)) {
            List<String> split = TextCorpus.builtIn().evaluation();
            return new Evaluator().compareEmbeddings(a, b, WordPieceTokenizer.load(embedded().tokenizer()), split.subList(0, Math.min(texts, split.size())));
        } catch (ai.onnxruntime.OrtException e) {
            throw new AssertionError(e);
        }
    }
}
