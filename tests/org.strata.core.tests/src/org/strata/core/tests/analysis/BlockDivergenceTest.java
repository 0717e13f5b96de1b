package org.strata.core.tests.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.strata.core.AnalysisTable;
import org.strata.core.ModelRunner;
import org.strata.core.analysis.BlockDivergence;
import org.strata.core.analysis.BlockDivergence.Result;
import org.strata.core.analysis.BlockDivergence.Row;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;
import org.strata.testing.SyntheticTransformers;
import org.strata.testing.TransformerSpec;

/** Per-block divergence finds the block where a candidate's error enters, on MiniLM and on other families. */
class BlockDivergenceTest {
    private static final EmbeddedModel FP32 = EmbeddedModels.fp32();

    private static ModelRunner textRunner() {
        return new ModelRunner(WordPieceTokenizer.load(FP32.tokenizer()), TextCorpus.builtIn().calibration(), SessionSettings.defaults());
    }

    private static Model copy(Model m) {
        return ModelReader.read(ModelWriter.toBytes(m), "copy");
    }

    /** Adds noise of {@code scale} × the weight's RMS to the FFN down projection of block {@code number}. */
    private static void perturb(Model m, int number, double scale) {
        Block b = TransformerStructure.discover(m).block(number);
        Value w = b.ffn().down().weight();
        float[] f = TensorCodec.toFloats(w.initializer());
        double rms = 0;
        for (float x : f) rms += x * x;
        rms = Math.sqrt(rms / f.length);
        Random r = new Random(7);
        for (int i = 0; i < f.length; i++) f[i] += (float) (r.nextGaussian() * rms * scale);
        m.graph().setInitializer(w, TensorCodec.fromFloats(w.name(), w.initializer().dims(), f));
    }

    @Test
    void aModelDoesNotDivergeFromItself() {
        Model m = ModelReader.read(FP32.model());
        Result r = BlockDivergence.measure(textRunner(), m, copy(m), BlockDivergence.points(m, m), 8);
        assertEquals(7, r.rows().size());
        assertEquals(8, r.sequences());
        assertTrue(r.text());
        for (Row row : r.rows()) {
            assertEquals(1.0, row.meanCosine(), 1e-6, row.toString());
            assertEquals(0.0, row.relativeError(), 1e-6, row.toString());
            assertTrue(row.vectors() > 8, "real tokens only, but more than one per text: " + row);
        }
    }

    @Test
    void theErrorEntersWhereTheWeightsWereChanged() {
        Model m = ModelReader.read(FP32.model());
        Model c = copy(m);
        perturb(c, 4, 0.5);
        Result r = BlockDivergence.measure(textRunner(), m, c, BlockDivergence.points(m, c), 8);
        System.out.print(r.format());
        for (String clean : List.of(BlockDivergence.EMBEDDINGS, "1", "2", "3")) {
            assertEquals(1.0, r.row(clean).meanCosine(), 1e-6, clean);
        }
        Row four = r.row("4");
        assertTrue(four.meanCosine() < 0.9999 && four.relativeError() > 1e-3, four.toString());
        assertTrue(four.minCosine() <= four.meanCosine());
        assertTrue(r.row("6").relativeError() > 1e-3);

        AnalysisTable t = r.table();
        assertEquals(BlockDivergence.ID, t.id());
        assertEquals(AnalysisTable.Kind.LINES, t.kind());
        assertEquals(List.of("embeddings", "1", "2", "3", "4", "5", "6"), t.columns());
        assertEquals(List.of("mean cosine", "min cosine", "relative error"), t.rows());
        assertEquals(four.meanCosine(), t.value(0, 4));
        assertEquals(four.relativeError(), t.value(2, 4));
    }

    /** The key case: fp32 against the upstream int8 model, whose structure differs in form but not in depth. */
    @Test
    void fp32AgainstTheUpstreamInt8Model() {
        Model fp32 = ModelReader.read(FP32.model());
        Model int8 = ModelReader.read(EmbeddedModels.int8().model());
        Result r = BlockDivergence.measure(textRunner(), fp32, int8, BlockDivergence.points(fp32, int8), 16);
        System.out.print(r.format());
        assertEquals(7, r.rows().size());
        for (Row row : r.rows().subList(1, 7)) {
            assertTrue(row.meanCosine() < 0.99999 && row.meanCosine() > 0.9, row.toString());
            assertTrue(row.relativeError() > 1e-4 && row.relativeError() < 0.5, row.toString());
        }
        // the error grows with depth: the last block is further off than the first
        assertTrue(r.row("6").relativeError() > r.row("1").relativeError(), r.format());
    }

    @Test
    void otherFamiliesOnRandomTokens() {
        for (TransformerSpec spec : List.of(SyntheticTransformers.llama().layers(3).vocab(1000), SyntheticTransformers.gpt().layers(3).vocab(1000),
                SyntheticTransformers.bertPreLn().layers(3).vocab(1000))) {
            Model m = spec.build();
            Model c = copy(m);
            perturb(c, 2, 0.5);
            ModelRunner random = new ModelRunner(null, List.of(), SessionSettings.defaults());
            Result r = BlockDivergence.measure(random, m, c, BlockDivergence.points(m, c), 4);
            assertTrue(!r.text());
            assertEquals(1.0, r.row("1").meanCosine(), 1e-6, spec.family() + "\n" + r.format());
            assertTrue(r.row("2").relativeError() > 1e-3, spec.family() + "\n" + r.format());
        }
    }

    @Test
    void namedValuesPresentInBothAreComparedToo() {
        Model m = ModelReader.read(FP32.model());
        Model c = copy(m);
        perturb(c, 2, 0.5);
        String inside = TransformerStructure.discover(m).block(2).ffn().down().output().name();
        String before = TransformerStructure.discover(m).block(2).ffn().input().name();
        Result r = BlockDivergence.measure(textRunner(), m, c, BlockDivergence.points(m, c, List.of(before, inside)), 4);
        assertEquals(9, r.rows().size());
        assertEquals(1.0, r.row(before).meanCosine(), 1e-6);
        assertTrue(r.row(inside).relativeError() > 0.05, r.format());
        BlockDivergence.MismatchException e = assertThrows(BlockDivergence.MismatchException.class,
                () -> BlockDivergence.points(m, c, List.of("no-such-value")));
        assertTrue(e.getMessage().contains("no-such-value"), e.getMessage());
    }

    @Test
    void modelsOfDifferentDepthAreRefusedWithAReason() {
        Model m = ModelReader.read(FP32.model());
        Model c = copy(m);
        Block b = TransformerStructure.discover(c).block(3);
        c.graph().replaceAllUsesWith(b.output(), b.input());
        c.graph().removeDeadNodes();
        BlockDivergence.MismatchException e = assertThrows(BlockDivergence.MismatchException.class, () -> BlockDivergence.points(m, c));
        assertTrue(e.getMessage().contains("6 blocks") && e.getMessage().contains("5"), e.getMessage());
    }
}
