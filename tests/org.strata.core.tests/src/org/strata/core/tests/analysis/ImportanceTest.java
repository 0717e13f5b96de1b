package org.strata.core.tests.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.core.AnalysisTable;
import org.strata.core.ModelRunner;
import org.strata.core.analysis.HeadImportance;
import org.strata.core.analysis.NeuronImportance;
import org.strata.core.analysis.ProjectionWeights;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.structure.Attention;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.Projection;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;
import org.strata.testing.SyntheticTransformers;

/**
 * Head and neuron importance against a brute-force computation from the captured tensors (no Gram matrices), the
 * expected response to scaling a head's output rows, grouped-query sums, and the tables on MiniLM.
 */
class ImportanceTest {
    private static final ModelRunner RANDOM = new ModelRunner(null, List.of(), SessionSettings.defaults());

    /** Every real token's row of the captured value, for block-wise brute force. */
    private static List<float[]> rows(Model m, String value, int texts) {
        List<float[]> out = new ArrayList<>();
        RANDOM.capture(m, List.of(value), texts, batch -> {
            var t = batch.tensor(value);
            int width = t.dim(t.rank() - 1);
            long[][] mask = batch.attentionMask();
            int b = t.dim(0), s = t.dim(1);
            for (int i = 0; i < b; i++) {
                for (int j = 0; j < s; j++) {
                    if (mask.length == b && mask[i].length == s && mask[i][j] == 0) continue;
                    float[] row = new float[width];
                    System.arraycopy(t.values(), (i * s + j) * width, row, 0, width);
                    out.add(row);
                }
            }
        });
        return out;
    }

    @Test
    void headScoresAreTheMeanNormOfWhatEachHeadAdds() {
        Model m = SyntheticTransformers.llama().vocab(1000).heads(8).kvHeads(2).build();
        TransformerStructure s = TransformerStructure.discover(m);
        HeadImportance h = HeadImportance.measure(m, s, RANDOM, 16);
        for (Block b : s.blocks()) {
            Attention a = b.attention();
            ProjectionWeights w = ProjectionWeights.of(a.o());
            float[] wo = w.matrix();
            int d = a.headSize(), out = w.out();
            List<float[]> ctx = rows(m, a.o().input().name(), 16);
            assertEquals(ctx.size(), h.tokens());
            double[] expected = new double[a.heads()];
            double[] fluct = new double[a.heads()];
            for (int head = 0; head < a.heads(); head++) {
                double[] mean = new double[out];
                double sumSq = 0;
                for (float[] c : ctx) {
                    double norm = 0;
                    for (int k = 0; k < out; k++) {
                        double y = 0;
                        for (int r = 0; r < d; r++) y += c[head * d + r] * (double) wo[(head * d + r) * out + k];
                        norm += y * y;
                        mean[k] += y / ctx.size();
                    }
                    expected[head] += Math.sqrt(norm) / ctx.size();
                    sumSq += norm / ctx.size();
                }
                double meanNorm = 0;
                for (double x : mean) meanNorm += x * x;
                fluct[head] = sumSq - meanNorm;
            }
            double[] got = h.scores(b.number());
            double[] gotFluct = h.fluctuations(b.number());
            for (int head = 0; head < a.heads(); head++) {
                assertEquals(expected[head], got[head], 1e-5 * expected[head], "block " + b.number() + " head " + (head + 1));
                assertEquals(fluct[head], gotFluct[head], 1e-4 * fluct[head], "fluctuation block " + b.number() + " head " + (head + 1));
            }
            double[] groups = h.groupScores(b.number());
            assertEquals(2, groups.length);
            assertEquals(got[0] + got[1] + got[2] + got[3], groups[0], 1e-9);
            assertEquals(a.heads() * d, h.meanContext(b.number()).length);
        }
    }

