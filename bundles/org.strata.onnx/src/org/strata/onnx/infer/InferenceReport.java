package org.strata.onnx.infer;

import java.util.List;
import java.util.Map;

import org.strata.onnx.Problem;
import org.strata.onnx.Value;

/**
 * What one {@link ShapeInference} run found, over every node output of the graph and its subgraphs.
 *
 * @param typed node outputs whose element type and rank are known after the run (their dimensions may still
 *        include unknown ones: those are also listed in {@code partial})
 * @param unknown node outputs whose element type or rank is still unknown
 * @param partial typed node outputs with at least one unknown dimension
 * @param unknownOps operators without a rule, as {@code Op} (default domain) or {@code domain::Op}, with how
 *        many nodes use each; their outputs keep only what was declared
 * @param conflicts declared types (graph outputs, value_info) that contradict the inferred ones; the declared
 *        type was kept. Each names the node and both types.
 * @param failures nodes whose inputs contradict their operator; their outputs were left as they were
 */
public record InferenceReport(int typed, List<Value> unknown, List<Value> partial, Map<String, Integer> unknownOps,
        List<Problem> conflicts, List<Problem> failures) {
    public InferenceReport {
        unknown = List.copyOf(unknown);
        partial = List.copyOf(partial);
        unknownOps = Map.copyOf(unknownOps);
        conflicts = List.copyOf(conflicts);
        failures = List.copyOf(failures);
    }

    /** True when every node output has an element type and a shape without unknown dimensions. */
    public boolean isComplete() {
        return unknown.isEmpty() && partial.isEmpty();
    }

    /** True when nothing contradicts: no conflict with a declared type, no inconsistent node. */
    public boolean isConsistent() {
        return conflicts.isEmpty() && failures.isEmpty();
    }

    /** One line for logs: {@code 812 typed (3 with unknown dims), 0 unknown, ops without a rule: {...}, 0 conflicts, 0 failures}. */
    public String summary() {
        return typed + " typed (" + partial.size() + " with unknown dims), " + unknown.size() + " unknown"
                + (unknownOps.isEmpty() ? "" : ", ops without a rule: " + new java.util.TreeMap<>(unknownOps))
                + ", " + conflicts.size() + " conflicts, " + failures.size() + " failures";
    }
}
