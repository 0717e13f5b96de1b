package org.strata.technique.layers.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import org.strata.onnx.Model;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.Projection;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.testing.TransformerSpec;
import org.strata.testing.TransformerSpec.ProjectionForm;

/** layers.share: one set of weights per cluster, a smaller file, exact when the members were already alike. */
class BlockSharingTest {

    static Stream<Arguments> families() {
        List<Arguments> out = new ArrayList<>();
        for (TransformerSpec base : LayerTestSupport.families()) {
            for (int layers : new int[] {3, 4}) out.add(Arguments.of(base.family() + ", " + layers + " blocks", LayerTestSupport.sized(base, layers)));
        }
        return out.stream();
    }

    /** Gives block {@code to} the projection weights of block {@code from} (copies, not shared values). */
    static void copyWeights(Model m, int from, int to) {
        TransformerStructure s = TransformerStructure.discover(m);
        List<Projection> a = s.block(from).projections(), b = s.block(to).projections();
        for (int i = 0; i < a.size(); i++) {
            Value source = a.get(i).weight(), target = b.get(i).weight();
            m.graph().setInitializer(target, source.initializer().withName(target.name()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void membersThatAreAlreadyAlikeShareWithoutChangingTheOutputs(String label, TransformerSpec spec) {
        Model original = spec.build();
        copyWeights(original, 2, 3);
        Model m = LayerTestSupport.copy(original);
        long before = ModelWriter.toBytes(m).length;
        Change c = LayerTestSupport.apply(new BlockSharing(), m, Map.of(BlockSharing.BLOCKS, List.of(2, 3), BlockSharing.KEEP, "first"),
                LayerTestSupport.randomRunner());
        TransformerStructure s = TransformerStructure.discover(m);
        assertEquals(spec.layers(), s.blockCount(), label + ": repeat keeps the depth");
        List<Projection> p2 = s.block(2).projections(), p3 = s.block(3).projections();
        for (int i = 0; i < p2.size(); i++) assertSame(p2.get(i).weight(), p3.get(i).weight(), label + ": one initializer read by both blocks");
        long after = ModelWriter.toBytes(m).length;
        long oneBlock = 0;
        for (Projection p : p2) oneBlock += p.weight().initializer().byteSize();
        assertTrue(before - after >= oneBlock, label + ": saved " + (before - after) + " of " + oneBlock);
        assertEquals(Long.toString(before - after), c.details().get("file-bytes-saved"));
        assertEquals("1.0000", c.details().get("calibration-mean-cosine"), c.details().toString());
        double err = LayerTestSupport.maxRelativeError(original, m);
        assertTrue(err <= 1e-4, label + ": error " + err);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void clustersChosenBySimilarityRepeatOrCollapseAndStillRun(String label, TransformerSpec spec) {
        Model original = spec.build();
        for (String mode : List.of("repeat", "collapse")) {
            Model m = LayerTestSupport.copy(original);
            Change c = LayerTestSupport.apply(new BlockSharing(), m, Map.of(BlockSharing.SIZE, 2, BlockSharing.MODE, mode, "texts", 4),
                    LayerTestSupport.randomRunner());
            assertEquals(mode.equals("repeat") ? spec.layers() : spec.layers() - 1, TransformerStructure.discover(m).blockCount(), label + " " + mode);
            assertEquals(2, c.blocksTouched().size());
            assertTrue(c.analyses().stream().anyMatch(a -> a.id().equals("layer-similarity-cka")), "the similarity used is attached");
            assertTrue(c.analyses().stream().anyMatch(a -> a.id().startsWith("share-candidates-")), "so are the candidates measured");
            assertTrue(Long.parseLong(c.details().get("file-bytes-saved")) > 0, c.details().toString());
            double err = LayerTestSupport.maxRelativeError(original, m);
            assertTrue(Double.isFinite(err) && err > 0, label + " " + mode + ": error " + err);
        }
    }

    @Test
    void miniLmSharingTheThreeMostSimilarAdjacentBlocks() {
        Model original = LayerTestSupport.miniLm();
        ModelRunner runner = LayerTestSupport.miniLmRunner();
        long before = ModelWriter.toBytes(original).length;
        StringBuilder report = new StringBuilder("MiniLM, layers.share of the three most similar adjacent blocks:\n");
        for (String mode : List.of("repeat", "collapse")) {
            Model m = LayerTestSupport.copy(original);
            Change c = LayerTestSupport.apply(new BlockSharing(), m, Map.of(BlockSharing.MODE, mode, "texts", 32), runner);
            long after = ModelWriter.toBytes(m).length;
            double smaller = 1 - (double) after / before;
            EmbeddingFidelity f = LayerTestSupport.evaluation(m);
            report.append(String.format("  %s: %s; file %.1f %% smaller; evaluation cosine %.4f (min %.4f)%n", mode, c.details().get("kept"),
                    100 * smaller, f.meanCosine(), f.minCosine()));
            assertTrue(smaller >= 0.12, mode + ": only " + smaller);
            assertEquals("[[1, 2, 3]]", c.details().get("clusters"), "blocks 1-3 have the highest mean CKA on MiniLM");
            assertEquals(mode.equals("repeat") ? 6 : 4, TransformerStructure.discover(m).blockCount());
            assertTrue(f.meanCosine() > 0.5 && f.meanCosine() < 0.99, report.toString());
        }
        for (String keep : List.of("middle", "mean")) {
            Model m = LayerTestSupport.copy(original);
            LayerTestSupport.apply(new BlockSharing(), m, Map.of(BlockSharing.KEEP, keep, "texts", 32), runner);
            report.append(String.format("  repeat, keep %s: evaluation cosine %.4f%n", keep, LayerTestSupport.evaluation(m).meanCosine()));
        }
        System.out.println(report);
    }

    @Test
    void quantizedWeightsShareByRoleButAreNotAveraged() {
        Model original = LayerTestSupport.families().get(1).layers(3).projection(ProjectionForm.DYNAMIC_INT8).build();
        Model m = LayerTestSupport.copy(original);
        LayerTestSupport.apply(new BlockSharing(), m, Map.of(BlockSharing.BLOCKS, List.of(1, 2), BlockSharing.KEEP, "middle"),
                LayerTestSupport.randomRunner());
        Block b1 = TransformerStructure.discover(m).block(1), b2 = TransformerStructure.discover(m).block(2);
        assertSame(b1.ffn().up().weight(), b2.ffn().up().weight());
        assertTrue(LayerTestSupport.maxRelativeError(original, m) < 10);

        byte[] before = ModelWriter.toBytes(original);
        TechniqueException e = assertThrows(TechniqueException.class, () -> LayerTestSupport.apply(new BlockSharing(), original,
                Map.of(BlockSharing.BLOCKS, List.of(1, 2), BlockSharing.KEEP, "mean"), LayerTestSupport.randomRunner(), new ArrayList<>()));
        assertTrue(e.getMessage().contains("keep=mean averages float32 weights") && e.getMessage().contains("INT8"), e.getMessage());
        assertArrayEquals(before, ModelWriter.toBytes(original));
    }

    @Test
    void badClustersAreRefusedWithTheReason() {
        Model m = LayerTestSupport.families().get(2).layers(4).build();
        byte[] before = ModelWriter.toBytes(m);
        ModelRunner r = LayerTestSupport.randomRunner();
        assertRefused(m, Map.of(BlockSharing.BLOCKS, List.of(1, 3)), r, "blocks [1, 3] are not adjacent");
        assertRefused(m, Map.of(BlockSharing.BLOCKS, List.of(4, 5)), r, "block 5 is out of range", "blocks 1 to 4");
        assertRefused(m, Map.of(BlockSharing.BLOCKS, List.of(2)), r, "at least two blocks");
        assertRefused(m, Map.of(BlockSharing.SIZE, 5, "texts", 2), r, "a cluster of 5 blocks does not fit a model of 4 blocks");
        assertRefused(m, Map.of(BlockSharing.SIZE, 3, BlockSharing.CLUSTERS, 2, "texts", 2), r, "2 clusters of 3 blocks need 6 blocks");
        assertArrayEquals(before, ModelWriter.toBytes(m));
    }

    private static void assertRefused(Model m, Map<String, ?> params, ModelRunner r, String... fragments) {
        TechniqueException e = assertThrows(TechniqueException.class,
                () -> LayerTestSupport.apply(new BlockSharing(), m, params, r, new ArrayList<>()), params.toString());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should say " + f);
    }
}
