package org.strata.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ai.onnxruntime.OrtSession;

/**
 * Measures whether model B is faster than model A, in a way that survives a busy, shared machine: both
 * are warmed up, then run alternately (A, B, A, B, …) on the same data so that slow phases of the machine
 * hit both alike, and medians rather than means are compared. The ratio B/A of medians is the figure to
 * report; absolute times depend on the machine.
 *
 * <pre>{@code
 * LatencyReport r = new LatencyBenchmark(LatencyBenchmark.Settings.defaults())
 *         .compare(reference, candidate, FeedSource.texts(tokenizer, corpus.passages().evaluation(), 1));
 * }</pre>
 */
public final class LatencyBenchmark {

    /**
     * @param warmupRuns      untimed runs of each model per sequence length
     * @param rounds          timed rounds per sequence length; a round runs A once and B once
     * @param sequenceLengths the lengths to measure at
     */
    public record Settings(int warmupRuns, int rounds, List<Integer> sequenceLengths) {
        public Settings {
            sequenceLengths = List.copyOf(sequenceLengths);
            if (warmupRuns < 0 || rounds < 1 || sequenceLengths.isEmpty()
                    || sequenceLengths.stream().anyMatch(l -> l < 1)) {
                throw new IllegalArgumentException("need warm-up ≥ 0, rounds ≥ 1 and positive sequence lengths,"
                        + " got " + warmupRuns + ", " + rounds + ", " + sequenceLengths);
            }
        }

        /** 5 warm-up runs and 30 rounds at sequence lengths 16, 128 and 256. */
        public static Settings defaults() {
            return new Settings(5, 30, List.of(16, 128, 256));
        }
    }

    /** Median and 90th percentile of the timed runs of one model at one length, in nanoseconds. */
    public record Timing(long medianNanos, long p90Nanos, int runs) {
        /** Median (mean of the middle two for an even count) and nearest-rank 90th percentile. */
        public static Timing of(long[] nanos) {
            if (nanos.length == 0) {
                throw new IllegalArgumentException("no timed runs");
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            long median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            long p90 = sorted[Math.max(0, (int) Math.ceil(0.9 * n) - 1)]; // nearest rank
            return new Timing(median, p90, n);
        }

        public double medianMillis() {
            return medianNanos / 1e6;
        }

        public double p90Millis() {
            return p90Nanos / 1e6;
        }
    }

    /** Both models at one sequence length; {@link #ratio()} below 1 means B is faster. */
    public record SequenceLatency(int sequenceLength, Timing a, Timing b) {
        /** Median of B divided by median of A. */
        public double ratio() {
            return (double) b.medianNanos() / a.medianNanos();
        }
    }

    /**
     * The measurement. Memory is the whole process's resident set before and after the benchmark (see
     * {@link ProcessMemory}); absent where the platform does not report it.
     */
    public record LatencyReport(List<SequenceLatency> rows, Optional<ProcessMemory> processMemoryBefore,
            Optional<ProcessMemory> processMemoryAfter) {
        public LatencyReport {
            rows = List.copyOf(rows);
        }

        /** Change of the process's resident set over the benchmark, in bytes; labelled as such wherever shown. */
        public Optional<Long> processRssDeltaBytes() {
            return processMemoryBefore.flatMap(
                    before -> processMemoryAfter.map(after -> after.residentBytes() - before.residentBytes()));
        }

        /** A few lines for a log or the console. */
        public String summary() {
            StringBuilder s = new StringBuilder();
            for (SequenceLatency r : rows) {
                s.append(String.format(Locale.ROOT,
                        "seq %4d: A median %.3f ms (p90 %.3f), B median %.3f ms (p90 %.3f), B/A %.3f over %d rounds%n",
                        r.sequenceLength(), r.a().medianMillis(), r.a().p90Millis(), r.b().medianMillis(),
                        r.b().p90Millis(), r.ratio(), r.a().runs()));
            }
            processRssDeltaBytes().ifPresent(d -> s.append(String.format(Locale.ROOT,
                    "process RSS delta over the benchmark (whole JVM, both models): %+.1f MB%n", d / 1e6)));
            processMemoryAfter.ifPresent(m -> s.append(String.format(Locale.ROOT,
                    "process peak RSS so far (VmHWM, whole JVM): %.1f MB%n", m.peakResidentBytes() / 1e6)));
            return s.toString();
        }
    }

    private final Settings settings;

    public LatencyBenchmark(Settings settings) {
        this.settings = settings;
    }

    /**
     * Times A and B at each sequence length of the settings.
     *
     * @throws org.strata.onnx.StrataException if a model cannot be fed or a run fails
     */
    public LatencyReport compare(OrtSession a, OrtSession b, FeedSource feeds) {
        Optional<ProcessMemory> before = ProcessMemory.sample();
        ModelInputs inputsA = ModelInputs.of(a);
        ModelInputs inputsB = ModelInputs.of(b);
        List<SequenceLatency> rows = new ArrayList<>();
        for (int length : settings.sequenceLengths()) {
            try (ModelFeed feedA = feeds.feed(inputsA, length); ModelFeed feedB = feeds.feed(inputsB, length)) {
                for (int i = 0; i < settings.warmupRuns(); i++) {
                    time(a, "A", feedA);
                    time(b, "B", feedB);
                }
                long[] nanosA = new long[settings.rounds()];
                long[] nanosB = new long[settings.rounds()];
                for (int round = 0; round < settings.rounds(); round++) {
                    nanosA[round] = time(a, "A", feedA);
                    nanosB[round] = time(b, "B", feedB);
                }
                rows.add(new SequenceLatency(feedA.sequenceLength(), Timing.of(nanosA), Timing.of(nanosB)));
            }
        }
        return new LatencyReport(rows, before, ProcessMemory.sample());
    }

    /** One run, timed from the call until its outputs are ready (freeing them is not counted). */
    private static long time(OrtSession session, String name, ModelFeed feed) {
        long start = System.nanoTime();
        OrtSession.Result result = OrtSessions.run(session, "model " + name, feed.tensors());
        long elapsed = System.nanoTime() - start;
        result.close();
        return elapsed;
    }
}
