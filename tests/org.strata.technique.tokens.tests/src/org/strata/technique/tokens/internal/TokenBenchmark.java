package org.strata.technique.tokens.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.strata.core.Technique;
import org.strata.onnx.Model;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.runtime.Evaluator;
import org.strata.runtime.FeedSource;
import org.strata.runtime.LatencyBenchmark;
import org.strata.runtime.Padding;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;

import ai.onnxruntime.OrtSession;

/**
 * The targets on MiniLM, measured side by side (1 thread, ORT_ENABLE_ALL, interleaved rounds, medians):
 * latency ratios and embedding fidelity (mean cosine of mean-pooled embeddings on the corpus's long passages).
 * Skipped unless {@code -Dstrata.bench=true} (all, about 15 minutes), {@code =targets} (the targets at seq 256,
 * the same-budget and two-stage schedules and the sweep over sequence lengths, about 5 minutes) or {@code =table}:
 *
 * <pre>
 * ./mvnw -B -o verify -Dstrata.bench=targets -Dtest=TokenBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Latency is measured on real text without padding at every length (the passages joined), so that the
 * reduction is credited only for what it drops, never for padding it compacts. Numbers on a shared machine are
 * noisy: compare ratios measured in the same run, not absolute times across runs.
 */
class TokenBenchmark {
    private static final String TARGETS = "true|targets";
    private static final String TABLE = "true|table";
    private static final int ROUNDS = Integer.getInteger("strata.bench.rounds", 30);
    private static Model original;
    private static WordPieceTokenizer tokenizer;
    private static List<String> passages;
    private static FeedSource text;

    @BeforeAll
    static void load() {
        if (!System.getProperty("strata.bench", "false").matches(TARGETS + "|" + TABLE)) return;
        original = Runs.miniLm();
        tokenizer = Runs.tokenizer();
        passages = TextCorpus.builtIn().passages().evaluation();
        String joined = String.join(" ", TextCorpus.builtIn().passages().calibration());
        text = (inputs, length) -> inputs.forTexts(tokenizer, List.of(joined), Padding.fixed(length));
    }

    record Variant(String name, Technique technique, Map<String, Object> params) {
    }

    static List<Variant> methods(int block, double keep) {
        Map<String, Object> at = Map.of(TokenDrop.BLOCKS, List.of(block), TokenParameters.KEEP, List.of(Double.toString(keep)));
        return List.of(
                new Variant("drop defaults", new TokenDrop(), at),
                new Variant("drop rejoin", new TokenDrop(), with(at, TokenDrop.DROPPED, "rejoin", TokenDrop.IMPORTANCE, "cls-attention",
                        TokenParameters.NEXT_BLOCK_KEYS, "kept")),
                new Variant("drop merge-nearest (old)", new TokenDrop(), with(at, TokenDrop.IMPORTANCE, "cls-attention",
                        TokenDrop.MERGE_WEIGHTS, "size", TokenParameters.NEXT_BLOCK_KEYS, "kept")),
                new Variant("merge (ToMe)", new TokenMerge(), Map.of(TokenParameters.BLOCK, block, TokenParameters.KEEP, keep)),
                new Variant("pool kmeans", new TokenPool(), Map.of(TokenParameters.BLOCK, block, TokenParameters.KEEP, keep)),
                new Variant("pool window", new TokenPool(), Map.of(TokenParameters.BLOCK, block, TokenParameters.KEEP, keep,
                        TokenPool.METHOD, "window")));
    }

    /** The parts of the defaults one at a time, after block 2 at 50 %: what each costs and gives. */
    static List<Variant> ablation() {
        Map<String, Object> at = Map.of(TokenDrop.BLOCKS, List.of(2), TokenParameters.KEEP, List.of("0.5"));
        return List.of(
                new Variant("old merge-nearest (cls-attention, by size, kept keys)", new TokenDrop(), with(at, TokenDrop.IMPORTANCE,
                        "cls-attention", TokenDrop.MERGE_WEIGHTS, "size", TokenParameters.NEXT_BLOCK_KEYS, "kept")),
                new Variant("+ attention-weighted merge", new TokenDrop(), with(at, TokenDrop.IMPORTANCE, "cls-attention",
                        TokenParameters.NEXT_BLOCK_KEYS, "kept")),
                new Variant("+ next-cls-attention (kept keys)", new TokenDrop(), with(at, TokenParameters.NEXT_BLOCK_KEYS, "kept")),
                new Variant("old merge-nearest + next-block-keys=all", new TokenDrop(), with(at, TokenDrop.IMPORTANCE, "cls-attention",
                        TokenDrop.MERGE_WEIGHTS, "size")),
                new Variant("defaults (all three)", new TokenDrop(), at),
                new Variant("merge (ToMe), kept keys", new TokenMerge(), Map.of(TokenParameters.NEXT_BLOCK_KEYS, "kept")),
                new Variant("merge (ToMe), all keys", new TokenMerge(), Map.of()),
                new Variant("pool kmeans, kept keys", new TokenPool(), Map.of(TokenParameters.NEXT_BLOCK_KEYS, "kept")),
                new Variant("pool kmeans, all keys", new TokenPool(), Map.of()));
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }

