package org.strata.onnx.structure;

import java.util.List;

import org.strata.onnx.Node;
import org.strata.onnx.Value;

/**
 * One linear projection {@code y = x·W (+ b)} as the graph computes it.
 *
 * @param node the node doing the product: MatMul, Gemm, MatMulInteger (of the dynamic-int8 chain),
 *        com.microsoft MatMulNBits / DynamicQuantizeMatMul / MatMulIntegerToFloat, the Conv of a patch
 *        embedding, or the fused attention node whose packed QKV weight this is
 * @param nodes every node of the form: the product, weight Transpose/DequantizeLinear, activation
 *        QuantizeLinear/DequantizeLinear or DynamicQuantizeLinear (which sibling projections of the same
 *        input may share), scale Mul and Cast, bias Add, the 2-D Reshapes around a Gemm
 * @param input the float activation projected (before any quantization or flattening)
 * @param output the float result, after bias and un-flattening; null when the projection is computed
 *        inside a fused node (com.microsoft Attention's packed QKV)
 * @param weight the stored weight: an initializer (or Constant output), possibly quantized or packed
 * @param bias the bias, or null; for fused activations and skip norms that take the bias as an input
 *        (BiasGelu, FastGelu, SkipLayerNormalization) it is that input
 * @param weightTransposed true when {@code weight} is stored as [out, in] (Gemm transB, a Transpose, MatMulNBits)
 */
public record Projection(Node node, List<Node> nodes, Value input, Value output, Value weight, Value bias,
        long inFeatures, long outFeatures, boolean weightTransposed, Quantization quantization) {
    public Projection {
        nodes = List.copyOf(nodes);
    }

    /** The same projection with its bias taken from a consuming fused op. */
    Projection withBias(Value b) {
        return new Projection(node, nodes, input, output, weight, b, inFeatures, outFeatures, weightTransposed, quantization);
    }

    @Override
    public String toString() {
        return node.opType() + " " + inFeatures + "→" + outFeatures
                + (quantization == Quantization.NONE ? "" : " " + quantization) + (bias == null ? "" : " +bias")
                + " (weight '" + weight.name() + "')";
    }
}
