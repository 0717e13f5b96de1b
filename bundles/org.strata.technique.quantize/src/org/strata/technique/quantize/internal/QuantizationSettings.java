package org.strata.technique.quantize.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.strata.core.Parameters;
import org.strata.core.TargetRuntime;
import org.strata.core.TechniqueException;
import org.strata.onnx.DataType;

/**
 * The parameters of one application of {@link DynamicInt8Quantization}, checked against each other and the
 * target runtime, with {@link ProductForm#AUTO} resolved.
 *
 * @param form the product form to write (never AUTO)
 * @param weights how product weights are quantized
 * @param tables how embedding tables are quantized (full range: Gather does no integer arithmetic)
 * @param excludeBlocks block numbers, from 1, whose products stay float
 */
public record QuantizationSettings(ProductForm form, QuantizationScheme weights, QuantizationScheme tables,
        boolean quantizeEmbeddings, boolean otherProducts, Set<String> excludeOpTypes, Set<Integer> excludeBlocks,
        Set<String> excludeNodes) {

    public QuantizationSettings {
        excludeOpTypes = Set.copyOf(excludeOpTypes);
        excludeBlocks = Set.copyOf(excludeBlocks);
        excludeNodes = Set.copyOf(excludeNodes);
    }

    /**
     * @throws TechniqueException when a com.microsoft form is asked for but the target runtime is plain ONNX
     */
    static QuantizationSettings from(Parameters p, TargetRuntime target) {
        ProductForm form = ProductForm.ofChoice(p.getString(DynamicInt8Quantization.FORM));
        if (form == ProductForm.AUTO) form = target == TargetRuntime.ONNX ? ProductForm.MATMUL_INTEGER : DynamicInt8Quantization.FASTEST;
        if (form.contrib() && target == TargetRuntime.ONNX) {
            throw new TechniqueException("form '" + form.choice() + "' uses com.microsoft operators, but the pipeline targets "
                    + "plain ONNX (standard operators only); use form 'matmul-integer' or 'auto', or target onnxruntime");
        }
        DataType type = "uint8".equals(p.getString(DynamicInt8Quantization.WEIGHT_TYPE)) ? DataType.UINT8 : DataType.INT8;
        boolean symmetric = p.getBoolean(DynamicInt8Quantization.SYMMETRIC);
        boolean perChannel = p.getBoolean(DynamicInt8Quantization.PER_CHANNEL);
        QuantizationScheme weights = QuantizationScheme.of(type, symmetric, p.getBoolean(DynamicInt8Quantization.REDUCE_RANGE), perChannel);
        QuantizationScheme tables = QuantizationScheme.of(type, symmetric, false, perChannel);
        return new QuantizationSettings(form, weights, tables, p.getBoolean(DynamicInt8Quantization.QUANTIZE_EMBEDDINGS),
                p.getBoolean(DynamicInt8Quantization.OTHER_PRODUCTS), new LinkedHashSet<>(p.getStringList(DynamicInt8Quantization.EXCLUDE_OP_TYPES)),
                new LinkedHashSet<>(p.getIntList(DynamicInt8Quantization.EXCLUDE_BLOCKS)),
                new LinkedHashSet<>(p.getStringList(DynamicInt8Quantization.EXCLUDE_NODES)));
    }

    /** Op types the exclude-op-types parameter may name. */
    static final List<String> EXCLUDABLE_OPS = List.of("MatMul", "Gemm", "Gather", "Attention");
}
