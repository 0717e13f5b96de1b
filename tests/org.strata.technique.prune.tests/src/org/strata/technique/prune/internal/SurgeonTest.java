package org.strata.technique.prune.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.strata.core.AnalysisTable;
import org.strata.core.Change;
import org.strata.core.ProgressMonitor;
import org.strata.core.Technique;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.ActivationCapture.CapturedTensor;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.testing.SyntheticTransformers;

/**
 * The least-squares surgery ({@link Surgeon}, criterion {@code obs}): exact where the removed input is a linear
 * combination of the kept ones, the mean kept, the masked tokens ignored, the inverse right; and on models, closer to
 * the original than FLAP's bias compensation at the same width.
 */
class SurgeonTest {
    private static final ProgressMonitor QUIET = new ProgressMonitor() {
    };

    /** Tokens with features x0..x3 where x2 = x0 − 2·x1 + 0.5: removing one feature can be made up exactly. */
    private static float[] tokens(int n, Random r) {
        float[] v = new float[n * 4];
        for (int t = 0; t < n; t++) {
            float a = (float) r.nextGaussian(), b = (float) r.nextGaussian(), d = (float) r.nextGaussian();
            v[t * 4] = a;
            v[t * 4 + 1] = b;
            v[t * 4 + 2] = a - 2 * b + 0.5f;
            v[t * 4 + 3] = 3 * d + 1;
        }
        return v;
    }

    @Test
    void aRedundantFeatureIsRemovedAndMadeUpExactly() {
        Random r = new Random(7);
        float[] x = tokens(400, r);
        InputCovariance c = statsOf(x, 4, null);
        assertEquals(400, c.tokens());
        float[] w = {1, 2, 0.5f, -1, 0, 1, 1, 1};
        int out = 2;
        Surgeon.Surgery s = Surgeon.remove(c, w, out, 1, 1, 1e-9, QUIET);
        assertEquals(3, s.keptGroups().length);
        assertTrue(s.error()[1] < 1e-6 * s.error()[0], "refit error " + s.error()[1] + " vs plain " + s.error()[0]);
        int gone = missing(s.keptGroups(), 4);
        assertTrue(gone != 3, "x3 carries independent information; one of x0, x1, x2 should go, not " + gone);
        // the refitted projection reproduces y = x·W on every token, the removed row contributing nothing
        for (int t = 0; t < 400; t++) {
            for (int o = 0; o < out; o++) {
                double y = 0, y2 = s.biasDelta()[o];
                for (int i = 0; i < 4; i++) {
                    y += x[t * 4 + i] * w[i * out + o];
                    double wi = w[i * out + o] + s.weightDelta()[i * out + o];
                    if (i == gone) assertEquals(0, wi, 1e-6, "the removed row is cleared");
                    y2 += x[t * 4 + i] * wi;
                }
                assertEquals(y, y2, 1e-3 * Math.max(1, Math.abs(y)));
            }
        }
    }

