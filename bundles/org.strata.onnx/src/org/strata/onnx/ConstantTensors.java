package org.strata.onnx;

/**
 * The tensor a value holds when it is fixed before the model runs: an initializer, or the output of a Constant node
 * (its {@code value} tensor or one of the scalar and list attributes), possibly behind Identity nodes. For rewrites
 * and analyses that must read a weight, a bias or a scalar exactly, whichever way the exporter stored it. What
 * {@code Shape} or arithmetic computes from constants is not followed: that is constant folding.
 */
public final class ConstantTensors {
    /** Identity nodes followed before giving up (exporters write one or two). */
    private static final int MAX_HOPS = 8;

    private ConstantTensors() {
    }

    /** The tensor behind {@code v}, or null when it is computed at run time (or {@code v} is null). */
    public static Tensor behind(Value v) {
        for (int hops = 0; v != null && hops < MAX_HOPS; hops++) {
            if (v.isInitializer()) return v.initializer();
            Node p = v.producer();
            if (p == null) return null;
            if (p.is("Identity")) {
                v = p.input(0);
                continue;
            }
            return p.is("Constant") ? ofConstant(p, v.name()) : null;
        }
        return null;
    }

    /** True when {@link #behind} finds a tensor. */
    public static boolean isConstant(Value v) {
        return behind(v) != null;
    }

    private static Tensor ofConstant(Node p, String name) {
        if (p.attrTensor("value") != null) return p.attrTensor("value");
        if (p.hasAttribute("value_float")) {
            return TensorCodec.fromFloats(name, new long[0], new float[] {p.attrFloat("value_float", 0)});
        }
        if (p.hasAttribute("value_int")) {
            return TensorCodec.fromLongs(name, new long[0], new long[] {p.attrInt("value_int", 0)});
        }
        if (p.attrInts("value_ints") != null) {
            long[] l = p.attrInts("value_ints");
            return TensorCodec.fromLongs(name, new long[] {l.length}, l);
        }
        if (p.attribute("value_floats") instanceof Attribute.Floats f) {
            float[] a = new float[f.values().size()];
            for (int i = 0; i < a.length; i++) a[i] = f.values().get(i);
            return TensorCodec.fromFloats(name, new long[] {a.length}, a);
        }
        return null;
    }
}
