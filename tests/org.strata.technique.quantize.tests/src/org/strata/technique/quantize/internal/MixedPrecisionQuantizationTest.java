package org.strata.technique.quantize.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.strata.core.AnalysisTable;
import org.strata.core.Change;
import org.strata.core.ModelRunner;
import org.strata.core.Parameters;
import org.strata.core.TargetRuntime;
import org.strata.core.TechniqueContext;
import org.strata.core.TechniqueException;
import org.strata.core.TechniqueRegistry;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.Projection;
import org.strata.onnx.structure.Quantization;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;
import org.strata.testing.SyntheticTransformers;

/**
 * quantize.mixed on MiniLM and on synthetic families: the sensitivity ranking, a fixed number of fp32 blocks,
 * the goal search, and what it refuses.
 */
class MixedPrecisionQuantizationTest {
    private static final MixedPrecisionQuantization TECHNIQUE = new MixedPrecisionQuantization();
    private static final ModelRunner MINILM_RUNNER = new ModelRunner(WordPieceTokenizer.load(EmbeddedModels.fp32().tokenizer()),
            TextCorpus.builtIn().calibration(), SessionSettings.defaults());
    private static final ModelRunner RANDOM_RUNNER = new ModelRunner(null, List.of(), SessionSettings.defaults());

    private static Change apply(Model m, Map<String, String> params, ModelRunner runner, List<String> log) {
        Parameters p = Parameters.parse(TECHNIQUE.descriptor(), params);
        return TECHNIQUE.apply(m, p, TechniqueContext.simple(m, TargetRuntime.ONNXRUNTIME, TextCorpus.builtIn().calibration(), log::add, runner));
    }

    /** Block numbers whose projections are all float, and the ones all int8; fails on a block that is half and half. */
    private static Set<Integer> floatBlocks(Model m) {
        Set<Integer> floats = new TreeSet<>();
        for (Block b : TransformerStructure.discover(m).blocks()) {
            long q = b.projections().stream().filter(p -> p.quantization() == Quantization.DYNAMIC_INT8).count();
            assertTrue(q == 0 || q == b.projections().size(), "block " + b.number() + " is partly quantized: " + b.projections());
            if (q == 0) floats.add(b.number());
        }
        return floats;
    }

    private static AnalysisTable analysis(Change c, String id) {
        return c.analyses().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no " + id + " in " + c.analyses()));
    }

    @Test
    void keepsTheMostSensitiveBlockFp32OnMiniLm() {
        Model m = MiniLmQuantization.fp32();
        List<String> log = new ArrayList<>();
        Change c = apply(m, Map.of("keep-fp32-blocks", "1", "texts", "8"), MINILM_RUNNER, log);
        System.out.println(c.summary() + "\n" + c.details() + "\n" + String.join("\n", log));
        assertEquals(List.of(), GraphValidator.check(m));
        AnalysisTable s = analysis(c, "quantize-sensitivity");
        assertEquals(AnalysisTable.Kind.BARS, s.kind());
        assertEquals(7, s.rows().size(), "6 blocks and the embedding tables: " + s.rows());
        // the block with the largest sensitivity is the one left float
        int worst = -1;
        double max = -1;
        for (int r = 0; r < 6; r++) {
            assertTrue(s.value(r, 0) > 0 && s.value(r, 0) < 0.05, s.rows().get(r) + " " + s.value(r, 0));
            if (s.value(r, 0) > max) {
                max = s.value(r, 0);
                worst = r + 1;
            }
        }
        assertEquals(Set.of(worst), floatBlocks(m), c.summary());
        assertTrue(s.rows().get(worst - 1).contains("fp32"), s.rows().toString());
        assertEquals(5, c.blocksTouched().size());
        assertTrue(c.summary().contains("kept block " + worst + " fp32") && c.summary().contains("5 of 6 blocks"), c.summary());
        assertTrue(m.initializerBytes() < 40_000_000L, "most weights are int8: " + m.initializerBytes());

        // keeping the most sensitive block float is at least as faithful as quantizing everything
        Model full = MiniLmQuantization.fp32();
        MiniLmQuantization.quantize(full, Map.of());
        EmbeddingFidelity mixed = MiniLmQuantization.fidelity(m);
        EmbeddingFidelity all = MiniLmQuantization.fidelity(full);
        System.out.println("evaluation cosine: mixed " + mixed.meanCosine() + ", all int8 " + all.meanCosine());
        assertTrue(mixed.meanCosine() >= all.meanCosine() - 1e-4, mixed + " vs " + all);
    }

    @Test
    void searchesForTheFewestFp32UnitsThatMeetTheGoal() {
        Model reference = MiniLmQuantization.fp32();
        Model full = MiniLmQuantization.fp32();
        MiniLmQuantization.quantize(full, Map.of());
        double allInt8 = MINILM_RUNNER.agreement(reference, full, 8).meanCosine();
        // a goal between everything int8 and the float model: at least one unit must go back to fp32
        double goal = 1 - (1 - allInt8) * 0.6;
        Model m = MiniLmQuantization.fp32();
        Change c = apply(m, Map.of("min-cosine", Double.toString(goal), "texts", "8"), MINILM_RUNNER, new ArrayList<>());
        System.out.println("goal " + goal + " (all int8: " + allInt8 + "): " + c.summary());
        AnalysisTable search = analysis(c, "mixed-precision-search");
        assertEquals(AnalysisTable.Kind.TABLE, search.kind());
        int last = search.rows().size() - 1;
        assertTrue(last >= 1, "the search kept something fp32: " + search.rows());
        assertEquals("all quantized", search.rows().get(0));
        assertEquals(allInt8, search.value(0, 1), 1e-5, "the first trial is the whole model in int8");
        assertTrue(search.value(last, 1) >= goal, "the last trial meets the goal");
        assertTrue(search.value(last - 1, 1) < goal, "the one before does not");
        assertEquals(last, (int) search.value(last, 0));
        double measured = MINILM_RUNNER.agreement(reference, m, 8).meanCosine();
        assertEquals(search.value(last, 1), measured, 1e-6, "the model returned is the mix that was measured");
        assertTrue(c.summary().contains("\u2265"), c.summary());
    }