    @Test
    void withoutRedundancyTheMeanIsStillKeptAndTheErrorIsNoWorseThanPlainRemoval() {
        Random r = new Random(11);
        int n = 300, in = 6, out = 3;
        float[] x = new float[n * in];
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextGaussian() + (i % in));
        float[] w = new float[in * out];
        for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian();
        InputCovariance c = statsOf(x, in, null);
        Surgeon.Surgery s = Surgeon.remove(c, w, out, 2, 1, 1e-6, QUIET);
        assertEquals(2, s.keptGroups().length, "groups of two rows: three groups, one removed");
        assertTrue(s.error()[1] <= s.error()[0] * (1 + 1e-9), s.error()[1] + " > " + s.error()[0]);
        double[] mean = c.mean();
        for (int o = 0; o < out; o++) {
            double before = 0, after = s.biasDelta()[o];
            for (int i = 0; i < in; i++) {
                before += mean[i] * w[i * out + o];
                after += mean[i] * (w[i * out + o] + s.weightDelta()[i * out + o]);
            }
            assertEquals(before, after, 1e-4 * Math.max(1, Math.abs(before)), "mean output " + o);
        }
    }

    @Test
    void maskedTokensDoNotCount() {
        Random r = new Random(3);
        float[] x = tokens(8, r);
        long[][] mask = {{1, 1, 1, 0}, {1, 1, 0, 0}};
        InputCovariance masked = statsOf(x, 4, new long[][] {mask[0], mask[1]});
        assertEquals(5, masked.tokens());
        float[] real = new float[5 * 4];
        int[] rows = {0, 1, 2, 4, 5};
        for (int k = 0; k < rows.length; k++) System.arraycopy(x, rows[k] * 4, real, k * 4, 4);
        InputCovariance plain = statsOf(real, 4, null);
        assertArrayEquals(plain.mean(), masked.mean(), 1e-9);
        double[][] a = plain.covariance(), b = masked.covariance();
        for (int i = 0; i < 4; i++) assertArrayEquals(a[i], b[i], 1e-9);
    }

    @Test
    void theInverseIsTheInverse() {
        Random r = new Random(5);
        int n = 40;
        double[][] a = new double[n][n];
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) g[i][j] = r.nextGaussian();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 1 : 0;
                for (int k = 0; k < n; k++) s += g[i][k] * g[j][k];
                a[i][j] = s;
            }
        }
        double[][] inv = new double[n][];
        for (int i = 0; i < n; i++) inv[i] = a[i].clone();
        Surgeon.invert(inv, QUIET);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += a[i][k] * inv[k][j];
                assertEquals(i == j ? 1 : 0, s, 1e-8);
            }
        }
    }

    @Test
    void obsIsCloserThanBiasCompensationOnOtherFamilies() {
        obsBeatsFlap(new FfnPruning(), "ffn-refit", "FFN", (a, b) -> assertEquals(a.ffn().intermediateSize(), b.ffn().intermediateSize()),
                SyntheticTransformers.llama().layers(3), SyntheticTransformers.bertPostLn().layers(2), SyntheticTransformers.gpt().layers(2));
    }

    /**
     * Half of the units of every block of each {@code specs} model removed by obs and by fluctuation + bias: the same
     * widths ({@code sameWidth} on each pair of blocks), a valid graph, the refit no worse than the mean alone per block,
     * and a smaller relative output error for obs.
     */
    private static void obsBeatsFlap(org.strata.core.Technique t, String refitId, String what,
            java.util.function.BiConsumer<Block, Block> sameWidth, org.strata.testing.TransformerSpec... specs) {
        for (var spec : specs) {
            Model original = spec.vocab(PruneFixture.VOCAB).build();
            Model obs = PruneFixture.copy(original);
            Change c = PruneFixture.apply(t, obs, Map.of("fraction", "0.5"), false);
            assertEquals("least-squares refit", c.details().get("bias compensation"));
            assertEquals(List.of(), GraphValidator.check(obs));
            AnalysisTable refit = c.analyses().stream().filter(a -> a.id().equals(refitId)).findFirst().orElseThrow();
            for (double[] row : refit.values()) assertTrue(row[1] <= row[0] + 1e-9, "refit no worse than the mean alone");
            Model flap = PruneFixture.copy(original);
            PruneFixture.apply(t, flap, Map.of("fraction", "0.5", "criterion", "fluctuation"), false);
            for (Block b : TransformerStructure.discover(obs).blocks()) {
                sameWidth.accept(TransformerStructure.discover(flap).block(b.number()), b);
            }
            double eObs = PruneFixture.compare(original, obs).get(0).relativeError();
            double eFlap = PruneFixture.compare(original, flap).get(0).relativeError();
            System.out.println(spec + " " + what + " 50 %: relative error obs " + eObs + ", fluctuation + bias " + eFlap);
            assertTrue(eObs > 0 && eObs < eFlap, what + ": obs " + eObs + " vs fluctuation " + eFlap);
        }
    }

    @Test
    void onMiniLmObsKeepsTheEmbeddingsCloserThanFlap() {
        obsBeatsFlapOnMiniLm("FFN", new FfnPruning(), b -> assertEquals(1152, b.ffn().intermediateSize()), 0.01);
    }

    /**
     * Prunes 25 % of MiniLM with {@code technique} by obs and by FLAP (fluctuation + bias); obs must keep the mean
     * cosine of the embeddings more than {@code margin} higher. {@code width} checks each block after obs.
     */
    private static void obsBeatsFlapOnMiniLm(String what, Technique technique, Consumer<Block> width, double margin) {
        Model obs = PruneFixture.minilm();
        Change c = PruneFixture.apply(technique, obs, Map.of("fraction", "0.25"), true);
        for (Block b : TransformerStructure.discover(obs).blocks()) width.accept(b);
        Model flap = PruneFixture.minilm();
        PruneFixture.apply(technique, flap, Map.of("fraction", "0.25", "criterion", "fluctuation"), true);
        EmbeddingFidelity a = PruneFixture.fidelity(obs);
        EmbeddingFidelity b = PruneFixture.fidelity(flap);
        System.out.println("MiniLM " + what + " 25 %: obs " + a + "; fluctuation + bias " + b + "; " + c.summary());
        assertTrue(a.meanCosine() > b.meanCosine() + margin, a.meanCosine() + " vs " + b.meanCosine());
    }

    @Test
    void forcedGroupsAreExactlyTheOnesRemoved() {
        Random r = new Random(13);
        int n = 300, in = 8, out = 3;
        float[] x = new float[n * in];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        float[] w = new float[in * out];
        for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian();
        InputCovariance c = statsOf(x, in, null);
        Surgeon.Surgery s = Surgeon.removeExactly(c, w, out, 2, new int[] {3, 0}, 1e-6, QUIET);
        assertArrayEquals(new int[] {1, 2}, s.keptGroups());
        for (int row : new int[] {0, 1, 6, 7}) {
            for (int o = 0; o < out; o++) assertEquals(0, w[row * out + o] + s.weightDelta()[row * out + o], 1e-6);
        }
        assertTrue(s.error()[1] <= s.error()[0] * (1 + 1e-9), s.error()[1] + " > " + s.error()[0]);
        Surgeon.Surgery chosen = Surgeon.remove(c, w, out, 2, 2, 1e-6, QUIET);
        assertTrue(chosen.error()[1] <= s.error()[1] * (1 + 1e-9), "the surgeon's own choice is no worse than a forced one");
    }

    @Test
    void obsHeadsAreCloserThanFlapOnOtherFamiliesIncludingGroupedQueryAttention() {
        obsBeatsFlap(new HeadPruning(), "heads-refit", "heads", (a, b) -> {
            assertEquals(a.attention().heads(), b.attention().heads());
            assertEquals(a.attention().kvHeads(), b.attention().kvHeads());
        }, SyntheticTransformers.llama().layers(2), SyntheticTransformers.bertPreLn().heads(8).layers(2), SyntheticTransformers.gpt().layers(2));
    }

    @Test
    void listedHeadsAreRemovedExactlyAndRefitted() {
        Model original = PruneFixture.minilm();
        Model obs = PruneFixture.copy(original);
        Change c = PruneFixture.apply(new HeadPruning(), obs, Map.of("heads", "2:1,2:6,2:12,6:4"), true);
        assertEquals("12,9,12,12,12,11", c.details().get("heads per block"));
        assertEquals("2:1,2:6,2:12,6:4", c.details().get("removed (block:head)"));
        Model zeroed = PruneFixture.copy(original);
        PruneFixture.apply(new HeadPruning(), zeroed, Map.of("heads", "2:1,2:6,2:12,6:4", "criterion", "fluctuation",
                "compensate", "false"), true);
        // on evaluation text (the refit is fitted to calibration text, not to the random tokens of compare())
        EmbeddingFidelity refitted = PruneFixture.fidelity(obs);
        EmbeddingFidelity plain = PruneFixture.fidelity(zeroed);
        System.out.println("MiniLM 4 listed heads: refitted " + refitted + "; zeroed " + plain);
        assertTrue(refitted.meanCosine() > plain.meanCosine(), refitted.meanCosine() + " vs " + plain.meanCosine());
    }

    @Test
    void onMiniLmObsHeadsKeepTheEmbeddingsCloserThanFlap() {
        obsBeatsFlapOnMiniLm("heads", new HeadPruning(), b -> assertEquals(9, b.attention().heads()), 0);
    }

    private static int missing(int[] kept, int n) {
        return Selection.removed(kept, n)[0];
    }

    private static InputCovariance statsOf(float[] rows, int width, long[][] mask) {
        InputCovariance c = InputCovariance.empty(width);
        int n = rows.length / width;
        long[] shape = mask == null ? new long[] {n, width} : new long[] {mask.length, n / mask.length, width};
        c.add(new CapturedTensor(shape, rows), mask == null ? new long[0][] : mask, "test");
        return c;
    }
}
