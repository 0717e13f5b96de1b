package org.strata.onnx.infer;

import org.strata.onnx.DataType;
import org.strata.onnx.Shape;
import org.strata.onnx.StrataException;

/**
 * Quantisation operators: values keep their shape and change element type.
 * <ul>
 * <li>QuantizeLinear: the zero point's type, else {@code output_dtype} (opset 21), else uint8.</li>
 * <li>DequantizeLinear: the scale's type from opset 19 ({@code output_dtype} from 23), float before.</li>
 * <li>DynamicQuantizeLinear: uint8 values, float scalar scale, uint8 scalar zero point.</li>
 * <li>com.microsoft QuantizeLinear / DequantizeLinear as above; QLinearAdd, QLinearMul: broadcast of A and B
 * in A's type.</li>
 * </ul>
 * (MatMulInteger, QLinearMatMul, ConvInteger, MatMulNBits and friends are in {@link LinearAlgebraRules}.)
 */
final class QuantizationRules {
    private QuantizationRules() {
    }

    static void register(RuleTable t) {
        t.onnx(QuantizationRules::quantize, "QuantizeLinear").microsoft(QuantizationRules::quantize, "QuantizeLinear");
        t.onnx(QuantizationRules::dequantize, "DequantizeLinear").microsoft(QuantizationRules::dequantize, "DequantizeLinear");
        t.onnx(op -> {
            op.output(0, DataType.UINT8, op.shape(0));
            op.output(1, DataType.FLOAT, Shape.SCALAR);
            op.output(2, DataType.UINT8, Shape.SCALAR);
        }, "DynamicQuantizeLinear");
        t.microsoft(op -> ElementwiseRules.broadcast(op, op.elementType(0), 0, 3), "QLinearAdd", "QLinearMul");
    }

    private static void quantize(OpContext op) {
        DataType type = op.elementType(2);
        if (type == null && !op.hasInput(2)) type = attributeType(op, "output_dtype", DataType.UINT8);
        op.output(0, type, op.shape(0));
    }

    private static void dequantize(OpContext op) {
        DataType type = op.opset() < 19 && op.node().domain().isEmpty() ? DataType.FLOAT : op.elementType(1);
        if (op.node().hasAttribute("output_dtype")) type = attributeType(op, "output_dtype", type);
        op.output(0, type, op.shape(0));
    }

    private static DataType attributeType(OpContext op, String name, DataType fallback) {
        long code = op.attrInt(name, 0);
        if (code == 0) return fallback;
        try {
            return DataType.ofCode((int) code);
        } catch (StrataException e) {
            throw op.error("has unknown " + name + " " + code);
        }
    }
}
