package org.strata.runtime;

import java.util.List;

import ai.onnxruntime.OnnxJavaType;

/**
 * One input of a model as ONNX Runtime describes it, with the role Strata gave it.
 *
 * @param name           the graph input name
 * @param role           what Strata will put in it
 * @param elementType    element type (INT64, INT32, FLOAT, FLOAT16, BOOL, …)
 * @param shape          dimensions, -1 where the dimension is dynamic
 * @param dimensionNames symbolic names of dynamic dimensions ("batch_size"), empty where there is none
 */
public record InputSpec(String name, InputRole role, OnnxJavaType elementType, List<Long> shape,
        List<String> dimensionNames) {

    public InputSpec {
        shape = List.copyOf(shape);
        dimensionNames = List.copyOf(dimensionNames);
    }

    public int rank() {
        return shape.size();
    }

    public boolean isDynamic(int dimension) {
        return shape.get(dimension) < 0;
    }

    public boolean isIntegral() {
        return elementType == OnnxJavaType.INT64 || elementType == OnnxJavaType.INT32
                || elementType == OnnxJavaType.INT16 || elementType == OnnxJavaType.INT8
                || elementType == OnnxJavaType.UINT8;
    }

    public boolean isFloatingPoint() {
        return elementType == OnnxJavaType.FLOAT || elementType == OnnxJavaType.DOUBLE
                || elementType == OnnxJavaType.FLOAT16 || elementType == OnnxJavaType.BFLOAT16;
    }
}
