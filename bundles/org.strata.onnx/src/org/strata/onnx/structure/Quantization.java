package org.strata.onnx.structure;

/** How a projection's weight is stored and its product computed. */
public enum Quantization {
    /** Float weight, float MatMul or Gemm. */
    NONE,
    /**
     * int8/uint8 weight with the activation quantized at run time: DynamicQuantizeLinear + MatMulInteger +
     * Cast/Mul scale chain (ORT {@code quantize_dynamic}), or com.microsoft DynamicQuantizeMatMul /
     * MatMulIntegerToFloat, or the packed QKV weight of a com.microsoft QAttention.
     */
    DYNAMIC_INT8,
    /** Weight behind DequantizeLinear (QDQ format), activation usually behind QuantizeLinear/DequantizeLinear. */
    QDQ,
    /** com.microsoft MatMulNBits with 4-bit blocks. */
    INT4_BLOCKWISE,
    /** com.microsoft MatMulNBits with 8-bit blocks. */
    INT8_BLOCKWISE,
    /**
     * Float weight stored as two thinner factors, {@code (x·A)·B} ({@code lowrank.svd}): the projection's weight is B
     * and its nodes include the product by A. Techniques that rewrite a weight's rows or columns refuse it (factor
     * last); fusion and quantization treat the two products as products.
     */
    LOW_RANK
}
