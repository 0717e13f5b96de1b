package org.strata.core.analysis;

import org.strata.core.TechniqueException;
import org.strata.onnx.ConstantTensors;
import org.strata.onnx.DataType;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Projection;
import org.strata.onnx.structure.Quantization;

/**
 * The float weight of a projection as {@code y = x·W} uses it: a matrix of {@code in} rows (input features)
 * and {@code out} columns (output features), whatever the stored orientation (Gemm {@code transB}, a
 * Transpose in front of a MatMul). Importance analyses, pruning and low-rank factorisation read weights
 * through it.
 *
 * @param projection  the projection
 * @param stored      the value holding the data: an initializer, or a Constant node output
 * @param tensor      the stored data
 * @param storedOutIn true when {@code tensor} is stored as [out, in]
 */
public record ProjectionWeights(Projection projection, Value stored, Tensor tensor, boolean storedOutIn) {

    /**
     * The weight of {@code p}.
     *
     * @throws TechniqueException when it is quantized, computed at run time or not a 2-D float tensor
     */
    public static ProjectionWeights of(Projection p) {
        if (p.quantization() == Quantization.LOW_RANK) {
            throw new TechniqueException("the projection " + p.node().describe() + " is stored as two low-rank factors"
                    + " (lowrank.svd); this rewrites one float weight: apply it before factoring");
        }
        if (p.quantization() != Quantization.NONE) {
            throw new TechniqueException("the projection " + p.node().describe() + " has " + p.quantization()
                    + " weights; this works on float weights: apply it before quantizing");
        }
        Tensor t = constant(p.weight());
        if (t == null || t.rank() != 2) {
            throw new TechniqueException("the weight '" + p.weight().name() + "' of " + p.node().describe()
                    + " is not a 2-D constant");
        }
        if (!(t.type() == DataType.FLOAT || t.type() == DataType.FLOAT16 || t.type() == DataType.BFLOAT16)) {
            throw new TechniqueException("the weight '" + p.weight().name() + "' of " + p.node().describe() + " is "
                    + t.type() + "; float32, float16 or bfloat16 weights are expected");
        }
        if (p.node().is("Gemm") && p.node().attrInt("transA", 0) != 0) {
            throw new TechniqueException(p.node().describe() + " transposes its input (transA=1); only x·W products are handled");
        }
        long[] d = t.dims();
        long in = p.weightTransposed() ? d[1] : d[0];
        long out = p.weightTransposed() ? d[0] : d[1];
        if (in != p.inFeatures() || out != p.outFeatures()) {
            throw new TechniqueException("the weight '" + p.weight().name() + "' of " + p.node().describe() + " has shape ["
                    + d[0] + ", " + d[1] + "], not the " + p.inFeatures() + "→" + p.outFeatures() + " the projection computes");
        }
        return new ProjectionWeights(p, p.weight(), t, p.weightTransposed());
    }

    /** True when {@link #of} accepts {@code p}. */
    public static boolean readable(Projection p) {
        try {
            of(p);
            return true;
        } catch (TechniqueException e) {
            return false;
        }
    }

    /** The constant tensor behind {@code v} (an initializer or a Constant output, through Identity), or null. */
    public static Tensor constant(Value v) {
        return ConstantTensors.behind(v);
    }

    public int in() {
        return (int) projection.inFeatures();
    }

    public int out() {
        return (int) projection.outFeatures();
    }

    /** The weight as {@code y = x·W} uses it, row-major [in, out]. */
    public float[] matrix() {
        float[] raw = TensorCodec.toFloats(tensor);
        if (!storedOutIn) return raw;
        int in = in(), out = out();
        float[] m = new float[raw.length];
        for (int o = 0; o < out; o++) for (int i = 0; i < in; i++) m[i * out + o] = raw[o * in + i];
        return m;
    }

    /** ‖W[i, :]‖₂ for every input feature i: how strongly each input feature reaches the output. */
    public double[] rowNorms() {
        float[] m = matrix();
        int in = in(), out = out();
        double[] norms = new double[in];
        for (int i = 0; i < in; i++) {
            double s = 0;
            for (int o = 0; o < out; o++) s += (double) m[i * out + o] * m[i * out + o];
            norms[i] = Math.sqrt(s);
        }
        return norms;
    }

    /** Bytes the stored weight takes. */
    public long bytes() {
        return tensor.byteSize();
    }
}
