package org.strata.technique.quantize.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The operator form a dynamically quantized product is written in (the {@code form} parameter). Every form
 * computes {@code y = (x_q - x_zp) · (W_q - W_zp) · x_scale · W_scale (+ b)} with {@code x} quantized to
 * uint8 at run time; they differ in how many nodes do it and which runtimes know them.
 */
public enum ProductForm {
    /** The fastest form the pipeline's target runtime allows: {@link #FUSED} on ONNX Runtime, else {@link #MATMUL_INTEGER}. */
    AUTO("auto", false),
    /**
     * Standard ONNX, as ORT's {@code quantize_dynamic} writes it: DynamicQuantizeLinear (one per activation),
     * MatMulInteger, Cast to float, and a Mul by the product of the two scales; a bias stays a separate Add.
     */
    MATMUL_INTEGER("matmul-integer", false),
    /** One DynamicQuantizeLinear per activation and a com.microsoft MatMulIntegerToFloat per product, bias folded in. */
    MATMUL_INTEGER_TO_FLOAT("matmul-integer-to-float", true),
    /** One com.microsoft DynamicQuantizeMatMul per product (it quantizes its own input), bias folded in. */
    DYNAMIC_QUANTIZE_MATMUL("dynamic-quantize-matmul", true),
    /**
     * DynamicQuantizeMatMul for a product alone on its input; for siblings reading one input (Q, K and V; gate
     * and up) one shared DynamicQuantizeLinear feeding a MatMulIntegerToFloat each. This is what ONNX Runtime's
     * own graph optimizer makes of {@link #MATMUL_INTEGER} at ORT_ENABLE_ALL, written out in the file.
     */
    FUSED("fused", true);

    private final String choice;
    private final boolean contrib;

    ProductForm(String choice, boolean contrib) {
        this.choice = choice;
        this.contrib = contrib;
    }

    /** The value of the {@code form} parameter that selects this form. */
    public String choice() {
        return choice;
    }

    /** True when the form uses com.microsoft operators (ONNX Runtime only). */
    public boolean contrib() {
        return contrib;
    }

    public static List<String> choices() {
        return Arrays.stream(values()).map(ProductForm::choice).toList();
    }

    /** @throws IllegalArgumentException for a choice that is not one of {@link #choices()} (the parameter spec checked it) */
    public static ProductForm ofChoice(String choice) {
        return Arrays.stream(values()).filter(f -> f.choice.equals(choice)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("form '" + choice + "'"));
    }
}
