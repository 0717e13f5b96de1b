package org.strata.technique.quantize.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.strata.core.Change;
import org.strata.core.ModelRunner;
import org.strata.core.Parameters;
import org.strata.core.ProgressMonitor;
import org.strata.core.TargetRuntime;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.Node;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.Evaluator;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.OutputFidelity;
import org.strata.runtime.RandomInputs;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Test fixture for the techniques that run models: a context with a {@link ModelRunner} (MiniLM's tokenizer on
 * the calibration split, or seeded random tokens for synthetic models), a statistics cache that counts how
 * often it computed, and the log.
 */
final class Calibrated implements TechniqueContext {
    private final Model model;
    private final TargetRuntime target;
    private final ModelRunner runner;
    private final List<String> calibration;
    private final Map<String, Object> statistics = new HashMap<>();
    final List<String> log = new ArrayList<>();
    int computed;
    ProgressMonitor monitor = ProgressMonitor.NULL;

    private Calibrated(Model model, TargetRuntime target, ModelRunner runner, List<String> calibration) {
        this.model = model;
        this.target = target;
        this.runner = runner;
        this.calibration = calibration;
    }

    /** MiniLM's tokenizer over the built-in calibration split. */
    static Calibrated miniLm(Model m, TargetRuntime target) {
        List<String> texts = TextCorpus.builtIn().calibration();
        WordPieceTokenizer tokenizer = WordPieceTokenizer.load(EmbeddedModels.fp32().tokenizer());
        return new Calibrated(m, target, new ModelRunner(tokenizer, texts, SessionSettings.defaults()), texts);
    }

    /** Seeded random tokens (or pixels): a model without a tokenizer. */
    static Calibrated random(Model m, TargetRuntime target) {
        return new Calibrated(m, target, new ModelRunner(null, List.of(), SessionSettings.defaults()), List.of());
    }

    /** The same runner and cache for another model (a second application on a fresh copy). */
    Calibrated on(Model other) {
        Calibrated c = new Calibrated(other, target, runner, calibration);
        c.statistics.putAll(statistics);
        c.computed = computed;
        return c;
    }

    Change apply(Technique t, Map<String, String> params) throws Exception {
        return t.apply(model, Parameters.parse(t.descriptor(), params), this);
    }

    @Override
    public TransformerStructure structure() {
        return TransformerStructure.discover(model);
    }

    @Override
    public TargetRuntime target() {
        return target;
    }

    @Override
    public List<String> calibrationTexts() {
        return calibration;
    }

    @Override
    public ProgressMonitor monitor() {
        return monitor;
    }

    @Override
    public void log(String message) {
        log.add(message);
    }

    @Override
    public ModelRunner runner() {
        return runner;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T statistics(String key, Supplier<T> compute) {
        return (T) statistics.computeIfAbsent(key, k -> {
            computed++;
            return compute.get();
        });
    }

    static Model miniLmFp32() {
        return ModelReader.read(EmbeddedModels.fp32().model());
    }

    static Model copy(Model m, String label) {
        return ModelReader.read(ModelWriter.toBytes(m), label);
    }

    static long count(Model m, String op) {
        return m.graph().nodes().stream().filter(n -> n.opType().equals(op)).count();
    }

    static long count(Model m, String domain, String op) {
        return m.graph().nodes().stream().filter(n -> n.is(domain, op)).count();
    }

    static List<Node> nodes(Model m, String op) {
        return m.graph().nodes().stream().filter(n -> n.opType().equals(op)).toList();
    }

    /** Validates, then compares every output with the reference on seeded random inputs in ONNX Runtime. */
    static List<OutputFidelity> validatedOutputs(Model reference, Model candidate, int vocab) {
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), GraphValidator.check(candidate));
        SessionSettings s = SessionSettings.defaults();
        try (OrtSession a = OrtSessions.open(reference, "reference", s); OrtSession b = OrtSessions.open(candidate, "candidate", s)) {
            return new Evaluator().compareOutputs(a, b, RandomInputs.of(Math.max(vocab, 2)));
        } catch (OrtException e) {
            throw new AssertionError(e);
        }
    }

    /** Size of the serialised model over that of the embedded fp32 MiniLM file. */
    static double sizeRatioToMiniLm(Model m) throws java.io.IOException {
        return ModelWriter.toBytes(m).length / (double) java.nio.file.Files.size(EmbeddedModels.fp32().model());
    }
}
