package org.strata.onnx;

/**
 * Bounds checked before anything is allocated from what a file declares. The defaults admit any real
 * transformer export (a 70B-parameter model's largest tensor is ~2^30 elements) and refuse absurd ones.
 *
 * @param maxFileBytes        largest model file (protobuf cannot exceed 2 GiB anyway)
 * @param maxTensorElements   most elements one tensor may declare
 * @param maxRank             most dimensions one tensor or type may declare
 * @param maxNesting          deepest protobuf nesting (subgraphs inside subgraphs); stops stack exhaustion
 * @param maxExternalBytes    largest external data file region one tensor may map
 */
public record ReadLimits(long maxFileBytes, long maxTensorElements, int maxRank, int maxNesting, long maxExternalBytes) {
    public static final ReadLimits DEFAULT = new ReadLimits(Integer.MAX_VALUE, 1L << 33, 32, 64, Integer.MAX_VALUE - 8L);

    public ReadLimits withMaxTensorElements(long n) {
        return new ReadLimits(maxFileBytes, n, maxRank, maxNesting, maxExternalBytes);
    }
}