    @Test
    void anUnreachableGoalFailsWithTheNumbersAndLeavesTheModelAlone() {
        Model m = MiniLmQuantization.fp32();
        byte[] before = ModelWriter.toBytes(m);
        TechniqueException e = assertThrows(TechniqueException.class,
                () -> apply(m, Map.of("min-cosine", "1", "texts", "4", "quantize-embeddings", "false"), MINILM_RUNNER, new ArrayList<>()));
        assertTrue(e.getMessage().contains("min-cosine 1.0 is out of reach") && e.getMessage().contains("keep-fp32-blocks"), e.getMessage());
        assertArrayEquals(before, ModelWriter.toBytes(m), "nothing half-written");
    }

    @Test
    void badInputIsRefusedClearly() {
        Model m = MiniLmQuantization.fp32();
        TechniqueException tooMany = assertThrows(TechniqueException.class,
                () -> apply(m, Map.of("keep-fp32-blocks", "7"), MINILM_RUNNER, new ArrayList<>()));
        assertEquals("keep-fp32-blocks is 7 but the model has 6 blocks", tooMany.getMessage());
        Model int8 = ModelReader.read(EmbeddedModels.int8().model());
        TechniqueException quantized = assertThrows(TechniqueException.class,
                () -> apply(int8, Map.of("keep-fp32-blocks", "1"), MINILM_RUNNER, new ArrayList<>()));
        assertTrue(quantized.getMessage().contains("already quantized"), quantized.getMessage());
        TechniqueException noRunner = assertThrows(TechniqueException.class,
                () -> apply(MiniLmQuantization.fp32(), Map.of(), null, new ArrayList<>()));
        assertTrue(noRunner.getMessage().contains("cannot run models"), noRunner.getMessage());
    }

    @Test
    void otherFamilies() {
        // LLaMA: 4 blocks, LM head as one more unit, random tokens; two blocks stay float
        Model llama = SyntheticTransformers.llama().layers(4).vocab(1000).build();
        Model original = ModelReader.read(ModelWriter.toBytes(llama), "llama");
        Change c = apply(llama, Map.of("keep-fp32-blocks", "2", "texts", "4"), RANDOM_RUNNER, new ArrayList<>());
        System.out.println("LLaMA: " + c.summary());
        assertEquals(2, floatBlocks(llama).size(), c.summary());
        AnalysisTable s = analysis(c, "quantize-sensitivity");
        assertTrue(s.rows().stream().anyMatch(r -> r.startsWith("other products")), "the LM head is a unit: " + s.rows());
        assertEquals(Quantization.DYNAMIC_INT8, TransformerStructure.discover(llama).head().projection().quantization());
        assertEquals(List.of(), GraphValidator.check(llama));
        assertTrue(RANDOM_RUNNER.agreement(original, llama, 4).meanCosine() > 0.99);

        // GPT, goal mode with an easy goal: everything is quantized, nothing kept
        Model gpt = SyntheticTransformers.gpt().layers(3).vocab(1000).build();
        Change g = apply(gpt, Map.of("min-cosine", "0.5", "texts", "4"), RANDOM_RUNNER, new ArrayList<>());
        assertEquals(Set.of(), floatBlocks(gpt), g.summary());
        assertTrue(g.summary().contains("nothing kept fp32"), g.summary());
        assertEquals(1, analysis(g, "mixed-precision-search").rows().size());
        for (Block b : TransformerStructure.discover(gpt).blocks()) {
            for (Projection p : b.projections()) assertEquals(Quantization.DYNAMIC_INT8, p.quantization(), "block " + b.number());
        }
    }

    @Test
    void theRegistryBindsItAndItsParametersAreDeclared() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(MixedPrecisionQuantization.class);
        if (bundle.getState() != Bundle.ACTIVE) bundle.start(Bundle.START_TRANSIENT);
        BundleContext context = bundle.getBundleContext();
        TechniqueRegistry registry = null;
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && (registry == null || registry.find(MixedPrecisionQuantization.ID).isEmpty())) {
            ServiceReference<TechniqueRegistry> ref = context.getServiceReference(TechniqueRegistry.class);
            if (ref != null) registry = context.getService(ref);
            Thread.sleep(50);
        }
        assertNotNull(registry);
        assertEquals(MixedPrecisionQuantization.class.getName(), registry.require(MixedPrecisionQuantization.ID).getClass().getName());
        var d = TECHNIQUE.descriptor();
        assertEquals(List.of("min-cosine", "keep-fp32-blocks", "texts", "quantize-embeddings", "quantize-other-products", "form",
                "per-channel", "symmetric", "weight-type", "reduce-range"), d.parameters().stream().map(p -> p.name()).toList());
        assertEquals(0.995, d.parameter("min-cosine").orElseThrow().defaultValue());
        assertTrue(!d.lossless());
    }
}
