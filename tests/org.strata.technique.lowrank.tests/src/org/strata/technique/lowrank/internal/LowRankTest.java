package org.strata.technique.lowrank.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.core.AnalysisTable;
import org.strata.core.Change;
import org.strata.core.ModelRunner;
import org.strata.core.ParameterException;
import org.strata.core.Parameters;
import org.strata.core.PipelineEngine;
import org.strata.core.ProgressMonitor;
import org.strata.core.RunSettings;
import org.strata.core.TargetRuntime;
import org.strata.core.Technique;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueException;
import org.strata.core.TechniqueRegistry;
import org.strata.core.analysis.ProjectionWeights;
import org.strata.model.Metric;
import org.strata.model.ParameterValue;
import org.strata.model.Pipeline;
import org.strata.model.RunRecord;
import org.strata.model.RunStatus;
import org.strata.model.Step;
import org.strata.model.StepResult;
import org.strata.model.StepStatus;
import org.strata.model.StrataFactory;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.TensorCodec;
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
import org.strata.technique.cleanup.internal.GraphCleanup;
import org.strata.technique.quantize.internal.DynamicInt8Quantization;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;
import org.strata.testing.TransformerSpec.ProjectionForm;

/**
 * lowrank.svd on every family: weights of exactly low rank come back exactly (a lossless factorisation), full
 * energy changes nothing, a rank ratio saves bytes, MiniLM's savings and fidelity at two settings, bad input, and a
 * pipeline with clean-up and int8 quantization after it.
 */
class LowRankTest {
    private static final LowRankFactorization TECHNIQUE = new LowRankFactorization();

    /** Random tokens below 1000 for the synthetic models (built with that vocabulary). */
    static final ModelRunner RANDOM = new ModelRunner(null, List.of(), SessionSettings.defaults());

    static Change apply(Model m, Map<String, String> params) {
        return apply(m, params, RANDOM);
    }

    static Change apply(Model m, Map<String, String> params, ModelRunner runner) {
        return TECHNIQUE.apply(m, Parameters.parse(TECHNIQUE.descriptor(), params),
                TechniqueContext.simple(m, TargetRuntime.ONNXRUNTIME, List.of(), s -> {}, runner));
    }

    static Model copy(Model m) {
        return ModelReader.read(ModelWriter.toBytes(m), "copy");
    }

    static List<OutputFidelity> compare(Model a, Model b) {
        SessionSettings s = SessionSettings.defaults();
        try (var x = OrtSessions.open(a, "reference", s); var y = OrtSessions.open(b, "candidate", s)) {
            return new Evaluator().compareOutputs(x, y, RandomInputs.of(1000));
        } catch (ai.onnxruntime.OrtException e) {
            throw new AssertionError(e);
        }
    }

    /** Replaces every block projection's weight by a random matrix of rank {@code rank} with the same shape and scale. */
    static void makeLowRank(Model m, int rank, long seed) {
        Random r = new Random(seed);
        for (Block b : TransformerStructure.discover(m).blocks()) {
            for (Projection p : b.projections()) {
                if (!ProjectionWeights.readable(p)) continue;
                ProjectionWeights w = ProjectionWeights.of(p);
                int in = w.in(), out = w.out();
                double[] a = new double[in * rank], c = new double[rank * out];
                for (int i = 0; i < a.length; i++) a[i] = r.nextGaussian() / Math.sqrt(in);
                for (int i = 0; i < c.length; i++) c[i] = r.nextGaussian() / Math.sqrt(rank);
                float[] stored = new float[in * out];
                for (int i = 0; i < in; i++) {
                    for (int j = 0; j < out; j++) {
                        double x = 0;
                        for (int k = 0; k < rank; k++) x += a[i * rank + k] * c[k * out + j];
                        stored[w.storedOutIn() ? j * in + i : i * out + j] = (float) x;
                    }
                }
                m.graph().setInitializer(p.weight(), TensorCodec.fromFloats(p.weight().name(), w.tensor().dims(), stored));
            }
        }
    }

