package org.strata.core;

import java.util.List;

import org.strata.model.EvaluationSpec;

/**
 * How a run measures: threads and batch for ONNX Runtime, the sequence lengths timed, interleaved rounds
 * and warm-up runs, how many evaluation texts fidelity uses (0: all), and whether each kept lossy step gets
 * a per-block divergence analysis against the source model ({@link org.strata.core.analysis.BlockDivergence},
 * on calibration texts; on by default).
 */
public record RunSettings(int threads, int batch, List<Integer> sequenceLengths, int rounds, int warmup, int maxTexts,
        boolean blockDivergence) {
    public static final List<Integer> DEFAULT_LENGTHS = List.of(16, 128, 256);

    public RunSettings {
        sequenceLengths = List.copyOf(sequenceLengths);
        if (threads < 1 || batch < 1 || rounds < 1 || warmup < 0 || maxTexts < 0 || sequenceLengths.isEmpty()) {
            throw new IllegalArgumentException("threads, batch and rounds must be at least 1, warm-up and texts at least 0, and one sequence length given");
        }
    }

    /** Settings with the per-block divergence analysis on. */
    public RunSettings(int threads, int batch, List<Integer> sequenceLengths, int rounds, int warmup, int maxTexts) {
        this(threads, batch, sequenceLengths, rounds, warmup, maxTexts, true);
    }

    /** The pipeline's evaluation spec, with defaults for what it leaves out. */
    public static RunSettings of(EvaluationSpec spec) {
        if (spec == null) return new RunSettings(1, 1, DEFAULT_LENGTHS, 20, 3, 0);
        List<Integer> lengths = spec.getSequenceLengths().isEmpty() ? DEFAULT_LENGTHS : List.copyOf(spec.getSequenceLengths());
        return new RunSettings(Math.max(1, spec.getThreads()), Math.max(1, spec.getBatch()), lengths, Math.max(1, spec.getRounds()),
                Math.max(0, spec.getWarmup()), Math.max(0, spec.getMaxTexts()));
    }

    public RunSettings withThreads(int n) {
        return new RunSettings(n, batch, sequenceLengths, rounds, warmup, maxTexts, blockDivergence);
    }

    public RunSettings withBatch(int n) {
        return new RunSettings(threads, n, sequenceLengths, rounds, warmup, maxTexts, blockDivergence);
    }

    public RunSettings withSequenceLengths(List<Integer> l) {
        return new RunSettings(threads, batch, l, rounds, warmup, maxTexts, blockDivergence);
    }

    public RunSettings withRounds(int r, int w) {
        return new RunSettings(threads, batch, sequenceLengths, r, w, maxTexts, blockDivergence);
    }

    public RunSettings withMaxTexts(int n) {
        return new RunSettings(threads, batch, sequenceLengths, rounds, warmup, n, blockDivergence);
    }

    /** These settings with the per-block divergence analysis of lossy steps on or off. */
    public RunSettings withBlockDivergence(boolean on) {
        return new RunSettings(threads, batch, sequenceLengths, rounds, warmup, maxTexts, on);
    }
}
