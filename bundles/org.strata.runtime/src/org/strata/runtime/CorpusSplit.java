package org.strata.runtime;

import java.util.List;

/**
 * Texts divided so that the data a technique calibrates on is never the data its result is judged on.
 *
 * @param calibration texts for statistics (quantization ranges, importance scores)
 * @param evaluation  texts for measuring fidelity
 */
public record CorpusSplit(List<String> calibration, List<String> evaluation) {
    public CorpusSplit {
        calibration = List.copyOf(calibration);
        evaluation = List.copyOf(evaluation);
    }

    public static CorpusSplit empty() {
        return new CorpusSplit(List.of(), List.of());
    }
}
