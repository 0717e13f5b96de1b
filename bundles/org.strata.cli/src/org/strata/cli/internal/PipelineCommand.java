package org.strata.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.strata.core.report.MetricNames;
import org.strata.core.OutputFolder;
import org.strata.core.PipelineEngine;
import org.strata.core.ProgressMonitor;
import org.strata.core.RunSettings;
import org.strata.model.Metric;
import org.strata.model.Pipeline;
import org.strata.model.RunRecord;
import org.strata.model.RunStatus;
import org.strata.model.StepResult;
import org.strata.model.io.PipelineFiles;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.StrataException;
import org.strata.runtime.TextCorpus;

/**
 * {@code strata compress} and {@code strata run}: load a pipeline and a model, run the engine, write the
 * shippable output folder, print a short table. {@code compress} defaults everything (the embedded MiniLM,
 * {@code examples/default.strata}, {@code out/}); {@code run} takes the pipeline file as its argument.
 */
final class PipelineCommand implements Command {
    private final boolean compress;

    PipelineCommand(boolean compress) {
        this.compress = compress;
    }

    @Override
    public String name() {
        return compress ? "compress" : "run";
    }

    @Override
    public String summary() {
        return compress ? "the main job: run a pipeline (default examples/default.strata) on a model (default MiniLM) into out/"
                : "run a pipeline file and write the compressed model, run record and report";
    }

