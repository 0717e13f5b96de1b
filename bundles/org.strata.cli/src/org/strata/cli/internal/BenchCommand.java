package org.strata.cli.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;

import com.google.gson.JsonObject;

/**
 * {@code strata bench [PIPELINES…]}: the {@link BenchSuite} — each pipeline on MiniLM, timed side by side with
 * fp32 and the upstream int8 model, in one table. {@code strata bench io [MODEL]}: how long reading (with its bounds checks and validation), validating
 * again and writing a model take inside the running process, medians over repeated runs; start-up of the
 * JVM and Equinox reported separately. The target: MiniLM under 1 s for read + validate + write.
 */
final class BenchCommand implements Command {
    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "pipelines on MiniLM side by side with fp32 and upstream int8 in one table; 'bench io' times model I/O";
    }

    @Override
    public String usage() {
        return """
                Usage: ./strata bench [PIPELINE.strata ...] [--suite DIR] [--seq L,...] [--rounds N] [--warmup N] [--texts N] [--smoke] [--json]
                  Runs each pipeline (default: every examples/*.strata of this installation, or of --suite DIR) on the
                  embedded all-MiniLM-L6-v2 through the engine, then times every result side by side with the fp32
                  model and the upstream int8 model (one loop, order rotated each round, 1 thread, ORT_ENABLE_ALL,
                  batch 1, medians) and compares its embeddings with fp32 on the evaluation split. One table: size
                  ratio, latency ratio against fp32 and against upstream int8, mean and min cosine.
                  --seq L,...   sequence lengths (default 128)
                  --rounds N    interleaved rounds per length (default 30)
                  --warmup N    untimed runs of each model per length (default 5)
                  --texts N     evaluation texts for fidelity (default: all)
                  --smoke       cheap settings for CI (seq 16, 3 rounds, 8 texts): checks that the bench works
                Exit 1 when a pipeline could not run or one of its steps failed (its row says why).

                Usage: ./strata bench io [MODEL] [--runs N] [--json]
                  Reads (bounded, external data checked, graph validated), validates again and writes MODEL
                  (default: the embedded MiniLM fp32) to a temporary folder N times (default 5) after one warm-up,
                  and prints the median of each phase. JVM and Equinox start-up are printed separately.""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("runs", "seq", "rounds", "warmup", "texts", "suite");
    }

    @Override
    public Set<String> flags() {
        return Set.of("smoke");
    }

    @Override
    public int run(Args args, Console c) throws Exception {
        if (args.positionals().isEmpty() || !args.positionals().get(0).equals("io")) {
            return new BenchSuite(c, BenchSuite.Settings.of(args)).run(BenchSuite.pipelines(args, c));
        }
        if (args.positionals().size() > 2) throw new Args.UsageException("bench io takes one model");
        long startupMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        ModelArgument m = ModelArgument.resolve(args.positionals().size() == 2 ? args.positionals().get(1) : null, c);
        int runs = args.intOption("runs", 5, 1, 1000);
        Path dir = Files.createTempDirectory("strata-bench-io");
        Path out = dir.resolve("model.onnx");
        long[] read = new long[runs];
        long[] validate = new long[runs];
        long[] write = new long[runs];
        try {
            for (int i = -1; i < runs; i++) {
                long t0 = System.nanoTime();
                Model model = ModelReader.read(m.path());
                long t1 = System.nanoTime();
                if (!GraphValidator.check(model).isEmpty()) throw new IllegalStateException("invalid after reading");
                long t2 = System.nanoTime();
                ModelWriter.write(model, out);
                long t3 = System.nanoTime();
                if (i >= 0) {
                    read[i] = t1 - t0;
                    validate[i] = t2 - t1;
                    write[i] = t3 - t2;
                }
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(dir);
        }
        double r = median(read), v = median(validate), w = median(write);
        if (c.json) {
            JsonObject o = new JsonObject();
            o.addProperty("model", m.label());
            o.addProperty("runs", runs);
            o.addProperty("readMillis", r);
            o.addProperty("validateMillis", v);
            o.addProperty("writeMillis", w);
            o.addProperty("totalMillis", r + v + w);
            o.addProperty("startupMillis", startupMillis);
            c.printJson(o);
        } else {
            c.printf("%s, %s, medians of %d runs after a warm-up:%n", m.label(), Console.bytes(Files.size(m.path())), runs);
            c.printf("  read (bounds, external data, validation)  %8.1f ms%n", r);
            c.printf("  validate again                            %8.1f ms%n", v);
            c.printf("  write (atomic, byte-identical)            %8.1f ms%n", w);
            c.printf("  total                                     %8.1f ms  (target < 1000 ms)%n", r + v + w);
            c.printf("  JVM + Equinox start-up to this command    %8d ms  (not counted)%n", startupMillis);
        }
        return 0;
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int n = s.length;
        return (n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0) / 1e6;
    }
}