    @Test
    void scalingAHeadsOutputRowsScalesItsScoreOnly() {
        Model m = SyntheticTransformers.bertPostLn().vocab(1000).build();
        TransformerStructure s = TransformerStructure.discover(m);
        double[] before = HeadImportance.measure(m, s, RANDOM, 8).scores(2);
        Projection o = s.block(2).attention().o();
        ProjectionWeights w = ProjectionWeights.of(o);
        float[] raw = TensorCodec.toFloats(w.tensor());
        int d = s.block(2).attention().headSize();
        for (int r = 2 * d; r < 3 * d; r++) {
            for (int c = 0; c < w.out(); c++) raw[w.storedOutIn() ? c * w.in() + r : r * w.out() + c] *= 3;
        }
        m.graph().setInitializer(o.weight(), TensorCodec.fromFloats(o.weight().name(), w.tensor().dims(), raw));
        double[] after = HeadImportance.measure(m, TransformerStructure.discover(m), RANDOM, 8).scores(2);
        for (int head = 0; head < before.length; head++) {
            assertEquals(head == 2 ? 3 * before[head] : before[head], after[head], 1e-5 * after[head], "head " + (head + 1));
        }
    }

    @Test
    void neuronScoresAreMeanAbsoluteActivationTimesDownRowNorm() {
        Model m = SyntheticTransformers.gpt().vocab(1000).ffn(96).build();
        TransformerStructure s = TransformerStructure.discover(m);
        NeuronImportance n = NeuronImportance.measure(m, s, RANDOM, 16);
        for (Block b : s.blocks()) {
            ProjectionWeights w = ProjectionWeights.of(b.ffn().down());
            double[] norms = w.rowNorms();
            List<float[]> acts = rows(m, b.ffn().down().input().name(), 16);
            double[] got = n.scores(b.number());
            double[] mean = n.means(b.number());
            double[] fluct = n.fluctuations(b.number());
            assertEquals(96, got.length);
            for (int j = 0; j < 96; j++) {
                double abs = 0, sum = 0, sq = 0;
                for (float[] a : acts) {
                    abs += Math.abs(a[j]);
                    sum += a[j];
                    sq += (double) a[j] * a[j];
                }
                int t = acts.size();
                assertEquals(abs / t * norms[j], got[j], 1e-6 * Math.max(1e-9, got[j]), "neuron " + j);
                assertEquals(sum / t, mean[j], 1e-6);
                double var = sq / t - (sum / t) * (sum / t);
                assertEquals(var * norms[j] * norms[j], fluct[j], 1e-5 * Math.max(1e-9, fluct[j]) + 1e-9, "fluctuation " + j);
            }
            assertTrue(n.streamNorm(b.number()) > 0);
        }
    }

    @Test
    void tablesOnMiniLm() {
        var e = EmbeddedModels.fp32();
        Model m = ModelReader.read(e.model());
        TransformerStructure s = TransformerStructure.discover(m);
        ModelRunner text = new ModelRunner(WordPieceTokenizer.load(e.tokenizer()), TextCorpus.builtIn().calibration(),
                SessionSettings.defaults());
        HeadImportance h = HeadImportance.measure(m, s, text, 24);
        AnalysisTable heat = h.table();
        assertEquals(HeadImportance.ID, heat.id());
        assertEquals(AnalysisTable.Kind.HEATMAP, heat.kind());
        assertEquals(List.of("block 1", "block 2", "block 3", "block 4", "block 5", "block 6"), heat.rows());
        assertEquals("head 1", heat.columns().get(0));
        assertEquals(12, heat.columns().size());
        for (int r = 0; r < 6; r++) for (int c = 0; c < 12; c++) assertTrue(heat.value(r, c) > 0);
        assertTrue(h.tokens() > 24, "real tokens of 24 texts: " + h.tokens());

        NeuronImportance n = NeuronImportance.measure(m, s, text, 24);
        AnalysisTable summary = n.table();
        assertEquals(NeuronImportance.ID, summary.id());
        assertEquals(List.of("neurons", "min", "p10", "p25", "median", "p75", "p90", "max"), summary.columns());
        for (int r = 0; r < 6; r++) {
            assertEquals(1536, summary.value(r, 0));
            for (int c = 2; c < 8; c++) assertTrue(summary.value(r, c) >= summary.value(r, c - 1), "percentiles ascend");
        }
        AnalysisTable f = n.table(true);
        assertTrue(f.title().contains("Var"), f.title());
    }
}