    @Override
    public String usage() {
        return (compress ? "Usage: ./strata compress [--model M] [--pipeline P.strata] [--out DIR] [options]\n"
                : "Usage: ./strata run PIPELINE.strata [--model M] [--out DIR] [options]\n") + """
                  --model M     an .onnx file or 'minilm' (default: the pipeline's sourceModel, else the embedded MiniLM)
                  --out DIR     output folder (default out/); refused if it holds files Strata did not write
                  --data FILE   your texts (one per line, or JSON lines with "text"), split into calibration and evaluation
                  --threads N   ONNX Runtime intra-op threads for measurements (default: the pipeline's, else 1)
                  --batch N     batch size for measurements (default 1)
                  --seq L,...   sequence lengths to time (default 16,128,256)
                  --rounds N    interleaved timing rounds per length (default 20)
                  --texts N     evaluation texts used for fidelity (default: all)
                  --json        print the run record as JSON
                Writes DIR/model.onnx (provenance in metadata_props), DIR/tokenizer.json, DIR/run-record.xmi,
                DIR/report.json and DIR/report.html. Exit 0 when every step ran and the goal is met, 1 otherwise.""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("model", "pipeline", "out", "data", "threads", "batch", "seq", "rounds", "warmup", "texts");
    }

    @Override
    public Set<String> flags() {
        return Set.of();
    }

    @Override
    public int run(Args args, Console c) throws Exception {
        Path pipelineFile;
        if (compress) {
            if (!args.positionals().isEmpty()) throw new Args.UsageException("compress takes options only (did you mean ./strata run " + args.positionals().get(0) + "?)");
            pipelineFile = args.option("pipeline", null) != null ? c.resolve(args.option("pipeline", null)) : defaultPipeline();
        } else {
            if (args.positionals().size() != 1) throw new Args.UsageException("run takes one pipeline file");
            pipelineFile = c.resolve(args.positionals().get(0));
        }
        Pipeline pipeline = PipelineFiles.loadPipeline(pipelineFile);
        PipelineFiles.notes(pipeline).forEach(n -> c.progress("strata: " + n));
        var registry = Services.registry();
        org.strata.core.PipelineValidator.require(pipeline, pipelineFile, registry);

        String modelArg = args.option("model", null);
        if (modelArg == null && pipeline.getSourceModel() != null && !pipeline.getSourceModel().isBlank()) {
            String src = pipeline.getSourceModel();
            modelArg = src.equals(ModelArgument.FP32) || src.equals(ModelArgument.INT8) ? src
                    : pipelineFile.getParent().resolve(src).toString();
        }
        ModelArgument model = ModelArgument.resolve(modelArg, c);
        RunSettings settings = RunSettings.of(pipeline.getEvaluation());
        settings = settings.withThreads(args.intOption("threads", settings.threads(), 1, 256))
                .withBatch(args.intOption("batch", settings.batch(), 1, 1024))
                .withSequenceLengths(args.intList("seq", settings.sequenceLengths(), 1, 8192))
                .withRounds(args.intOption("rounds", settings.rounds(), 1, 100_000), args.intOption("warmup", settings.warmup(), 0, 10_000))
                .withMaxTexts(args.intOption("texts", settings.maxTexts(), 0, Integer.MAX_VALUE));
        String data = args.option("data", pipeline.getEvaluation() == null ? null : emptyToNull(pipeline.getEvaluation().getData()));
        TextCorpus corpus = data == null ? TextCorpus.builtIn() : TextCorpus.fromFile(c.resolve(data));
        OutputFolder out = new OutputFolder(c.resolve(args.option("out", "out")));
        out.checkUsable();

        Model source = ModelReader.read(model.path());
        AtomicBoolean cancel = new AtomicBoolean();
        Thread hook = new Thread(() -> cancel.set(true));
        Runtime.getRuntime().addShutdownHook(hook);
        ProgressMonitor monitor = new ProgressMonitor() {
            @Override
            public void subTask(String name) {
                c.progress("strata: " + name);
            }

            @Override
            public boolean isCanceled() {
                return cancel.get();
            }
        };
        c.progress("strata: " + pipeline.getName() + " on " + model.label() + " (" + pipeline.getSteps().size() + " steps, "
                + corpus.evaluation().size() + " evaluation texts, " + settings.threads() + " thread(s), seq " + settings.sequenceLengths() + ")");
        PipelineEngine.Outcome outcome = new PipelineEngine(registry, Cli.version()).run(pipeline, pipelineFile,
                new PipelineEngine.Inputs(source, model.label(), model.tokenizer(), corpus), settings, monitor);
        Runtime.getRuntime().removeShutdownHook(hook);
        RunRecord record = outcome.record();
        if (record.getStatus() != RunStatus.CANCELLED) out.writeModel(outcome.model(), pipeline, record, model.tokenizer());
        Path report = out.writeRecordAndReports(record);
        if (c.json) {
            c.println(org.strata.core.report.RunReport.toJson(record));
        } else {
            printTable(c, record, report);
        }
        boolean ok = (record.getStatus() == RunStatus.SUCCEEDED) && record.isGoalMet();
        return ok ? 0 : 1;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** examples/default.strata of the Strata installation the script runs from. */
    private static Path defaultPipeline() {
        String home = System.getProperty("strata.home");
        Path p = home == null ? null : Path.of(home, "examples", "default.strata");
        if (p == null || !Files.isRegularFile(p)) {
            throw new StrataException("no --pipeline given and examples/default.strata was not found" + (home == null ? "" : " in " + home));
        }
        return p;
    }

    private static double metric(StepResult r, String name, int seq) {
        for (Metric m : r.getMetrics()) if (m.getName().equals(name) && m.getSequenceLength() == seq) return m.getValue();
        return Double.NaN;
    }

    private static void printTable(Console c, RunRecord record, Path report) {
        List<Integer> lengths = record.getBaseline().getMetrics().stream().filter(m -> m.getName().equals(MetricNames.LATENCY_P50))
                .map(Metric::getSequenceLength).toList();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%n%-4s %-24s %-11s %10s %6s %6s", "step", "technique", "status", "size", "size×", "nodes"));
        for (int l : lengths) head.append(String.format(Locale.ROOT, " %9s", "lat×@" + l));
        head.append(String.format(Locale.ROOT, " %8s %8s %6s", "cos mean", "cos min", "NN@1"));
        c.println(head.toString());
        java.util.List<StepResult> rows = new java.util.ArrayList<>();
        rows.add(record.getBaseline());
        rows.addAll(record.getSteps());
        double base = record.getBaseline().getModelBytes();
        for (StepResult r : rows) {
            boolean measured = r.getModelBytes() > 0 && (r.getNumber() == 0 || r.getMessage() == null || r.getStatus().getLiteral().equals("unverified"));
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-4d %-24s %-11s %10s %6s %6s", r.getNumber(), r.getTechniqueId(),
                    r.getNumber() == 0 ? "" : r.getStatus().getLiteral(), measured ? Console.bytes(r.getModelBytes()) : "",
                    measured ? String.format(Locale.ROOT, "%.3f", r.getModelBytes() / base) : "", measured ? Integer.toString(r.getNodeCount()) : ""));
            for (int l : lengths) {
                double v = metric(r, MetricNames.LATENCY_RATIO, l);
                line.append(String.format(Locale.ROOT, " %9s", Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v)));
            }
            double cm = r.getNumber() == 0 ? 1 : metric(r, MetricNames.COSINE_MEAN, 0);
            double cmin = r.getNumber() == 0 ? 1 : metric(r, MetricNames.COSINE_MIN, 0);
            double nn = r.getNumber() == 0 ? 1 : metric(r, MetricNames.NEIGHBOURS_TOP1, 0);
            line.append(String.format(Locale.ROOT, " %8s %8s %6s", fmt(cm, "%.5f"), fmt(cmin, "%.5f"), fmt(nn, "%.3f")));
            c.println(line.toString());
            if (r.getMessage() != null && !r.getMessage().isBlank()) c.println("     ↳ " + r.getMessage());
        }
        c.printf("%nStatus: %s. Goal %s: %s%n", record.getStatus().getLiteral(), record.isGoalMet() ? "met" : "NOT met", record.getGoalMessage());
        if (record.getOutputModel() != null) c.printf("Model:  %s%n", record.getOutputModel());
        c.printf("Report: %s%n", report);
    }

    private static String fmt(double v, String f) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, f, v);
    }
}
