package org.strata.onnx;

/**
 * The type of a tensor value: element type and shape. {@code shape} is null when the rank is unknown.
 */
public record TensorType(DataType elementType, Shape shape) {
    public TensorType {
        if (elementType == null) throw new IllegalArgumentException("elementType");
    }

    public static TensorType of(DataType t, long... dims) {
        return new TensorType(t, Shape.of(dims));
    }

    public boolean hasShape() {
        return shape != null;
    }

    @Override
    public String toString() {
        return elementType.onnxName() + (shape == null ? "[?]" : shape.toString());
    }
}
