package org.strata.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.EmbeddedModelException;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.runtime.Evaluator;
import org.strata.runtime.FeedSource;
import org.strata.runtime.LatencyBenchmark;
import org.strata.runtime.LatencyBenchmark.LatencyReport;
import org.strata.runtime.LatencyBenchmark.SequenceLatency;
import org.strata.runtime.ModelFeed;
import org.strata.runtime.ModelInputs;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.OutputFidelity;
import org.strata.runtime.Padding;
import org.strata.runtime.RandomInputs;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** The embedded all-MiniLM-L6-v2, fp32 and int8, run by ONNX Runtime inside the OSGi framework. */
class MiniLmTest {
    private static EmbeddedModel fp32;
    private static EmbeddedModel int8;
    private static WordPieceTokenizer tokenizer;
    private static OrtSession reference;
    private static OrtSession quantized;

    @BeforeAll
    static void open() throws IOException {
        fp32 = EmbeddedModels.fp32();
        int8 = EmbeddedModels.int8();
        tokenizer = WordPieceTokenizer.load(fp32.tokenizer());
        reference = OrtSessions.open(fp32.model(), SessionSettings.defaults());
        quantized = OrtSessions.open(Files.readAllBytes(int8.model()), int8.name(), SessionSettings.defaults());
    }

    @AfterAll
    static void close() throws OrtException {
        reference.close();
        quantized.close();
    }

    @Test
    void modelsAreExtractedOnceAndReused() throws IOException {
        assertTrue(Files.size(fp32.model()) > 80_000_000, "fp32 model is about 90 MB");
        long int8Size = Files.size(int8.model());
        assertTrue(int8Size > 20_000_000 && int8Size < 30_000_000, "int8 is about 23 MB: " + int8Size);
        FileTime written = Files.getLastModifiedTime(fp32.model());
        EmbeddedModel again = EmbeddedModels.fp32();
        assertEquals(fp32, again);
        assertEquals(written, Files.getLastModifiedTime(again.model()), "not written again");
        assertTrue(fp32.model().toString().contains("dev.langchain4j.embeddings.all.minilm.l6.v2_"),
                "one folder per bundle version: " + fp32.model());
    }

    @Test
    void aMissingModelBundleIsNamed() {
        EmbeddedModelException e = assertThrows(EmbeddedModelException.class,
                () -> EmbeddedModels.fromBundle("org.example.no.such.model", "m.onnx", "tokenizer.json", "Example"));
        assertTrue(e.getMessage().contains("org.example.no.such.model is not installed"), e.getMessage());
        e = assertThrows(EmbeddedModelException.class, () -> EmbeddedModels.fromBundle(EmbeddedModels.FP32_BUNDLE,
                "missing.onnx", "all-minilm-l6-v2-tokenizer.json", "Example"));
        assertTrue(e.getMessage().contains("has no resource missing.onnx"), e.getMessage());
    }

    @Test
    void fp32GivesHiddenStatesOf384PerToken() throws OrtException {
        List<String> texts = List.of("The cat sat on the mat.", "Stock markets fell sharply on Monday.",
                "Bake the bread until the crust is golden brown and sounds hollow.");
        try (ModelFeed feed = ModelInputs.of(reference).forTexts(tokenizer, texts, Padding.toLongest(128));
                OrtSession.Result out = reference.run(feed.tensors())) {
            OnnxTensor hidden = (OnnxTensor) out.get("last_hidden_state").orElseThrow();
            int longest = tokenizer.encode(texts.get(2)).length();
            assertArrayEquals(new long[] {3, longest, 384}, hidden.getInfo().getShape());
        }
        for (String text : texts) {
            try (ModelFeed feed = ModelInputs.of(reference).forTexts(tokenizer, List.of(text), Padding.toLongest(128));
                    OrtSession.Result out = reference.run(feed.tensors())) {
                long[] shape = ((OnnxTensor) out.get(0)).getInfo().getShape();
                assertArrayEquals(new long[] {1, tokenizer.encode(text).length(), 384}, shape, text);
            }
        }
    }

    @Test
    void fp32AgainstItselfIsExact() {
        List<String> texts = TextCorpus.builtIn().evaluation().subList(0, 24);
        EmbeddingFidelity f = new Evaluator().compareEmbeddings(reference, reference, tokenizer, texts);
        System.out.println("[fidelity] fp32 vs fp32: " + f);
        assertEquals(24, f.texts());
        assertEquals(1.0, f.meanCosine(), 1e-6);
        assertEquals(1.0, f.minCosine(), 1e-6);
        assertEquals(0.0, f.maxAbsError());
        assertEquals(1.0, f.top1Agreement());
        assertEquals(1.0, f.top5Overlap());
    }

    @Test
    void int8StaysCloseToFp32OnTheEvaluationSplit() {
        TextCorpus corpus = TextCorpus.builtIn();
        EmbeddingFidelity f = new Evaluator().compareEmbeddings(reference, quantized, tokenizer, corpus);
        System.out.println("[fidelity] fp32 vs int8 (" + int8.name() + "): " + f);
        assertEquals(corpus.evaluation().size(), f.texts(), "the evaluation split, all of it");
        assertTrue(f.meanCosine() > 0.95 && f.meanCosine() < 0.9999, "mean cosine " + f.meanCosine());
        assertTrue(f.minCosine() > 0.9 && f.minCosine() <= f.meanCosine(), "min cosine " + f.minCosine());
        assertTrue(f.maxAbsError() > 0, "quantization changes the hidden states");
        assertTrue(f.top1Agreement() > 0.8 && f.top1Agreement() <= 1, "top-1 agreement " + f.top1Agreement());
        assertTrue(f.similaritySpearman() > 0.9 && f.similaritySpearman() < 1, "Spearman " + f.similaritySpearman());
    }

    @Test
    void int8OutputsDifferMeasurablyOnRandomTokens() {
        OutputFidelity hidden = new Evaluator()
                .compareOutputs(reference, quantized, RandomInputs.of(tokenizer.vocabSize())).get(0);
        System.out.println("[fidelity] fp32 vs int8 on random tokens: " + hidden);
        assertEquals("last_hidden_state", hidden.output());
        assertTrue(hidden.relativeError() > 0.001 && hidden.relativeError() < 1, hidden.toString());
    }

    @Test
    void interleavedLatencyRunGivesPositiveRatios() {
        LatencyBenchmark benchmark = new LatencyBenchmark(new LatencyBenchmark.Settings(1, 3, List.of(16)));
        LatencyReport report = benchmark.compare(reference, quantized,
                FeedSource.texts(tokenizer, TextCorpus.builtIn().passages().evaluation(), 1));
        System.out.print("[latency] fp32 (A) vs int8 (B), tiny run, not a measurement:\n" + report.summary());
        assertEquals(1, report.rows().size());
        SequenceLatency row = report.rows().get(0);
        assertEquals(16, row.sequenceLength());
        assertEquals(3, row.a().runs());
        assertTrue(row.a().medianNanos() > 0 && row.b().medianNanos() > 0);
        assertTrue(row.a().p90Nanos() >= row.a().medianNanos() && row.b().p90Nanos() >= row.b().medianNanos());
        assertTrue(row.ratio() > 0 && Double.isFinite(row.ratio()), "ratio " + row.ratio());
        if (report.processMemoryAfter().isPresent()) {
            assertTrue(report.processMemoryAfter().get().peakResidentBytes() >= report.processMemoryAfter().get()
                    .residentBytes());
        }
    }
}
