package org.strata.technique.tokens.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.strata.core.Change;
import org.strata.core.Technique;
import org.strata.onnx.GraphValidator;
import org.strata.onnx.Model;

/** Steps applied one after another as the engine does (each on the previous step's written bytes). */
final class Pipelines {
    private Pipelines() {
    }

    record Step(String id, Map<String, Object> params) {
    }

    static Step step(String id, Map<String, Object> params) {
        return new Step(id, params);
    }

    /** The clean-up, fusion and dynamic int8 steps of examples/default.strata. */
    static List<Step> fuseAndInt8() {
        return List.of(step("cleanup.graph", Map.of()), step("fuse.transformer", Map.of()), step("quantize.dynamic-int8", Map.of()));
    }

    static Model run(Model source, List<Step> steps, List<String> log) throws Exception {
        Model m = Runs.copy(source);
        for (Step s : steps) {
            Technique t = Registry.technique(s.id());
            Change c = Runs.apply(t, m, s.params(), log);
            log.add(s.id() + ": " + c.summary());
            if (!GraphValidator.check(m).isEmpty()) throw new AssertionError(s.id() + ": " + GraphValidator.check(m));
            m = Runs.copy(m);
        }
        return m;
    }

    static List<Step> with(Step first, List<Step> rest) {
        List<Step> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }
}
