package org.strata.core;

import java.util.List;
import java.util.Map;

/**
 * What one application of a technique did, as the technique reports it. The engine adds what it measures
 * itself (validation, fidelity, size, latency) in the run record.
 *
 * @param summary       one human sentence ("quantized 36 MatMuls and 2 embedding tables to int8")
 * @param nodesAdded    nodes the step added
 * @param nodesRemoved  nodes the step removed
 * @param blocksTouched block numbers (from 1) the step changed; empty when not block-specific
 * @param details       further facts worth recording (counts, chosen forms), values printable as text
 * @param analyses      what the step measured to decide (influence, similarity, sensitivity), for the report
 */
public record Change(String summary, int nodesAdded, int nodesRemoved, List<Integer> blocksTouched, Map<String, String> details,
        List<AnalysisTable> analyses) {
    public Change {
        blocksTouched = List.copyOf(blocksTouched);
        details = Map.copyOf(details);
        analyses = List.copyOf(analyses);
    }

    public Change(String summary, int nodesAdded, int nodesRemoved, List<Integer> blocksTouched, Map<String, String> details) {
        this(summary, nodesAdded, nodesRemoved, blocksTouched, details, List.of());
    }

    /** This change with {@code more} analyses appended. */
    public Change withAnalyses(List<AnalysisTable> more) {
        List<AnalysisTable> all = new java.util.ArrayList<>(analyses);
        all.addAll(more);
        return new Change(summary, nodesAdded, nodesRemoved, blocksTouched, details, all);
    }

    public static Change of(String summary, int added, int removed) {
        return new Change(summary, added, removed, List.of(), Map.of());
    }

    /** A step that found nothing to do. */
    public static Change none(String why) {
        return new Change(why, 0, 0, List.of(), Map.of());
    }

    public boolean modified() {
        return nodesAdded > 0 || nodesRemoved > 0 || !details.isEmpty() && !"false".equals(details.get("modified"));
    }
}
