package org.strata.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.strata.core.PipelineEngine;
import org.strata.core.PipelineValidator;
import org.strata.core.ProgressMonitor;
import org.strata.core.RunSettings;
import org.strata.core.TechniqueRegistry;
import org.strata.model.Pipeline;
import org.strata.model.RunRecord;
import org.strata.model.RunStatus;
import org.strata.model.Step;
import org.strata.model.StepResult;
import org.strata.model.io.PipelineFiles;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.StrataException;
import org.strata.runtime.EmbeddedModel;
import org.strata.runtime.EmbeddedModels;
import org.strata.runtime.EmbeddingFidelity;
import org.strata.runtime.Evaluator;
import org.strata.runtime.FeedSource;
import org.strata.runtime.ModelFeed;
import org.strata.runtime.ModelInputs;
import org.strata.runtime.OrtSessions;
import org.strata.runtime.SessionSettings;
import org.strata.runtime.TextCorpus;
import org.strata.runtime.WordPieceTokenizer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * The suite behind {@code strata bench}: each pipeline is run on the embedded MiniLM by the engine (steps
 * validated, verified, rolled back on failure), then every result is timed side by side with the fp32 source
 * and the upstream int8 model in one loop — 1 intra-op thread, ORT_ENABLE_ALL, the same real text at each
 * sequence length, the order of the models rotated every round so none always runs first — and compared with
 * the fp32 model on the evaluation split. One table: size ratio, latency ratio against fp32 and against the
 * upstream int8 model (medians), and mean/min cosine.
 */
final class BenchSuite {
    /** Measurement settings of one bench run. */
    record Settings(List<Integer> lengths, int rounds, int warmup, int texts, boolean smoke) {
        static Settings of(Args args) {
            boolean smoke = args.flag("smoke");
            return new Settings(args.intList("seq", smoke ? List.of(16) : List.of(128), 1, 512),
                    args.intOption("rounds", smoke ? 3 : 30, 1, 100_000), args.intOption("warmup", smoke ? 1 : 5, 0, 10_000),
                    args.intOption("texts", smoke ? 8 : Integer.MAX_VALUE, 2, Integer.MAX_VALUE), smoke);
        }
    }

    /** One row of the table: a model and what was measured. */
    static final class Row {
        final String name;
        final String source;
        final List<String> techniques;
        byte[] bytes;
        String problem;
        String note;
        OrtSession session;
        double[] medianMillis;
        EmbeddingFidelity fidelity;

        Row(String name, String source, List<String> techniques) {
            this.name = name;
            this.source = source;
            this.techniques = techniques;
        }
    }

    private final Console c;
    private final Settings s;

    BenchSuite(Console c, Settings s) {
        this.c = c;
        this.s = s;
    }

