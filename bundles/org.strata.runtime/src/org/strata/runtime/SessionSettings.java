package org.strata.runtime;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;

/**
 * How ONNX Runtime sessions are set up. The defaults make measurements comparable and repeatable on a
 * shared machine: one intra-op and one inter-op thread, sequential execution, and every graph
 * optimization on ({@code ORT_ENABLE_ALL}, the same for reference and candidate, as the design requires).
 *
 * @param intraOpThreads    threads inside one operator (matrix multiplications); at least 1
 * @param interOpThreads    threads across independent operators; at least 1
 * @param optimizationLevel ONNX Runtime graph optimization level
 * @param sequential        run operators one after another rather than in parallel
 */
public record SessionSettings(int intraOpThreads, int interOpThreads, OptLevel optimizationLevel,
        boolean sequential) {

    public SessionSettings {
        if (intraOpThreads < 1 || interOpThreads < 1) {
            throw new IllegalArgumentException("thread counts must be at least 1, got intra-op " + intraOpThreads
                    + " and inter-op " + interOpThreads);
        }
        if (optimizationLevel == null) {
            throw new IllegalArgumentException("optimizationLevel must not be null");
        }
    }

    /** One thread each, sequential, {@code ORT_ENABLE_ALL}. */
    public static SessionSettings defaults() {
        return new SessionSettings(1, 1, OptLevel.ALL_OPT, true);
    }

    public SessionSettings withIntraOpThreads(int threads) {
        return new SessionSettings(threads, interOpThreads, optimizationLevel, sequential);
    }

    public SessionSettings withOptimizationLevel(OptLevel level) {
        return new SessionSettings(intraOpThreads, interOpThreads, level, sequential);
    }
}