    static Model reduce(Variant v) {
        Model m = Runs.copy(original);
        Runs.apply(v.technique(), m, v.params());
        return m;
    }

    static double cosine(OrtSession a, OrtSession b, int seq) {
        EmbeddingFidelity f = new Evaluator(new Evaluator.Settings(1, seq)).compareEmbeddings(a, b, tokenizer, passages);
        return f.meanCosine();
    }

    static LatencyBenchmark.LatencyReport latency(OrtSession a, OrtSession b, List<Integer> seqs) {
        return new LatencyBenchmark(new LatencyBenchmark.Settings(3, ROUNDS, seqs)).compare(a, b, text);
    }

    /**
     * Two-stage schedules against the single stage of the targets, each alone (fp32) and with clean-up + fusion +
     * int8: whether spending the token budget differently buys speed for the combined target at the same fidelity.
     */
    @Test
    @EnabledIfSystemProperty(named = "strata.bench", matches = TARGETS)
    void twoStageSchedulesForTheCombinedTarget() throws Exception {
        String[][] schedules = {{"2", "0.5"}, {"1,3", "0.75,0.4"}, {"1,3", "0.7,0.35"}, {"2,4", "0.6,0.35"}, {"2,3", "0.6,0.4"},
                {"1,2", "0.75,0.45"}, {"2,4", "0.55,0.4"}, {"1,4", "0.7,0.4"}};
        StringBuilder out = new StringBuilder("\n== tokens.drop schedules, seq 256, " + passages.size() + " passages: alone | with fusion + int8 ==\n");
        List<String> log = new ArrayList<>();
        try (OrtSession a = Runs.session(original)) {
            for (String[] sc : schedules) {
                List<Integer> blocks = new ArrayList<>();
                for (String x : sc[0].split(",")) blocks.add(Integer.parseInt(x));
                Map<String, Object> p = Map.of(TokenDrop.BLOCKS, blocks, TokenParameters.KEEP, List.of(sc[1].split(",")));
                Model alone = reduce(new Variant(sc[0], new TokenDrop(), p));
                Model combined = Pipelines.run(original, Pipelines.with(Pipelines.step(TokenDrop.ID, p), Pipelines.fuseAndInt8()), log);
                try (OrtSession b = Runs.session(alone); OrtSession c = Runs.session(combined)) {
                    out.append(String.format(Locale.ROOT, "  blocks %-5s keep %-10s latency %.3f x  cosine %.4f | %.2f x faster  cosine %.4f%n",
                            sc[0], sc[1], latency(a, b, List.of(256)).rows().get(0).ratio(), cosine(a, b, 256),
                            1 / latency(a, c, List.of(256)).rows().get(0).ratio(), cosine(a, c, 256)));
                }
            }
        }
        System.out.println(out);
    }

    @Test
    @EnabledIfSystemProperty(named = "strata.bench", matches = TARGETS)
    void targetsAtSequence256() throws Exception {
        StringBuilder out = new StringBuilder("\n== MiniLM, keep 50 % after block 2 (blocks 3-6 on half the tokens), seq 256, "
                + passages.size() + " passages ==\n");
        Model best = null;
        double bestCosine = -1;
        try (OrtSession a = Runs.session(original)) {
            for (Variant v : methods(2, 0.5)) {
                Model m = reduce(v);
                try (OrtSession b = Runs.session(m)) {
                    double ratio = latency(a, b, List.of(256)).rows().get(0).ratio();
                    double cos = cosine(a, b, 256);
                    out.append(String.format(Locale.ROOT, "  %-20s latency %.3f x   mean cosine %.4f%n", v.name(), ratio, cos));
                    if (cos > bestCosine) {
                        bestCosine = cos;
                        best = m;
                    }
                }
            }

            out.append("== with clean-up + fusion + int8, seq 256, against fp32 ==\n");
            List<String> log = new ArrayList<>();
            Map<String, Model> combined = new java.util.LinkedHashMap<>();
            combined.put("fusion + int8", Pipelines.run(original, Pipelines.fuseAndInt8(), log));
            combined.put("tokens.drop (old merge-nearest) + fusion + int8", Pipelines.run(original, Pipelines.with(Pipelines.step(TokenDrop.ID,
                    Map.of(TokenDrop.IMPORTANCE, "cls-attention", TokenDrop.MERGE_WEIGHTS, "size", TokenParameters.NEXT_BLOCK_KEYS, "kept")),
                    Pipelines.fuseAndInt8()), log));
            combined.put("tokens.drop (defaults) + fusion + int8", Pipelines.run(original, Pipelines.with(Pipelines.step(TokenDrop.ID,
                    Map.of()), Pipelines.fuseAndInt8()), log));
            // without proportional attention the later blocks' bias is a plain mask, so blocks 4-6 fuse into QAttention
            combined.put("tokens.drop (defaults, proportional off) + fusion + int8", Pipelines.run(original, Pipelines.with(
                    Pipelines.step(TokenDrop.ID, Map.of(TokenParameters.PROPORTIONAL, false)), Pipelines.fuseAndInt8()), log));
            for (var e : combined.entrySet()) {
                try (OrtSession b = Runs.session(e.getValue())) {
                    double ratio = latency(a, b, List.of(256)).rows().get(0).ratio();
                    out.append(String.format(Locale.ROOT, "  %-58s %.2f x faster   mean cosine %.4f%n", e.getKey(), 1 / ratio, cosine(a, b, 256)));
                }
            }

            out.append("== latency by sequence length (real text, no padding): original vs the most faithful (block 2, 50 %) ==\n");
            try (OrtSession b = Runs.session(best)) {
                for (LatencyBenchmark.SequenceLatency row : latency(a, b, List.of(64, 128, 256, 384, 512)).rows()) {
                    out.append(String.format(Locale.ROOT, "  seq %3d   original %7.2f ms   reduced %7.2f ms   ratio %.3f%n", row.sequenceLength(),
                            row.a().medianMillis(), row.b().medianMillis(), row.ratio()));
                }
            }
        }
        System.out.println(out);
    }