    /** The pipelines named, or else every {@code *.strata} of {@code suite} (default: the installation's examples/). */
    static List<Path> pipelines(Args args, Console c) throws IOException {
        for (String p : args.positionals()) {
            if (!p.endsWith(".strata")) throw new Args.UsageException("bench takes 'io' or pipeline files (*.strata); '" + p + "' is neither");
        }
        if (!args.positionals().isEmpty()) return args.positionals().stream().map(c::resolve).toList();
        Path dir;
        if (args.option("suite", null) != null) {
            dir = c.resolve(args.option("suite", null));
        } else {
            String home = System.getProperty("strata.home");
            if (home == null) throw new StrataException("no pipelines given and no Strata installation to take examples/ from; name .strata files or --suite DIR");
            dir = Path.of(home, "examples");
        }
        if (!Files.isDirectory(dir)) throw new StrataException("the suite folder " + dir + " does not exist");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(".strata")).sorted().toList();
            if (found.isEmpty()) throw new StrataException("the suite folder " + dir + " holds no .strata pipelines");
            return found;
        }
    }

    /** Runs the suite; returns the exit code (1 when a pipeline could not be run or kept a failed step). */
    int run(List<Path> pipelines) throws OrtException {
        EmbeddedModel fp32 = EmbeddedModels.fp32();
        EmbeddedModel int8 = EmbeddedModels.int8();
        TextCorpus corpus = TextCorpus.builtIn();
        WordPieceTokenizer tokenizer = WordPieceTokenizer.load(fp32.tokenizer());
        Model source = ModelReader.read(fp32.model());
        List<Row> rows = new ArrayList<>();
        Row base = new Row("fp32 (source)", "all-MiniLM-L6-v2", List.of());
        base.bytes = ModelWriter.toBytes(source);
        rows.add(base);
        Row upstream = new Row("upstream int8", "all-MiniLM-L6-v2 quantized by ONNX Runtime's quantize_dynamic", List.of("ORT quantize_dynamic"));
        upstream.bytes = readAll(int8.model());
        rows.add(upstream);

        TechniqueRegistry registry = Services.registry();
        for (Path p : pipelines) rows.add(compress(p, registry, source, fp32, corpus));

        SessionSettings ort = SessionSettings.defaults(); // 1 intra-op thread, ORT_ENABLE_ALL
        try {
            for (Row r : rows) {
                if (r.bytes != null) r.session = OrtSessions.open(r.bytes, r.name, ort);
            }
            List<Row> timed = rows.stream().filter(r -> r.session != null).toList();
            List<String> evaluation = corpus.evaluation();
            if (evaluation.size() > s.texts()) evaluation = evaluation.subList(0, s.texts());
            c.progress("strata: fidelity of " + (timed.size() - 1) + " models on " + evaluation.size() + " evaluation texts");
            Evaluator evaluator = new Evaluator();
            for (Row r : timed) {
                if (r != base) r.fidelity = evaluator.compareEmbeddings(base.session, r.session, tokenizer, evaluation);
            }
            c.progress("strata: timing " + timed.size() + " models side by side at " + s.lengths() + " tokens, " + s.warmup()
                    + " warm-up runs and " + s.rounds() + " interleaved rounds each");
            time(timed, FeedSource.texts(tokenizer, corpus.passages().evaluation().isEmpty() ? corpus.evaluation() : corpus.passages().evaluation(), 1));
        } finally {
            for (Row r : rows) {
                if (r.session != null) r.session.close();
            }
        }
        if (c.json) {
            c.printJson(json(rows, upstream));
        } else {
            print(rows, base, upstream);
        }
        return rows.stream().anyMatch(r -> r.problem != null || r.note != null) ? 1 : 0;
    }

    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new StrataException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /** Runs one pipeline on MiniLM through the engine; a pipeline that cannot run becomes a row with its reason. */
    private Row compress(Path file, TechniqueRegistry registry, Model source, EmbeddedModel fp32, TextCorpus corpus) {
        String name = file.getFileName().toString().replaceFirst("\\.strata$", "");
        Pipeline pipeline;
        try {
            pipeline = PipelineFiles.loadPipeline(file);
        } catch (StrataException e) {
            Row r = new Row(name, file.toString(), List.of());
            r.problem = e.getMessage();
            return r;
        }
        List<String> techniques = pipeline.getSteps().stream().filter(Step::isEnabled).map(Step::getTechniqueId).toList();
        Row row = new Row(name, file.toString(), techniques);
        try {
            PipelineValidator.require(pipeline, file, registry);
            c.progress("strata: running " + name + " (" + String.join(" \u2192 ", techniques) + ") on MiniLM");
            // the engine's own timing is not used: keep it minimal; bench times every result together below
            RunSettings quick = new RunSettings(1, 1, List.of(16), 1, 0, s.smoke() ? 8 : 32).withBlockDivergence(false);
            PipelineEngine.Outcome o = new PipelineEngine(registry, Cli.version()).run(pipeline, file,
                    new PipelineEngine.Inputs(ModelReader.read(ModelWriter.toBytes(source), "all-MiniLM-L6-v2"), "minilm", fp32.tokenizer(), corpus),
                    quick, ProgressMonitor.NULL);
            row.bytes = ModelWriter.toBytes(o.model());
            row.note = failures(o.record());
        } catch (StrataException e) {
            row.problem = e.getMessage();
        }
        return row;
    }

    /** Steps that did not apply, or null when every step ran. */
    private static String failures(RunRecord r) {
        if (r.getStatus() == RunStatus.SUCCEEDED) return null;
        List<String> out = new ArrayList<>();
        for (StepResult s : r.getSteps()) {
            if (s.getMessage() != null && !s.getMessage().isBlank() && !"unverified".equals(s.getStatus().getLiteral())) {
                out.add("step " + s.getNumber() + " (" + s.getTechniqueId() + ") " + s.getStatus().getLiteral() + ": " + s.getMessage());
            }
        }
        return out.isEmpty() ? "run " + r.getStatus().getLiteral() : String.join("; ", out);
    }

    /** All models at each length: warm-up, then rounds in which every model runs once, the order rotated each round. */
    private void time(List<Row> rows, FeedSource feeds) {
        int n = rows.size();
        for (Row r : rows) r.medianMillis = new double[s.lengths().size()];
        for (int li = 0; li < s.lengths().size(); li++) {
            int length = s.lengths().get(li);
            List<ModelFeed> feed = new ArrayList<>();
            try {
                for (Row r : rows) feed.add(feeds.feed(ModelInputs.of(r.session), length));
                for (int w = 0; w < s.warmup(); w++) {
                    for (int k = 0; k < n; k++) run(rows.get(k), feed.get(k));
                }
                long[][] nanos = new long[n][s.rounds()];
                for (int round = 0; round < s.rounds(); round++) {
                    for (int j = 0; j < n; j++) {
                        int k = (j + round) % n;
                        nanos[k][round] = run(rows.get(k), feed.get(k));
                    }
                }
                for (int k = 0; k < n; k++) rows.get(k).medianMillis[li] = median(nanos[k]) / 1e6;
            } finally {
                feed.forEach(ModelFeed::close);
            }
        }
    }

    private static long run(Row r, ModelFeed feed) {
        long start = System.nanoTime();
        OrtSession.Result result = OrtSessions.run(r.session, r.name, feed.tensors());
        long elapsed = System.nanoTime() - start;
        result.close();
        return elapsed;
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }

    private static double ratio(Row r, Row to, int li) {
        if (r.medianMillis == null || to.medianMillis == null) return Double.NaN;
        return r.medianMillis[li] / to.medianMillis[li];
    }

    private void print(List<Row> rows, Row base, Row upstream) {
        int texts = rows.stream().filter(r -> r.fidelity != null).mapToInt(r -> r.fidelity.texts()).findFirst().orElse(0);
        c.printf("Bench on all-MiniLM-L6-v2: %d interleaved rounds after %d warm-up runs, 1 thread, ORT_ENABLE_ALL, batch 1, medians;%n"
                + "fidelity: mean-pooled embeddings against fp32 on %d evaluation texts. Ratios below 1 are smaller or faster.%n%n", s.rounds(),
                s.warmup(), texts);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-22s %-52s %10s %7s", "row", "techniques", "size", "size\u00d7"));
        for (int l : s.lengths()) head.append(String.format(Locale.ROOT, " %9s %9s %9s", "ms@" + l, "\u00d7fp32", "\u00d7int8"));
        head.append(String.format(Locale.ROOT, " %9s %9s", "cos mean", "cos min"));
        c.println(head.toString());
        List<String> notes = new ArrayList<>();
        for (Row r : rows) {
            String techniques = r == base ? "\u2014" : String.join(" \u2192 ", r.techniques);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s %-52s %10s %7s", cut(r.name, 22),
                    cut(techniques, 52), r.bytes == null ? "" : Console.bytes(r.bytes.length),
                    r.bytes == null ? "" : String.format(Locale.ROOT, "%.3f", (double) r.bytes.length / base.bytes.length)));
            for (int li = 0; li < s.lengths().size(); li++) {
                line.append(String.format(Locale.ROOT, " %9s %9s %9s", r.medianMillis == null ? "" : String.format(Locale.ROOT, "%.2f", r.medianMillis[li]),
                        fmt(ratio(r, base, li)), fmt(ratio(r, upstream, li))));
            }
            double mean = r == base ? 1 : r.fidelity == null ? Double.NaN : r.fidelity.meanCosine();
            double min = r == base ? 1 : r.fidelity == null ? Double.NaN : r.fidelity.minCosine();
            line.append(String.format(Locale.ROOT, " %9s %9s", Double.isNaN(mean) ? "" : String.format(Locale.ROOT, "%.5f", mean),
                    Double.isNaN(min) ? "" : String.format(Locale.ROOT, "%.5f", min)));
            c.println(line.toString());
            if (r.problem != null) notes.add(r.name + ": not run: " + r.problem);
            if (r.note != null) notes.add(r.name + ": " + r.note);
        }
        for (String n : notes) c.println("  \u21b3 " + n);
        if (s.smoke()) c.println("(smoke settings: few rounds and texts; the numbers show the bench works, not how fast anything is)");
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    private JsonObject json(List<Row> rows, Row upstream) {
        Row base = rows.get(0);
        JsonObject o = new JsonObject();
        o.addProperty("model", "all-MiniLM-L6-v2");
        o.addProperty("threads", 1);
        o.addProperty("rounds", s.rounds());
        o.addProperty("warmup", s.warmup());
        o.addProperty("smoke", s.smoke());
        JsonArray lengths = new JsonArray();
        s.lengths().forEach(lengths::add);
        o.add("sequenceLengths", lengths);
        JsonArray out = new JsonArray();
        for (Row r : rows) {
            JsonObject j = new JsonObject();
            j.addProperty("name", r.name);
            j.addProperty("source", r.source);
            JsonArray t = new JsonArray();
            r.techniques.forEach(t::add);
            j.add("techniques", t);
            if (r.bytes != null) {
                j.addProperty("sizeBytes", r.bytes.length);
                j.addProperty("sizeRatio", (double) r.bytes.length / base.bytes.length);
            }
            if (r.medianMillis != null) {
                JsonArray lat = new JsonArray();
                for (int li = 0; li < s.lengths().size(); li++) {
                    JsonObject l = new JsonObject();
                    l.addProperty("sequenceLength", s.lengths().get(li));
                    l.addProperty("medianMillis", r.medianMillis[li]);
                    l.addProperty("ratioFp32", ratio(r, base, li));
                    l.addProperty("ratioUpstreamInt8", ratio(r, upstream, li));
                    lat.add(l);
                }
                j.add("latency", lat);
            }
            if (r == base) {
                j.addProperty("cosineMean", 1.0);
                j.addProperty("cosineMin", 1.0);
            } else if (r.fidelity != null) {
                j.addProperty("cosineMean", r.fidelity.meanCosine());
                j.addProperty("cosineMin", r.fidelity.minCosine());
                j.addProperty("texts", r.fidelity.texts());
            }
            if (r.problem != null) j.addProperty("problem", r.problem);
            if (r.note != null) j.addProperty("note", r.note);
            out.add(j);
        }
        o.add("rows", out);
        return o;
    }

    /** Text cut to a column. */
    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
