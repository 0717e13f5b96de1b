package org.strata.technique.tokens.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.core.Change;
import org.strata.core.Technique;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Every variant of the three techniques on synthetic BERT (post-LN and pre-LN, opset 11 and 17, plain MatMul and
 * Gemm projections) and ViT models, run in ONNX Runtime: keeping everything reproduces the original, reducing
 * keeps the output's shape, and mixed-length batches give each row what it gets alone.
 */
class SyntheticTokenReductionTest {
    record Case(String name, TransformerSpec spec, Technique technique, Map<String, Object> params) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        List<TransformerSpec> models = List.of(SyntheticTransformers.bertPostLn().layers(4),
                SyntheticTransformers.bertPreLn().layers(4).opset(11),
                SyntheticTransformers.bertPostLn().layers(3).projection(TransformerSpec.ProjectionForm.GEMM).dynamicReshapes(false),
                SyntheticTransformers.bertPreLn().layers(5).hidden(96).heads(6).ffn(192),
                SyntheticTransformers.vit().layers(3));
        List<Case> out = new ArrayList<>();
        for (TransformerSpec spec : models) {
            String m = spec.family() + "/opset " + spec.opset() + "/" + spec.projection() + "/" + spec.layers() + "x" + spec.hidden();
            out.add(new Case(m + " drop defaults", spec, new TokenDrop(), Map.of()));
            out.add(new Case(m + " drop defaults, 2 stages", spec, new TokenDrop(), Map.of(TokenDrop.BLOCKS, List.of(1, 2))));
            out.add(new Case(m + " drop next-cls-attention, next block on kept keys", spec, new TokenDrop(),
                    Map.of(TokenParameters.NEXT_BLOCK_KEYS, "kept")));
            out.add(new Case(m + " drop rejoin", spec, new TokenDrop(), Map.of(TokenDrop.DROPPED, "rejoin", TokenDrop.IMPORTANCE, "cls-attention",
                    TokenParameters.NEXT_BLOCK_KEYS, "kept")));
            out.add(new Case(m + " drop 2 stages merge-nearest norm", spec, new TokenDrop(),
                    Map.of(TokenDrop.BLOCKS, List.of(1, 2), TokenDrop.DROPPED, "merge-nearest", TokenDrop.IMPORTANCE, "norm")));
            out.add(new Case(m + " drop copy-nearest mean-similarity coverage", spec, new TokenDrop(),
                    Map.of(TokenDrop.DROPPED, "copy-nearest", TokenDrop.IMPORTANCE, "mean-similarity", TokenDrop.COVERAGE, 0.5)));
            out.add(new Case(m + " merge once keys", spec, new TokenMerge(), Map.of(TokenParameters.BLOCK, 1)));
            out.add(new Case(m + " merge once keys, next block on kept keys", spec, new TokenMerge(),
                    Map.of(TokenParameters.BLOCK, 1, TokenParameters.NEXT_BLOCK_KEYS, "kept")));
            out.add(new Case(m + " merge per-block hidden, reduced", spec, new TokenMerge(),
                    Map.of(TokenParameters.BLOCK, 1, TokenMerge.SCHEDULE, "per-block", TokenMerge.METRIC, "hidden", TokenParameters.OUTPUT, "reduced")));
            out.add(new Case(m + " pool kmeans", spec, new TokenPool(), Map.of(TokenParameters.BLOCK, 1)));
            out.add(new Case(m + " pool kmedoids", spec, new TokenPool(), Map.of(TokenParameters.BLOCK, 1, TokenPool.METHOD, "kmedoids")));
            out.add(new Case(m + " pool window", spec, new TokenPool(), Map.of(TokenParameters.BLOCK, 2, TokenPool.METHOD, "window")));
        }
        return out;
    }

    private static Change reduce(Case c, Model m, Object keep) {
        Map<String, Object> p = new java.util.HashMap<>(c.params());
        p.put(TokenParameters.KEEP, c.technique() instanceof TokenDrop ? List.of(keep.toString()) : keep);
        Change change = Runs.apply(c.technique(), m, p);
        assertTrue(GraphValidator.check(m).isEmpty(), () -> c + ": " + GraphValidator.check(m));
        return change;
    }

    @Test
    void rowsShorterThanTheMinimumKeepEveryToken() throws OrtException {
        Model original = SyntheticTransformers.bertPostLn().layers(3).build();
        Model m = Runs.copy(original);
        Runs.apply(new TokenMerge(), m, Map.of(TokenParameters.BLOCK, 1, TokenParameters.MIN_TOKENS, 12, TokenParameters.OUTPUT, "reduced"));
        Runs.Batch batch = Runs.random(100, 5, 40, 9, 16);
        try (OrtSession a = Runs.session(original); OrtSession b = Runs.session(m)) {
            Map<String, Runs.Out> out = Runs.run(b, batch);
            Runs.Out weights = out.get(TokenReducer.WEIGHTS_OUTPUT);
            int slots = (int) weights.shape()[1];
            assertEquals(20, slots, "ceil(0.5 × 40) for the longest row");
            int[] used = new int[batch.rows()];
            for (int r = 0; r < batch.rows(); r++) for (int j = 0; j < slots; j++) used[r] += weights.values()[r * slots + j] > 0 ? 1 : 0;
            assertArrayEquals(new int[] {20, 9, 12}, used, "40 → 20; 9 (fewer than 12) → all 9; 16 → 12, not 8");
            // the row of 9 tokens is not reduced at all: its states are the original ones, in order
            Runs.Out ref = Runs.run(a, batch).get("last_hidden_state");
            Runs.Out states = out.get("last_hidden_state");
            for (int t = 0; t < 9; t++) assertArrayEquals(ref.row(1, t), states.row(1, t), 1e-5f, "token " + t);
        }
    }

    /** With next-block-keys=all the block after the reduction projects its keys and values from the full sequence. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void theNextBlocksKeysAndValuesReadTheFullSequence(TransformerSpec spec) throws OrtException {
        Model original = spec.build();
        Model all = Runs.copy(original);
        Runs.apply(new TokenDrop(), all, Map.of(TokenDrop.BLOCKS, List.of(1)));
        Model kept = Runs.copy(original);
        Runs.apply(new TokenDrop(), kept, Map.of(TokenDrop.BLOCKS, List.of(1), TokenParameters.NEXT_BLOCK_KEYS, "kept"));
        Block before = TransformerStructure.discover(all).block(1);
        Block next = TransformerStructure.discover(all).block(2);
        org.strata.onnx.Value full = before.output();
        for (var p : List.of(next.attention().k(), next.attention().v())) {
            org.strata.onnx.Value in = p.input();
            assertTrue(in == full || dependsOn(in, full) && !dependsOn(in, next.input()),
                    spec + ": " + p + " reads '" + in.name() + "', not the stream before the reduction (or its norm)");
        }
        assertTrue(next.attention().q().input() != next.attention().k().input(), "queries read the reduced stream");
        Block keptNext = TransformerStructure.discover(kept).block(2);
        assertTrue(keptNext.attention().q().input() == keptNext.attention().k().input(), "kept: one input for Q, K and V");
        // the two differ in what they compute, and both keep the shape
        if (spec.family() == TransformerSpec.Family.VIT) return;
        Runs.Batch batch = Runs.random(spec.vocab(), 4, 30, 17);
        try (OrtSession a = Runs.session(all); OrtSession b = Runs.session(kept)) {
            Runs.Out x = Runs.run(a, batch).get("last_hidden_state");
            Runs.Out y = Runs.run(b, batch).get("last_hidden_state");
            assertArrayEquals(x.shape(), y.shape());
            assertTrue(Runs.maxDiffOnRealTokens(x, y, batch) > 1e-3, spec + ": next-block-keys makes no difference");
        }
    }

    /** Whether {@code v} is computed from {@code on}. */
    private static boolean dependsOn(org.strata.onnx.Value v, org.strata.onnx.Value on) {
        java.util.ArrayDeque<org.strata.onnx.Value> todo = new java.util.ArrayDeque<>(List.of(v));
        java.util.Set<org.strata.onnx.Value> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            org.strata.onnx.Value x = todo.pop();
            if (x == on) return true;
            if (!seen.add(x) || x.producer() == null) continue;
            for (org.strata.onnx.Value in : x.producer().inputs()) if (in != null) todo.push(in);
        }
        return false;
    }

    static List<TransformerSpec> models() {
        return cases().stream().map(Case::spec).distinct().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void runsInOnnxRuntimeAndKeepsTheShape(Case c) throws OrtException {
        Model original = c.spec().build();
        Model keepAll = Runs.copy(original);
        reduce(c, keepAll, 1.0);
        Model half = Runs.copy(original);
        Change change = reduce(c, half, 0.5);
        System.out.println(c + ": " + change.summary());
        assertTrue(change.modified());
        assertEquals(TransformerStructure.discover(original).blockCount(), TransformerStructure.discover(half).blockCount(),
                c + ": the structure is found again after the reduction");
        boolean reducedOutput = "reduced".equals(c.params().get(TokenParameters.OUTPUT));
        try (OrtSession a = Runs.session(original); OrtSession all = Runs.session(keepAll); OrtSession b = Runs.session(half)) {
            if (c.spec().family() == TransformerSpec.Family.VIT) {
                int side = c.spec().imageSize();
                Runs.Out ref = Runs.runImages(a, 3, c.spec().channels(), side, 7).get("last_hidden_state");
                Runs.Out same = Runs.runImages(all, 3, c.spec().channels(), side, 7).get("last_hidden_state");
                assertArrayEquals(ref.values(), same.values(), 1e-5f, c + ": keep 1.0");
                Runs.Out out = Runs.runImages(b, 3, c.spec().channels(), side, 7).get("last_hidden_state");
                assertTrue(Runs.finite(out.values()));
                if (reducedOutput) assertEquals(9, out.shape()[1], c + ": 17 tokens, halved (ceil) over two rounds of merging");
                else assertArrayEquals(ref.shape(), out.shape());
                return;
            }
            Runs.Batch batch = Runs.random(c.spec().vocab(), 11, 40, 9, 23, 2);
            Runs.Out ref = Runs.run(a, batch).get("last_hidden_state");
            Runs.Out same = Runs.run(all, batch).get("last_hidden_state");
            double d = Runs.maxDiffOnRealTokens(ref, same, batch);
            assertTrue(d <= 1e-5, c + ": keep 1.0 changed the output by " + d);
            Runs.Out out = Runs.run(b, batch).get("last_hidden_state");
            assertTrue(Runs.finite(out.values()));
            if (reducedOutput) {
                assertEquals(20, out.shape()[1], c + ": ceil(0.5 × 40) slots for the longest row");
                return;
            }
            assertArrayEquals(ref.shape(), out.shape());
            for (int r = 0; r < batch.rows(); r++) {
                Runs.Batch one = batch.row(r);
                Runs.Out alone = Runs.run(b, one).get("last_hidden_state");
                double diff = 0;
                for (int t = 0; t < one.length(); t++) {
                    for (int h = 0; h < out.shape()[2]; h++) diff = Math.max(diff, Math.abs(alone.at(0, t, h) - out.at(r, t, h)));
                }
                assertTrue(diff < 1e-4, c + ": row " + r + " differs by " + diff + " alone and in the padded batch");
            }
        }
    }
}