    @Test
    @EnabledIfSystemProperty(named = "strata.bench", matches = TARGETS)
    void whatEachPartOfTheDefaultsCostsAndGives() throws Exception {
        StringBuilder out = new StringBuilder("\n== MiniLM, 50 % after block 2, seq 256, " + passages.size() + " passages: parts of the defaults ==\n");
        try (OrtSession a = Runs.session(original)) {
            for (Variant v : ablation()) {
                try (OrtSession b = Runs.session(reduce(v))) {
                    out.append(String.format(Locale.ROOT, "  %-56s latency %.3f x   mean cosine %.4f%n", v.name(),
                            latency(a, b, List.of(256)).rows().get(0).ratio(), cosine(a, b, 256)));
                }
            }
        }
        System.out.println(out);
    }

    /**
     * Schedules with the same token budget as "50 % after block 2" (blocks 3–6 run on half of the tokens on
     * average): staged dropping (PyramidDrop, geometric 0.7245ⁿ after blocks 2–5) and ToMe's per-block merging
     * (down to 20 % after block 5).
     */
    @Test
    @EnabledIfSystemProperty(named = "strata.bench", matches = TARGETS)
    void schedulesWithTheSameTokenBudget() throws Exception {
        List<String> geometric = List.of("0.7245", "0.5249", "0.3803", "0.2755");
        List<Variant> variants = List.of(
                new Variant("drop defaults, after block 2 only", new TokenDrop(), Map.of()),
                new Variant("drop defaults, 4 stages", new TokenDrop(), Map.of(TokenDrop.BLOCKS, List.of(2, 3, 4, 5),
                        TokenParameters.KEEP, geometric)),
                new Variant("merge per-block (ToMe r)", new TokenMerge(), Map.of(TokenMerge.SCHEDULE, "per-block", TokenParameters.KEEP, 0.2)));
        StringBuilder out = new StringBuilder("\n== MiniLM, same token budget as blocks 3-6 on 50 %, seq 256, " + passages.size() + " passages ==\n");
        try (OrtSession a = Runs.session(original)) {
            for (Variant v : variants) {
                try (OrtSession b = Runs.session(reduce(v))) {
                    out.append(String.format(Locale.ROOT, "  %-40s latency %.3f x   mean cosine %.4f%n", v.name(),
                            latency(a, b, List.of(256)).rows().get(0).ratio(), cosine(a, b, 256)));
                }
            }
        }
        System.out.println(out);
    }

    @Test
    @EnabledIfSystemProperty(named = "strata.bench", matches = TABLE)
    void tableOverMethodBlockAndKeepRatio() {
        StringBuilder out = new StringBuilder("\n== MiniLM: method x block x keep; latency ratio and mean cosine on "
                + passages.size() + " passages ==\n");
        out.append(String.format(Locale.ROOT, "  %-26s %5s %5s | %8s %8s | %8s %8s%n", "method", "block", "keep", "lat@128", "cos@128", "lat@256", "cos@256"));
        try (OrtSession a = Runs.session(original)) {
            for (int block : new int[] {1, 2, 3}) {
                for (double keep : new double[] {0.25, 0.5, 0.75}) {
                    for (Variant v : methods(block, keep)) {
                        try (OrtSession b = Runs.session(reduce(v))) {
                            List<LatencyBenchmark.SequenceLatency> rows = latency(a, b, List.of(128, 256)).rows();
                            out.append(String.format(Locale.ROOT, "  %-26s %5d %5.2f | %8.3f %8.4f | %8.3f %8.4f%n", v.name(), block, keep,
                                    rows.get(0).ratio(), cosine(a, b, 128), rows.get(1).ratio(), cosine(a, b, 256)));
                        } catch (Exception e) {
                            throw new AssertionError(v.name() + " block " + block + " keep " + keep, e);
                        }
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        System.out.println(out);
    }
}
