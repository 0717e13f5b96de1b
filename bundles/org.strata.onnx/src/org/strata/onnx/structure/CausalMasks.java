package org.strata.onnx.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.strata.onnx.DataType;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;

/**
 * Tells whether attention-mask values hide later positions: their computation uses a Trilu, a constant
 * triangular table (GPT-2's {@code bias} buffer, a precomputed causal bias), or compares two Range-derived
 * position vectors.
 */
final class CausalMasks {
    private static final Set<String> COMPARISONS = Set.of("Less", "LessOrEqual", "Greater", "GreaterOrEqual");
    private static final long MAX_CHECKED_SIDE = 8192;
    /** Tensors are immutable and compared by identity: every block of a model shares its causal table, decode it once. */
    private static final java.util.Map<Tensor, Boolean> TRIANGULAR = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private CausalMasks() {
    }

    static boolean isCausal(List<Value> masks) {
        if (masks.isEmpty()) return false;
        List<Value> consts = new ArrayList<>(masks);
        for (Node n : Reach.ancestors(masks)) {
            if (n.is("Trilu")) return true;
            if (COMPARISONS.contains(n.opType()) && n.domain().isEmpty() && fromRange(n.input(0)) && fromRange(n.input(1))) {
                return true;
            }
            consts.addAll(n.inputs());
        }
        for (Value v : consts) {
            Tensor t = v == null ? null : Constants.tensor(v);
            if (t != null && TRIANGULAR.computeIfAbsent(t, CausalMasks::isTriangular)) return true;
        }
        return false;
    }

    private static boolean fromRange(Value v) {
        if (v == null) return false;
        for (Node n : Reach.ancestors(v)) if (n.is("Range")) return true;
        return false;
    }

    /** A table whose last two dimensions are square and whose first slice has one value on and below the diagonal and another above. */
    private static boolean isTriangular(Tensor t) {
        long[] d = t.dims();
        if (d.length < 2 || d[d.length - 1] != d[d.length - 2] || d[d.length - 1] < 2 || d[d.length - 1] > MAX_CHECKED_SIDE
                || t.type() == DataType.STRING) {
            return false;
        }
        int n = (int) d[d.length - 1];
        float[] all = t.type().isFloatingPoint() ? TensorCodec.toFloats(t) : toFloats(TensorCodec.toLongs(t));
        float keep = all[0];
        float hide = all[n - 1];
        if (keep == hide) return false;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float x = all[i * n + j];
                if (x != (j <= i ? keep : hide)) return false;
            }
        }
        return true;
    }

    private static float[] toFloats(long[] l) {
        float[] f = new float[l.length];
        for (int i = 0; i < l.length; i++) f[i] = l[i];
        return f;
    }
}
