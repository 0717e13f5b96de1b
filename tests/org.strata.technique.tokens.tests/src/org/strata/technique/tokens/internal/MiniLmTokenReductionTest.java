package org.strata.technique.tokens.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.core.Change;
import org.strata.core.Technique;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.runtime.Evaluator;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** The three token techniques on the embedded MiniLM (6 blocks), with ONNX Runtime as the oracle. */
class MiniLmTokenReductionTest {
    private static Model original;
    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void load() {
        original = Runs.miniLm();
        tokenizer = Runs.tokenizer();
    }

    /** A technique with its parameters, named for the test report. */
    record Variant(String name, Technique technique, Map<String, Object> params) {
        Variant with(String key, Object value) {
            Map<String, Object> p = new java.util.HashMap<>(params);
            p.put(key, value);
            return new Variant(name, technique, p);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The defaults of tokens.drop (next-cls-attention, merged by attention, the next block on every token's keys). */
    static final String DEFAULTS = "drop defaults";
    /** The most faithful tokens.drop before the defaults changed. */
    static final String OLD_MERGE = "drop merge-nearest by size, kept keys";
    /** tokens.drop's defaults before they changed. */
    static final String OLD_DEFAULT = "drop rejoin";

    static List<Variant> variants() {
        return List.of(new Variant(DEFAULTS, new TokenDrop(), Map.of()),
                new Variant(OLD_DEFAULT, new TokenDrop(), Map.of(TokenDrop.DROPPED, "rejoin", TokenDrop.IMPORTANCE, "cls-attention",
                        TokenParameters.NEXT_BLOCK_KEYS, "kept")),
                new Variant(OLD_MERGE, new TokenDrop(), Map.of(TokenDrop.IMPORTANCE, "cls-attention", TokenDrop.MERGE_WEIGHTS, "size",
                        TokenParameters.NEXT_BLOCK_KEYS, "kept")),
                new Variant("drop next-cls-attention, kept keys", new TokenDrop(), Map.of(TokenParameters.NEXT_BLOCK_KEYS, "kept")),
                new Variant("drop copy-nearest norm", new TokenDrop(), Map.of(TokenDrop.DROPPED, "copy-nearest", TokenDrop.IMPORTANCE, "norm")),
                new Variant("drop mean-similarity coverage", new TokenDrop(), Map.of(TokenDrop.IMPORTANCE, "mean-similarity",
                        TokenDrop.COVERAGE, 0.3, TokenDrop.DROPPED, "rejoin")),
                new Variant("merge keys", new TokenMerge(), Map.of()),
                new Variant("merge keys, kept keys", new TokenMerge(), Map.of(TokenParameters.NEXT_BLOCK_KEYS, "kept")),
                new Variant("merge keys 4 rounds", new TokenMerge(), Map.of(TokenMerge.ROUNDS, 4)),
                new Variant("merge per-block hidden", new TokenMerge(), Map.of(TokenMerge.SCHEDULE, "per-block", TokenMerge.METRIC, "hidden")),
                new Variant("pool kmeans", new TokenPool(), Map.of()),
                new Variant("pool kmedoids", new TokenPool(), Map.of(TokenPool.METHOD, "kmedoids")),
                new Variant("pool window", new TokenPool(), Map.of(TokenPool.METHOD, "window")));
    }

    static Model reduced(Variant v, double keep) {
        Model m = Runs.copy(original);
        Object k = v.technique() instanceof TokenDrop ? List.of(Double.toString(keep)) : keep;
        Change c = Runs.apply(v.technique(), m, v.with(TokenParameters.KEEP, k).params());
        System.out.println(v + " keep " + keep + ": " + c.summary() + " " + c.details());
        assertTrue(GraphValidator.check(m).isEmpty(), () -> v + ": " + GraphValidator.check(m));
        return m;
    }

    /** Texts of clearly different lengths, padded to the longest: 3 to 128 tokens. */
    static Runs.Batch mixed() {
        List<String> texts = new ArrayList<>();
        texts.add(TextCorpus.builtIn().passages().evaluation().get(0));
        texts.add(TextCorpus.builtIn().evaluation().get(3));
        texts.add("Hi.");
        texts.add(TextCorpus.builtIn().evaluation().get(10) + " " + TextCorpus.builtIn().evaluation().get(11));
        return Runs.texts(tokenizer, texts, 128);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void keepingEveryTokenReproducesTheOriginalOnAMixedPaddedBatch(Variant v) throws OrtException {
        Model m = reduced(v, 1.0);
        Runs.Batch batch = mixed();
        try (OrtSession a = Runs.session(original); OrtSession b = Runs.session(m)) {
            Runs.Out ref = Runs.run(a, batch).get("last_hidden_state");
            Runs.Out out = Runs.run(b, batch).get("last_hidden_state");
            assertArrayEquals(ref.shape(), out.shape());
            double d = Runs.maxDiffOnRealTokens(ref, out, batch);
            System.out.println(v + " keep 1.0: max |difference| on real tokens " + d);
            assertTrue(d <= 1e-5, v + ": keeping every token changed the output by " + d);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void aRowGivesTheSameOutputAloneAsInAMixedBatch(Variant v) throws OrtException {
        Model m = reduced(v, 0.5);
        Runs.Batch batch = mixed();
        try (OrtSession s = Runs.session(m)) {
            Runs.Out together = Runs.run(s, batch).get("last_hidden_state");
            assertArrayEquals(new long[] {batch.rows(), batch.length(), 384}, together.shape());
            assertTrue(Runs.finite(together.values()), v + ": non-finite output");
            for (int r = 0; r < batch.rows(); r++) {
                Runs.Batch one = batch.row(r);
                Runs.Out alone = Runs.run(s, one).get("last_hidden_state");
                double d = 0;
                for (int t = 0; t < one.length(); t++) {
                    for (int h = 0; h < 384; h++) d = Math.max(d, Math.abs(alone.at(0, t, h) - together.at(r, t, h)));
                }
                assertTrue(d < 1e-3, v + ": row " + r + " (" + one.length() + " tokens) differs by " + d
                        + " between running alone and in a batch padded to " + batch.length()
                        + " (padding must never take a real token's place)");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theReducedOutputCarriesTokenWeightsThatAccountForEveryRealToken(Variant v) throws OrtException {
        Model m = reduced(v.with(TokenParameters.OUTPUT, "reduced"), 0.5);
        Runs.Batch batch = mixed();
        try (OrtSession s = Runs.session(m)) {
            Map<String, Runs.Out> out = Runs.run(s, batch);
            Runs.Out weights = out.get(TokenReducer.WEIGHTS_OUTPUT);
            Runs.Out states = out.get("last_hidden_state");
            assertEquals(weights.shape()[1], states.shape()[1], "one weight per reduced token");
            assertTrue(states.shape()[1] < batch.length(), v + ": the reduced sequence is shorter");
            for (int r = 0; r < batch.rows(); r++) {
                int real = batch.real(r);
                double sum = 0;
                int used = 0;
                for (int j = 0; j < weights.shape()[1]; j++) {
                    float w = weights.values()[(int) (r * weights.shape()[1] + j)];
                    sum += w;
                    used += w > 0 ? 1 : 0;
                }
                int expected = (int) Math.ceil(0.5 * real - 1e-4);
                boolean dropsTokens = v.technique() instanceof TokenDrop
                        && !"merge-nearest".equals(v.params().getOrDefault(TokenDrop.DROPPED, "merge-nearest"));
                if (dropsTokens) assertEquals(expected, (int) Math.round(sum), v + ": row " + r + " keeps ceil(0.5 × " + real + ")");
                else assertEquals(real, sum, 1e-3, v + ": row " + r + ": sizes add up to the real tokens");
                assertTrue(used <= expected + 1 && used >= 1, v + ": row " + r + " uses " + used + " slots for " + real + " tokens");
            }
        }
    }

    @Test
    void halfTheTokensAfterBlockTwoOnLongPassages() {
        List<String> passages = TextCorpus.builtIn().passages().evaluation();
        Evaluator evaluator = new Evaluator(new Evaluator.Settings(1, 256));
        StringBuilder table = new StringBuilder();
        Map<String, Double> cosine = new java.util.HashMap<>();
        try (OrtSession a = Runs.session(original)) {
            for (Variant v : variants()) {
                Model m = reduced(v, 0.5);
                try (OrtSession b = Runs.session(m)) {
                    EmbeddingFidelity f = evaluator.compareEmbeddings(a, b, tokenizer, passages);
                    cosine.put(v.name(), f.meanCosine());
                    table.append(String.format(java.util.Locale.ROOT, "%-40s mean cosine %.4f  min %.4f%n", v, f.meanCosine(), f.minCosine()));
                    double floor = switch (v.name()) {
                        case DEFAULTS -> 0.97; // measured 0.9746 (the target)
                        case OLD_MERGE -> 0.94; // measured 0.9514
                        case OLD_DEFAULT, "drop mean-similarity coverage" -> 0.3;
                        default -> 0.6;
                    };
                    assertTrue(f.meanCosine() >= floor, v + ": mean cosine " + f.meanCosine() + " below " + floor);
                } catch (OrtException e) {
                    throw new AssertionError(e);
                }
            }
        } catch (OrtException e) {
            throw new AssertionError(e);
        }
        System.out.println("MiniLM, keep 50 % after block 2, " + passages.size() + " passages at 256 tokens:\n" + table);
        // the new defaults against what tokens.drop did before: its best option and its defaults
        assertTrue(cosine.get(DEFAULTS) >= cosine.get(OLD_MERGE) + 0.015, "defaults " + cosine.get(DEFAULTS) + " vs " + cosine.get(OLD_MERGE));
        assertTrue(cosine.get(DEFAULTS) >= cosine.get(OLD_DEFAULT) + 0.3, "defaults " + cosine.get(DEFAULTS) + " vs " + cosine.get(OLD_DEFAULT));
        // each part of the defaults adds fidelity: the next block attending to every token, and ranking by its attention
        assertTrue(cosine.get(DEFAULTS) >= cosine.get("drop next-cls-attention, kept keys") + 0.005, table.toString());
        assertTrue(cosine.get("merge keys") > cosine.get("merge keys, kept keys"), table.toString());
    }

    @Test
    void theStructureIsFoundAgainAfterAReduction() {
        Model m = reduced(variants().get(0), 0.5);
        TransformerStructure s = TransformerStructure.discover(m);
        assertEquals(6, s.blockCount(), s.summary());
        assertNotSame(s.block(2).output(), s.block(3).input(), "block 3 reads the reduced stream");
        assertEquals(s.block(3).input(), s.block(3).attention().q().input(), "block 3's queries read the reduced stream");
        assertEquals(s.block(2).output(), s.block(3).attention().k().input(), "block 3's keys read the full sequence");
        assertEquals(s.block(2).output(), s.block(3).attention().v().input(), "block 3's values read the full sequence");
        assertEquals(s.block(3).output(), s.block(4).input());
        assertEquals("attention_mask", s.attentionMask().input().name());
    }
}
