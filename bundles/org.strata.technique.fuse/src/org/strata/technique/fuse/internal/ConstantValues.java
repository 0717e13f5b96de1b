package org.strata.technique.fuse.internal;

import org.strata.onnx.ConstantTensors;
import org.strata.onnx.DataType;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;

/**
 * Reads the constants a fusion must check exactly ({@link ConstantTensors}: initializers and Constant node outputs,
 * through Identity). Structure discovery compares scalars within 1e-3; a lossless rewrite needs the values themselves.
 */
final class ConstantValues {
    private ConstantValues() {
    }

    /** The tensor behind {@code v}, or null when it is computed at run time. */
    static Tensor tensor(Value v) {
        return ConstantTensors.behind(v);
    }

    static boolean isConstant(Value v) {
        return tensor(v) != null;
    }

    /** The number a one-element float constant holds, or NaN when {@code v} is not one. */
    static double scalar(Value v) {
        Tensor t = tensor(v);
        if (t == null || t.elementCount() != 1 || t.type() != DataType.FLOAT) return Double.NaN;
        return TensorCodec.toFloats(t)[0];
    }

    /** True when {@code v} is a one-element float constant within {@code relative} of {@code expected}. */
    static boolean isScalar(Value v, double expected, double relative) {
        double got = scalar(v);
        return !Double.isNaN(got) && Math.abs(got - expected) <= relative * Math.max(1e-30, Math.abs(expected));
    }

    /** The floats of a constant float tensor of rank {@code rank}, or null. */
    static float[] floats(Value v, int rank) {
        Tensor t = tensor(v);
        if (t == null || t.type() != DataType.FLOAT || t.rank() != rank) return null;
        return TensorCodec.toFloats(t);
    }

    /** Of a two-input node, the index of the input that is a one-element float constant, or -1. */
    static int scalarOperand(Node n) {
        if (n.inputs().size() != 2) return -1;
        for (int i = 0; i < 2; i++) if (!Double.isNaN(scalar(n.input(i))) && !isConstant(n.input(1 - i))) return i;
        return -1;
    }
}
