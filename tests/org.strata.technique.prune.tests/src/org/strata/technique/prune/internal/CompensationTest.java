package org.strata.technique.prune.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.strata.core.Change;
import org.strata.core.ModelRunner;
import org.strata.core.analysis.HeadImportance;
import org.strata.core.analysis.NeuronImportance;
import org.strata.core.analysis.ProjectionWeights;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.structure.Projection;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.runtime.SessionSettings;
import org.strata.testing.SyntheticTransformers;

/**
 * Bias compensation: pruning with it equals zeroing the removed rows and adding their mean contribution (mean
 * input × those rows, over the calibration tokens) to the consuming projection's bias; a projection without a
 * bias gets one; and on MiniLM it brings the embeddings closer to the original than plain removal.
 */
class CompensationTest {
    private static final ModelRunner RANDOM = new ModelRunner(null, List.of(), SessionSettings.defaults());

    /** The reference: rows zeroed and Σ_r mean[r]·W[r, :] added to the bias of {@code p} (in {@code m}). */
    private static void zeroAndCompensate(Model m, Projection p, double[] mean, int[] rows) {
        ProjectionWeights w = ProjectionWeights.of(p);
        float[] matrix = w.matrix();
        float[] bias = TensorCodec.toFloats(p.bias().initializer());
        for (int r : rows) for (int c = 0; c < w.out(); c++) bias[c] += (float) (mean[r] * matrix[r * w.out() + c]);
        m.graph().setInitializer(p.bias(), TensorCodec.fromFloats(p.bias().name(), p.bias().initializer().dims(), bias));
        PruneFixture.zeroRows(m, p, rows);
    }

    @Test
    void compensatedHeadsAndNeuronsEqualTheMaskedAndCompensatedReference() {
        Model original = SyntheticTransformers.bertPreLn().vocab(PruneFixture.VOCAB).heads(8).build();
        TransformerStructure s = TransformerStructure.discover(original);
        HeadImportance heads = HeadImportance.measure(original, s, RANDOM, 64);
        NeuronImportance neurons = NeuronImportance.measure(original, s, RANDOM, 64);

        Model reference = PruneFixture.copy(original);
        TransformerStructure rs = TransformerStructure.discover(reference);
        int[] goneHeads = {2, 5};
        int[] goneNeurons = java.util.stream.IntStream.range(0, 256).filter(i -> i % 4 == 0).toArray();
        zeroAndCompensate(reference, rs.block(1).attention().o(), heads.meanContext(1), PruneFixture.features(goneHeads, 8));
        zeroAndCompensate(reference, rs.block(2).ffn().down(), neurons.means(2), goneNeurons);

        Model pruned = PruneFixture.copy(original);
        TransformerStructure ps = TransformerStructure.discover(pruned);
        PruningSteps.rewrite(pruned, ps.blocks(), r -> {
            r.heads(ps.block(1), Selection.removed(goneHeads, 8));
            r.compensate(ps.block(1).attention().o(), heads.meanContext(1), PruneFixture.features(goneHeads, 8));
            r.neurons(ps.block(2), Selection.removed(goneNeurons, 256));
            r.compensate(ps.block(2).ffn().down(), neurons.means(2), goneNeurons);
        });
        assertEquals(List.of(), GraphValidator.check(pruned));
        assertTrue(PruneFixture.same(PruneFixture.compare(reference, pruned)), PruneFixture.compare(reference, pruned).toString());
    }

    @Test
    void aProjectionWithoutBiasGetsOne() {
        Model m = SyntheticTransformers.llama().vocab(PruneFixture.VOCAB).build();
        Model original = PruneFixture.copy(m);
        int adds = (int) m.graph().nodes().stream().filter(n -> n.is("Add")).count();
        Change c = PruneFixture.apply(new FfnPruning(), m, Map.of("fraction", "0.5", "criterion", "fluctuation"), false);
        assertEquals("on", c.details().get("bias compensation"));
        assertEquals(List.of(), GraphValidator.check(m));
        assertEquals(adds + 2, m.graph().nodes().stream().filter(n -> n.is("Add")).count(), "one bias Add per block");
        Model plain = PruneFixture.copy(original);
        PruneFixture.apply(new FfnPruning(), plain, Map.of("fraction", "0.5", "criterion", "fluctuation", "compensate", "false"), false);
        double withBias = PruneFixture.compare(original, m).get(0).relativeError();
        double without = PruneFixture.compare(original, plain).get(0).relativeError();
        System.out.println("LLaMA FFN 50 %: relative error " + without + " plain, " + withBias + " compensated");
        assertTrue(withBias > 0 && withBias < 1, "compensated: " + withBias);
    }

    @Test
    void onMiniLmCompensationKeepsTheEmbeddingsCloser() {
        for (String technique : List.of("prune.ffn", "prune.heads")) {
            var t = technique.equals("prune.ffn") ? new FfnPruning() : new HeadPruning();
            Model plain = PruneFixture.minilm();
            PruneFixture.apply(t, plain, Map.of("criterion", "magnitude", "compensate", "false"), true);
            Model flap = PruneFixture.minilm();
            PruneFixture.apply(t, flap, Map.of("criterion", "fluctuation"), true);
            EmbeddingFidelity a = PruneFixture.fidelity(plain);
            EmbeddingFidelity b = PruneFixture.fidelity(flap);
            System.out.println(technique + " 25 %: magnitude, no compensation " + a + "; fluctuation + compensation " + b);
            assertTrue(b.meanCosine() > a.meanCosine(), technique + ": " + b.meanCosine() + " ≤ " + a.meanCosine());
        }
    }
}
