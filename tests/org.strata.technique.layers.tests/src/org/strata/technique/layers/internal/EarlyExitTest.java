package org.strata.technique.layers.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.core.Change;
import org.strata.core.ModelRunner;
import org.strata.core.TechniqueException;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.Node;
import org.strata.onnx.Value;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.runtime.FeedSource;
import org.strata.runtime.LatencyBenchmark;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;
import org.strata.testing.TransformerSpec;

import ai.onnxruntime.OrtSession;

/** layers.exit, static and dynamic, on every family (ONNX Runtime as the oracle) and on MiniLM with measured latency. */
class EarlyExitTest {

    static Stream<Arguments> families() {
        List<Arguments> out = new ArrayList<>();
        for (TransformerSpec base : LayerTestSupport.families()) {
            for (int layers : new int[] {3, 4}) out.add(Arguments.of(base.family() + ", " + layers + " blocks", LayerTestSupport.sized(base, layers)));
        }
        return out.stream();
    }

    private static List<String> outputs(Model m) {
        return m.graph().outputs().stream().map(v -> v.name() + " " + v.type()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void staticExitKeepsTheOutputsAndIsExactWhenTheTailAddsNothing(String label, TransformerSpec spec) {
        Model original = spec.build();
        int n = spec.layers();
        if (spec.preLn()) LayerTestSupport.neutralize(original, n);
        Model m = LayerTestSupport.copy(original);
        Change c = LayerTestSupport.apply(new EarlyExit(), m, Map.of(EarlyExit.BLOCK, n - 1), LayerTestSupport.randomRunner());
        assertEquals(List.of(n), c.blocksTouched());
        assertEquals(n - 1, TransformerStructure.discover(m).blockCount());
        assertEquals(outputs(original), outputs(m), label + ": outputs keep names and types");
        double err = LayerTestSupport.maxRelativeError(original, m);
        if (spec.preLn()) assertTrue(err <= 1e-4, label + ": the last block added nothing; error " + err);
        else assertTrue(err > 1e-3, label + ": error " + err);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void dynamicExitRunsTheRestOrOnlyTheHeadAndBothBranchesKeepTheOutputs(String label, TransformerSpec spec) {
        Model original = spec.build();
        int n = spec.layers();
        Model truncated = LayerTestSupport.copy(original);
        LayerTestSupport.apply(new EarlyExit(), truncated, Map.of(EarlyExit.BLOCK, 1), LayerTestSupport.randomRunner());

        Model never = LayerTestSupport.copy(original);
        Change c = LayerTestSupport.apply(new EarlyExit(), never, Map.of(EarlyExit.BLOCK, 1, EarlyExit.MODE, "dynamic", EarlyExit.THRESHOLD, 0.0,
                "texts", 4), LayerTestSupport.randomRunner());
        assertEquals("0.0 %", c.details().get("calibration-exit-share"));
        Model always = LayerTestSupport.copy(original);
        Change a = LayerTestSupport.apply(new EarlyExit(), always, Map.of(EarlyExit.BLOCK, 1, EarlyExit.MODE, "dynamic", EarlyExit.THRESHOLD, 1000.0,
                "texts", 4), LayerTestSupport.randomRunner());
        assertEquals("100.0 %", a.details().get("calibration-exit-share"));

        for (Model m : List.of(never, always)) {
            List<Node> ifs = m.graph().nodes().stream().filter(x -> x.is("If")).toList();
            assertEquals(1, ifs.size(), label);
            for (Graph branch : ifs.get(0).subgraphs()) assertEquals(m.graph().outputs().size(), branch.outputs().size());
            assertEquals(outputs(original), outputs(m), label + ": outputs keep names and types");
            assertEquals(n, c.blocksTouched().size());
        }
        double stays = LayerTestSupport.maxRelativeError(original, never);
        double exits = LayerTestSupport.maxRelativeError(truncated, always);
        assertTrue(stays <= 1e-4, label + ": threshold 0 never exits, error " + stays);
        assertTrue(exits <= 1e-4, label + ": a huge threshold always exits after block 1, error against the truncated model " + exits);
        assertTrue(LayerTestSupport.maxRelativeError(original, always) > 1e-3, label + ": exiting early changes the outputs");
    }

    @Test
    void miniLmDynamicExitLatencyAndFidelityOnTheEvaluationSplit() throws Exception {
        EmbeddedModel embedded = LayerTestSupport.embedded();
        Model original = LayerTestSupport.miniLm();
        ModelRunner runner = LayerTestSupport.miniLmRunner();
        Model probe = LayerTestSupport.copy(original);
        double[] change = EarlyExit.relativeChange(probe, TransformerStructure.discover(probe).block(5), runner, 64);
        double[] sorted = change.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        StringBuilder report = new StringBuilder("MiniLM early exit after block 5 (evaluation split; latency at batch 1, 1 thread, interleaved):\n");
        WordPieceTokenizer tokenizer = WordPieceTokenizer.load(embedded.tokenizer());
        SessionSettings settings = SessionSettings.defaults();
        for (Object[] variant : new Object[][] {{"static", 0.0}, {"dynamic", median}, {"dynamic", 0.0}}) {
            Model m = LayerTestSupport.copy(original);
            Map<String, Object> params = Map.of(EarlyExit.BLOCK, 5, EarlyExit.MODE, variant[0], EarlyExit.THRESHOLD, variant[1], "texts", 64);
            Change c = LayerTestSupport.apply(new EarlyExit(), m, params, runner);
            EmbeddingFidelity f = LayerTestSupport.evaluation(m);
            double ratio;
            try (OrtSession a = OrtSessions.open(embedded.model(), settings); OrtSession b = OrtSessions.open(LayerTestSupport.copy(m), "exit", settings)) {
                LatencyBenchmark.LatencyReport lat = new LatencyBenchmark(new LatencyBenchmark.Settings(2, 12, List.of(128)))
                        .compare(a, b, FeedSource.texts(tokenizer, TextCorpus.builtIn().passages().evaluation(), 1));
                ratio = lat.rows().get(0).ratio();
            }
            report.append(String.format("  %s threshold %.4f: %s of calibration inputs exit; evaluation cosine %.4f (min %.4f); latency ratio %.3f at 128 tokens%n",
                    variant[0], (double) variant[1], c.details().getOrDefault("calibration-exit-share", "100 %"), f.meanCosine(), f.minCosine(), ratio));
            if (variant[0].equals("dynamic") && (double) variant[1] == 0.0) assertTrue(f.meanCosine() > 0.99999, report.toString());
            else assertTrue(f.meanCosine() < 0.99, report.toString());
        }
        System.out.println(report);
    }

    @Test
    void badRequestsAreRefusedWithTheReasonAndChangeNothing() {
        Model m = LayerTestSupport.families().get(1).layers(3).build();
        byte[] before = ModelWriter.toBytes(m);
        ModelRunner r = LayerTestSupport.randomRunner();
        assertRefused(m, Map.of(EarlyExit.BLOCK, 3), r, "block 3 is out of range", "from 1 to 2");
        assertRefused(m, Map.of(EarlyExit.BLOCK, 7, EarlyExit.MODE, "dynamic"), r, "block 7 is out of range");
        assertRefused(m, Map.of(EarlyExit.MIN_COSINE, 1.0, "texts", 2), r, "no block before the last keeps mean cosine 1.0");
        assertArrayEquals(before, ModelWriter.toBytes(m));
        Model one = LayerTestSupport.families().get(1).layers(1).build();
        assertRefused(one, Map.of(), r, "single block");

        // A per-layer output computed inside a later block cannot come out of an early exit.
        Model cache = LayerTestSupport.families().get(2).layers(3).build();
        Value qkv = TransformerStructure.discover(cache).block(3).attention().qkv().output();
        Node present = cache.graph().addNode("Identity", List.of(qkv), "present.2");
        present.output(0).setType(qkv.type());
        cache.graph().addOutput(present.output(0));
        byte[] cacheBefore = ModelWriter.toBytes(cache);
        assertRefused(cache, Map.of(EarlyExit.BLOCK, 1, EarlyExit.MODE, "dynamic", "texts", 2), r, "output 'present.2'", "mode=static");
        assertArrayEquals(cacheBefore, ModelWriter.toBytes(cache));
    }

    private static void assertRefused(Model m, Map<String, ?> params, ModelRunner r, String... fragments) {
        TechniqueException e = assertThrows(TechniqueException.class,
                () -> LayerTestSupport.apply(new EarlyExit(), m, params, r, new ArrayList<>()), params.toString());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should say " + f);
    }
}
