package org.strata.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.strata.model.ParameterValue;
import org.strata.model.Pipeline;
import org.strata.model.Step;
import org.strata.onnx.StrataException;

/**
 * Checks a pipeline against the techniques installed now: every step names a known technique, every
 * parameter exists, has the right type and is in range, and required ones are given. Each problem names
 * the file, the step (numbered from 1, with its label) and the parameter.
 */
public final class PipelineValidator {
    private PipelineValidator() {
    }

    public static List<String> problems(Pipeline p, Path file, TechniqueRegistry registry) {
        List<String> out = new ArrayList<>();
        String where = file == null ? "pipeline '" + p.getName() + "'" : file.toString();
        if (p.getSteps().isEmpty()) out.add(where + ": the pipeline has no steps");
        for (int i = 0; i < p.getSteps().size(); i++) {
            Step s = p.getSteps().get(i);
            String step = where + ": step " + (i + 1) + (s.getLabel() == null || s.getLabel().isBlank() ? "" : " ('" + s.getLabel() + "')");
            if (s.getTechniqueId() == null || s.getTechniqueId().isBlank()) {
                out.add(step + ": no technique given");
                continue;
            }
            var t = registry.find(s.getTechniqueId());
            if (t.isEmpty()) {
                out.add(step + ": unknown technique '" + s.getTechniqueId() + "' (installed: "
                        + registry.techniques().stream().map(x -> x.descriptor().id()).toList() + ")");
                continue;
            }
            try {
                parameters(t.get().descriptor(), s);
            } catch (StrataException e) {
                out.add(step + " (" + s.getTechniqueId() + "): " + e.getMessage());
            }
            if (s.getTimeoutSeconds() < 1) out.add(step + ": timeoutSeconds must be at least 1, not " + s.getTimeoutSeconds());
        }
        if (p.getEvaluation() != null) {
            var e = p.getEvaluation();
            if (e.getThreads() < 1 || e.getBatch() < 1 || e.getRounds() < 1 || e.getWarmup() < 0 || e.getMaxTexts() < 0) {
                out.add(where + ": evaluation threads, batch and rounds must be at least 1, warmup and maxTexts at least 0");
            }
            for (int l : e.getSequenceLengths()) if (l < 1 || l > 8192) out.add(where + ": evaluation sequence length " + l + " is out of range [1, 8192]");
        }
        if (p.getGoal() != null) {
            var g = p.getGoal();
            if (g.getMinMeanCosine() < 0 || g.getMinMeanCosine() > 1) out.add(where + ": goal minMeanCosine must be within [0, 1]");
            if (g.getMaxLatencyRatio() < 0 || g.getMaxSizeRatio() < 0) out.add(where + ": goal ratios cannot be negative");
        }
        return out;
    }

    /** @throws StrataException listing every problem, when there is one */
    public static void require(Pipeline p, Path file, TechniqueRegistry registry) {
        List<String> problems = problems(p, file, registry);
        if (!problems.isEmpty()) throw new StrataException(String.join("; ", problems));
    }

    /** The step's parameters, parsed and checked against the descriptor. */
    public static Parameters parameters(TechniqueDescriptor d, Step s) {
        Map<String, String> text = new LinkedHashMap<>();
        for (ParameterValue v : s.getParameters()) {
            if (text.put(v.getName(), v.getValue()) != null) throw new ParameterException(v.getName(), "is given twice");
        }
        return Parameters.parse(d, text);
    }
}