    static Stream<Arguments> families() {
        return Stream.of(Arguments.of("BERT post-LN", SyntheticTransformers.bertPostLn().vocab(1000)),
                Arguments.of("BERT pre-LN 96 wide", SyntheticTransformers.bertPreLn().vocab(1000).hidden(96).heads(6)),
                Arguments.of("GPT, fused QKV", SyntheticTransformers.gpt().vocab(1000)),
                Arguments.of("GPT, Gemm projections", SyntheticTransformers.gpt().vocab(1000).projection(ProjectionForm.GEMM)),
                Arguments.of("LLaMA, SwiGLU", SyntheticTransformers.llama().vocab(1000)),
                Arguments.of("ViT", SyntheticTransformers.vit()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void exactlyLowRankWeightsAreFactoredWithoutLoss(String label, TransformerSpec spec) {
        Model original = spec.build();
        makeLowRank(original, 4, 7);
        for (String aware : List.of("true", "false")) {
        Model m = copy(original);
        Change c = apply(m, Map.of("energy", "1.0", "activation-aware", aware));
        System.out.println(label + ", activation-aware " + aware + ": " + c.summary());
        assertEquals(List.of(), GraphValidator.check(m), label);
        AnalysisTable t = c.analyses().get(0);
        for (int row = 0; row < t.rows().size(); row++) {
            assertEquals(4, t.value(row, 2), label + " " + t.rows().get(row));
            assertEquals(1.0, t.value(row, 5), 1e-9);
            assertTrue(t.value(row, 4) < t.value(row, 3), label + ": bytes after < before");
        }
        assertTrue(m.initializerBytes() < original.initializerBytes(), label);
        List<OutputFidelity> f = compare(original, m);
        f.forEach(o -> System.out.println("  " + o));
        assertTrue(f.stream().allMatch(o -> o.withinTolerance(OutputFidelity.LOSSLESS_TOLERANCE)), label + ": " + f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void fullEnergyOfFullRankWeightsChangesNothingAndARankRatioSaves(String label, TransformerSpec spec) {
        Model m = spec.build();
        byte[] before = ModelWriter.toBytes(m);
        Change none = apply(m, Map.of("energy", "1"));
        assertTrue(!none.modified(), none.summary());
        assertArrayEquals(before, ModelWriter.toBytes(m));

        Change c = apply(m, Map.of("rank-ratio", "0.25", "targets", "ffn"));
        assertTrue(c.modified(), c.summary());
        assertEquals(List.of(), GraphValidator.check(m), label);
        AnalysisTable t = c.analyses().get(0);
        assertTrue(t.rows().stream().noneMatch(r -> r.contains(" q") || r.contains(" o")), "ffn only: " + t.rows());
        for (int row = 0; row < t.rows().size(); row++) {
            double energy = t.value(row, 5);
            assertTrue(energy > 0.25 && energy < 1, label + " " + t.rows().get(row) + ": " + energy);
        }
        List<OutputFidelity> f = compare(ModelReader.read(before, "original"), m);
        assertTrue(f.stream().allMatch(o -> o.relativeError() > 0 && o.relativeError() < 1.5), label + ": " + f);
    }

    /**
     * After lowrank.svd every block is still found: each factored projection is one LOW_RANK projection of the shape it
     * had, reading the same input (x·A·B), so the steps after it (fusion, int8, the per-block analyses) see the blocks.
     * A step that rewrites one weight refuses it clearly, and a second lowrank.svd leaves the factors as they are.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void factoredProjectionsAreStillDiscovered(String label, TransformerSpec spec) {
        Model m = spec.build();
        TransformerStructure before = TransformerStructure.discover(m);
        Change c = apply(m, Map.of("rank-ratio", "0.25"));
        assertTrue(c.modified(), label + ": " + c.summary());
        AnalysisTable t = c.analyses().get(0);
        int factored = 0;
        for (int row = 0; row < t.rows().size(); row++) if (t.value(row, 4) < t.value(row, 3)) factored++;
        TransformerStructure after = TransformerStructure.discover(m);
        assertEquals(before.blockCount(), after.blockCount(), label);
        Projection lowRank = null;
        int found = 0;
        for (int i = 1; i <= before.blockCount(); i++) {
            List<Projection> was = before.block(i).projections();
            List<Projection> now = after.block(i).projections();
            assertEquals(was.size(), now.size(), label + " block " + i);
            for (int j = 0; j < was.size(); j++) {
                Projection p = now.get(j);
                assertEquals(was.get(j).inFeatures(), p.inFeatures(), label + ": " + p);
                assertEquals(was.get(j).outFeatures(), p.outFeatures(), label + ": " + p);
                assertTrue(was.get(j).input() == p.input(), label + ": " + p + " must read what it read before");
                if (p.quantization() == org.strata.onnx.structure.Quantization.LOW_RANK) {
                    found++;
                    lowRank = p;
                }
            }
        }
        assertEquals(factored, found, label + ": every factored weight is one low-rank projection");
        Projection p = lowRank;
        TechniqueException e = assertThrows(TechniqueException.class, () -> ProjectionWeights.of(p));
        assertTrue(e.getMessage().contains("two low-rank factors"), e.getMessage());

        byte[] bytes = ModelWriter.toBytes(m);
        Change again = apply(m, Map.of("rank-ratio", "0.25"));
        assertTrue(!again.modified() && again.details().get("not factored").contains("already factored"), again.toString());
        assertArrayEquals(bytes, ModelWriter.toBytes(m), label);
    }

    @Test
    void miniLmAtTwoSettingsAndActivationAwareAgainstPlain() {
        EmbeddedModel fp32 = EmbeddedModels.fp32();
        ModelRunner text = new ModelRunner(WordPieceTokenizer.load(fp32.tokenizer()), TextCorpus.builtIn().calibration(),
                SessionSettings.defaults());
        Map<String, Double> cosine = new java.util.LinkedHashMap<>();
        for (Map<String, String> params : List.of(Map.of("energy", "0.95", "targets", "ffn"),
                Map.of("rank-ratio", "0.5", "targets", "ffn"),
                Map.of("rank-ratio", "0.5", "targets", "ffn", "activation-aware", "false"),
                Map.of("rank-ratio", "0.35", "targets", "all"))) {
            Model m = ModelReader.read(fp32.model());
            long bytes = m.initializerBytes();
            Change c = apply(m, params, text);
            assertEquals(List.of(), GraphValidator.check(m));
            EmbeddingFidelity f;
            SessionSettings s = SessionSettings.defaults();
            try (var a = OrtSessions.open(fp32.model(), s); var b = OrtSessions.open(m, "candidate", s)) {
                f = new Evaluator().compareEmbeddings(a, b, WordPieceTokenizer.load(fp32.tokenizer()),
                        TextCorpus.builtIn().evaluation().subList(0, 40));
            } catch (ai.onnxruntime.OrtException e) {
                throw new AssertionError(e);
            }
            System.out.println("MiniLM lowrank " + params + ": " + c.summary() + "; model weights " + bytes + " → "
                    + m.initializerBytes() + "; " + f);
            assertTrue(m.initializerBytes() < bytes, params.toString());
            assertTrue(f.meanCosine() > 0.3 && f.meanCosine() < 0.9999, f.toString());
            cosine.put(params.toString(), f.meanCosine());
        }
        double aware = cosine.get(Map.of("rank-ratio", "0.5", "targets", "ffn").toString());
        double plain = cosine.get(Map.of("rank-ratio", "0.5", "targets", "ffn", "activation-aware", "false").toString());
        assertTrue(aware > plain + 0.1, "activation-aware " + aware + " against plain " + plain);
    }

    @Test
    void badInputIsRefusedAndNothingChanges() {
        Model m = EmbeddedModels.fp32() == null ? null : ModelReader.read(EmbeddedModels.fp32().model());
        byte[] before = ModelWriter.toBytes(m);
        for (Map<String, String> bad : List.of(Map.of("energy", "0"), Map.of("rank-ratio", "1"), Map.of("blocks", "9"),
                Map.of("targets", "heads"))) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> apply(m, bad));
            assertTrue(e instanceof TechniqueException || e instanceof ParameterException, e.toString());
            System.out.println(bad + ": " + e.getMessage());
            assertArrayEquals(before, ModelWriter.toBytes(m));
        }
        Model int8 = ModelReader.read(EmbeddedModels.int8().model());
        byte[] q = ModelWriter.toBytes(int8);
        TechniqueException e = assertThrows(TechniqueException.class, () -> apply(int8, Map.of()));
        assertTrue(e.getMessage().contains("before quantizing"), e.getMessage());
        assertArrayEquals(q, ModelWriter.toBytes(int8));
    }

    @Test
    void inAPipelineWithCleanupAndInt8() {
        List<Technique> list = List.of(new GraphCleanup(), TECHNIQUE, new DynamicInt8Quantization());
        TechniqueRegistry registry = new TechniqueRegistry() {
            @Override
            public List<Technique> techniques() {
                return list;
            }

            @Override
            public Optional<Technique> find(String id) {
                return list.stream().filter(t -> t.descriptor().id().equals(id)).findFirst();
            }
        };
        Pipeline p = StrataFactory.eINSTANCE.createPipeline();
        p.setName("lowrank and quantize");
        p.setStopOnFailure(true);
        List<Step> steps = new ArrayList<>();
        for (String id : List.of("cleanup.graph", "lowrank.svd", "quantize.dynamic-int8")) {
            Step s = StrataFactory.eINSTANCE.createStep();
            s.setTechniqueId(id);
            s.setTimeoutSeconds(600);
            steps.add(s);
        }
        ParameterValue ratio = StrataFactory.eINSTANCE.createParameterValue();
        ratio.setName("rank-ratio");
        ratio.setValue("0.5");
        steps.get(1).getParameters().add(ratio);
        p.getSteps().addAll(steps);
        EmbeddedModel fp32 = EmbeddedModels.fp32();
        PipelineEngine.Outcome o = new PipelineEngine(registry, "test").run(p, null, new PipelineEngine.Inputs(
                ModelReader.read(fp32.model()), "minilm", fp32.tokenizer(), TextCorpus.builtIn()),
                new RunSettings(1, 1, List.of(16), 2, 0, 16), ProgressMonitor.NULL);
        RunRecord r = o.record();
        for (StepResult s : r.getSteps()) System.out.println(s.getTechniqueId() + ": " + s.getStatus() + " " + s.getSummary() + " " + s.getMessage());
        assertEquals(RunStatus.SUCCEEDED, r.getStatus(), r.getLog().toString());
        for (StepResult s : r.getSteps()) assertEquals(StepStatus.APPLIED, s.getStatus(), s.getTechniqueId() + ": " + s.getMessage());
        assertTrue(r.getSteps().get(1).getAnalyses().stream().anyMatch(a -> a.getId().equals("lowrank-factors")));
        double cosine = r.getSteps().get(2).getMetrics().stream().filter(m -> m.getName().equals("cosine.mean"))
                .mapToDouble(Metric::getValue).findFirst().orElseThrow();
        assertTrue(cosine > 0.3, "cosine " + cosine);
        assertTrue(o.model().graph().nodes().stream().noneMatch(n -> n.is("MatMul") && n.input(1) != null
                && n.input(1).isInitializer()), "every constant product is quantized");
        // the factored, quantized blocks are still recognised (int8 quantized the embedding tables, which needs them)
        TransformerStructure s = TransformerStructure.discover(o.model());
        assertEquals(6, s.blockCount());
        assertTrue(s.blocks().stream().allMatch(b -> b.ffn().up().quantization() == org.strata.onnx.structure.Quantization.LOW_RANK),
                "the factored up projections: " + s.blocks().stream().map(b -> b.ffn().up()).toList());
        assertTrue(r.getSteps().get(2).getSummary().contains("embedding tables"), r.getSteps().get(2).getSummary());
    }

    @Test
    void descriptor() {
        var d = TECHNIQUE.descriptor();
        assertEquals("lowrank.svd", d.id());
        assertEquals("lowrank", d.family());
        assertEquals(List.of("energy", "rank-ratio", "targets", "blocks", "activation-aware", "calibration-texts"),
                d.parameters().stream().map(x -> x.name()).toList());
        assertEquals(0.99, d.parameter("energy").orElseThrow().defaultValue());
    }
}
