package org.strata.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.runtime.Evaluator;
import org.strata.runtime.FeedSource;
import org.strata.runtime.LatencyBenchmark;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.OutputFidelity;
import org.strata.runtime.RandomInputs;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import ai.onnxruntime.OrtSession;

/**
 * {@code strata compare [A B]}: latency ratio B/A at each sequence length and the fidelity of B against A,
 * measured side by side in one process (ORT_ENABLE_ALL on both, interleaved A B A B after warm-up).
 */
final class CompareCommand implements Command {
    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String summary() {
        return "latency ratio and fidelity of model B against model A, measured side by side";
    }

    @Override
    public String usage() {
        return """
                Usage: ./strata compare [A B] [options] [--json] [--debug]
                  A, B          .onnx files, or 'minilm' / 'minilm-int8' (default: minilm minilm-int8)
                  --seq L,...   sequence lengths to time (default 16,128,256)
                  --rounds N    timed A/B rounds per length after warm-up (default 30)
                  --warmup N    untimed runs of each model per length (default 5)
                  --threads N   ONNX Runtime intra-op threads (default 1)
                  --texts N     evaluation texts for fidelity (default: the whole evaluation split)
                  --data FILE   your own texts (one per line, or JSON lines with "text") instead of the built-in corpus
                Fidelity uses the evaluation split only: mean-pooled embeddings, cosine mean/min, max |error|,
                top-1 nearest-neighbour agreement, top-5 overlap, Spearman of pairwise similarities. A model
                without a tokenizer file next to it (tokenizer.json or vocab.txt) is fed seeded random tokens and
                compared by relative error of every output.""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("seq", "rounds", "warmup", "threads", "texts", "data");
    }

    @Override
    public Set<String> flags() {
        return Set.of();
    }

    @Override
    public int run(Args args, Console c) throws Exception {
        List<String> pos = args.positionals();
        ModelArgument[] models = ModelArgument.pair(pos, "compare", c);
        ModelArgument a = models[0];
        ModelArgument b = models[1];
        List<Integer> lengths = args.intList("seq", List.of(16, 128, 256), 1, 8192);
        int rounds = args.intOption("rounds", 30, 1, 100_000);
        int warmup = args.intOption("warmup", 5, 0, 10_000);
        int threads = args.intOption("threads", 1, 1, 256);
        int maxTexts = args.intOption("texts", Integer.MAX_VALUE, 2, Integer.MAX_VALUE);
        TextCorpus corpus = args.option("data", null) == null ? TextCorpus.builtIn() : TextCorpus.fromFile(c.resolve(args.option("data", null)));

        // Read through the graph core first: it refuses hostile files before ONNX Runtime sees them.
        Model ma = ModelReader.read(a.path());
        Model mb = ModelReader.read(b.path());
        SessionSettings settings = SessionSettings.defaults().withIntraOpThreads(threads);
        c.progress("strata: loading " + a.label() + " and " + b.label() + " into ONNX Runtime (" + threads + " thread" + (threads == 1 ? "" : "s") + ", ORT_ENABLE_ALL)");
        try (OrtSession sa = OrtSessions.open(a.path(), settings); OrtSession sb = OrtSessions.open(b.path(), settings)) {
            Path tokPath = a.tokenizer() != null ? a.tokenizer() : b.tokenizer();
            WordPieceTokenizer tok = tokPath == null ? null : WordPieceTokenizer.load(tokPath);
            JsonObject json = new JsonObject();
            json.addProperty("a", a.label());
            json.addProperty("b", b.label());
            json.addProperty("aBytes", onDiskBytes(ma, a.path()));
            json.addProperty("bBytes", onDiskBytes(mb, b.path()));
            json.addProperty("threads", threads);

            Evaluator evaluator = new Evaluator();
            FeedSource feeds;
            if (tok != null) {
                List<String> texts = corpus.evaluation();
                if (texts.size() > maxTexts) texts = texts.subList(0, maxTexts);
                c.progress("strata: fidelity on " + texts.size() + " evaluation texts of " + corpus.name());
                EmbeddingFidelity f = evaluator.compareEmbeddings(sa, sb, tok, texts);
                json.add("fidelity", new Gson().toJsonTree(f));
                List<String> passages = corpus.passages().evaluation().isEmpty() ? corpus.evaluation() : corpus.passages().evaluation();
                feeds = FeedSource.texts(tok, passages, 1);
                printFidelity(c, f);
            } else {
                int vocab = 30_000;
                c.progress("strata: no tokenizer next to the models; comparing on seeded random token ids below " + vocab);
                List<OutputFidelity> f = evaluator.compareOutputs(sa, sb, RandomInputs.of(vocab));
                json.add("outputs", new Gson().toJsonTree(f));
                feeds = FeedSource.randomTokens(1, vocab, 7);
                if (!c.json) f.forEach(o -> c.printf("Output %-24s relative error %.3g, max |error| %.3g%n", o.output(), o.relativeError(), o.maxAbsError()));
            }

            c.progress("strata: timing at sequence lengths " + lengths + ", " + warmup + " warm-up runs and " + rounds + " interleaved rounds each");
            LatencyBenchmark.LatencyReport lat = new LatencyBenchmark(new LatencyBenchmark.Settings(warmup, rounds, lengths)).compare(sa, sb, feeds);
            json.add("latency", new Gson().toJsonTree(lat.rows()));
            lat.processMemoryAfter().ifPresent(m -> json.addProperty("processPeakRssBytes", m.peakResidentBytes()));
            if (c.json) {
                c.printJson(json);
                return 0;
            }
            c.printf("%nA  %s  (%s)%nB  %s  (%s)%n%n", a.label(), Console.bytes(json.get("aBytes").getAsLong()), b.label(),
                    Console.bytes(json.get("bBytes").getAsLong()));
            c.printf("  seq   A median    A p90   B median    B p90    B/A   speed-up%n");
            for (LatencyBenchmark.SequenceLatency r : lat.rows()) {
                c.printf("%5d %8.2f ms %6.2f ms %8.2f ms %6.2f ms %6.3f %8.2fx%n", r.sequenceLength(), r.a().medianMillis(),
                        r.a().p90Millis(), r.b().medianMillis(), r.b().p90Millis(), r.ratio(), 1 / r.ratio());
            }
            c.printf("  (%d interleaved rounds per length, %d intra-op thread%s, ORT_ENABLE_ALL, batch 1)%n", rounds, threads, threads == 1 ? "" : "s");
            lat.processMemoryAfter().ifPresent(m -> c.printf("  process peak RSS (whole JVM, both models): %s%n", Console.bytes(m.peakResidentBytes())));
            c.printf("  size B/A: %.3f%n", json.get("bBytes").getAsDouble() / json.get("aBytes").getAsDouble());
            return 0;
        }
    }

    private static void printFidelity(Console c, EmbeddingFidelity f) {
        if (c.json) return;
        c.printf("Fidelity of B against A on %d evaluation texts (mean-pooled embeddings):%n", f.texts());
        c.printf("  cosine mean %.5f  min %.5f   max |error| %.4g%n", f.meanCosine(), f.minCosine(), f.maxAbsError());
        c.printf("  top-1 neighbour agreement %.3f   top-5 overlap %.3f   Spearman of pairwise similarities %.4f%n",
                f.top1Agreement(), f.top5Overlap(), f.similaritySpearman());
    }

    /** The model file plus the external data it reads. */
    private static long onDiskBytes(Model m, Path file) throws java.io.IOException {
        long external = 0;
        for (var v : m.graph().initializers().values()) if (v.initializer().isExternal()) external += v.initializer().byteSize();
        return Files.size(file) + external;
    }
}
