package org.strata.technique.lowrank.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.strata.core.TechniqueContext;
import org.strata.onnx.Model;
import org.strata.onnx.structure.Projection;

/**
 * Runs the model once on calibration text and measures E[xᵀx] of each distinct projection input (Q, K and V share
 * one), over real tokens only.
 */
final class InputMoments {
    private InputMoments() {
    }

    /** Input value name → whitening of that input. */
    static Map<String, Whitening> measure(Model model, List<Projection> projections, TechniqueContext context, int texts) {
        Map<String, Whitening.Moments> moments = new LinkedHashMap<>();
        for (Projection p : projections) moments.putIfAbsent(p.input().name(), new Whitening.Moments((int) p.inFeatures()));
        context.monitor().subTask("measuring the inputs of " + moments.size() + " projections on " + texts + " calibration texts");
        context.runner().capture(model, new ArrayList<>(moments.keySet()), texts, batch -> {
            long[][] mask = batch.attentionMask();
            for (Map.Entry<String, Whitening.Moments> e : moments.entrySet()) {
                context.monitor().checkCanceled();
                var t = batch.tensor(e.getKey());
                Whitening.Moments m = e.getValue();
                int width = t.dim(t.rank() - 1);
                if (width != m.width) {
                    throw new IllegalStateException("the input '" + e.getKey() + "' has " + width + " features, not " + m.width);
                }
                float[] v = t.values();
                if (t.rank() == 3) {
                    int b = t.dim(0), s = t.dim(1);
                    boolean useMask = mask.length == b && b > 0 && mask[0].length == s;
                    for (int i = 0; i < b; i++) {
                        for (int j = 0; j < s; j++) if (!useMask || mask[i][j] != 0) m.add(v, (i * s + j) * width);
                    }
                } else {
                    for (int r = 0; r < v.length / width; r++) m.add(v, r * width);
                }
            }
        });
        Map<String, Whitening> out = new LinkedHashMap<>();
        moments.forEach((name, m) -> out.put(name, m.whitening()));
        return out;
    }
}
