package org.strata.technique.prune.internal;

import java.util.HashMap;
import java.util.Map;

import org.strata.onnx.Dim;
import org.strata.onnx.Model;
import org.strata.onnx.ModelReader;
import org.strata.onnx.ModelWriter;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;
import org.strata.onnx.infer.ShapeInference;

/**
 * Ranks and dimensions of the values of a model, from shape inference run on a copy (the model itself keeps
 * its value_info untouched). Values are looked up by name, which the copy shares.
 */
final class ShapeFacts {
    /** A dimension that is symbolic, unknown, or of a value without a known shape. */
    static final long UNKNOWN = -1;

    private final Map<String, TensorType> types;

    private ShapeFacts(Map<String, TensorType> types) {
        this.types = types;
    }

    static ShapeFacts of(Model model) {
        Model copy = ModelReader.read(ModelWriter.toBytes(model), "shape inference copy");
        ShapeInference.standard().infer(copy);
        Map<String, TensorType> types = new HashMap<>();
        for (Value v : copy.graph().values()) if (v.type() != null) types.put(v.name(), v.type());
        return new ShapeFacts(types);
    }

    /** The rank of {@code v}, or -1 when not known. */
    int rank(Value v) {
        TensorType t = types.get(v.name());
        return t == null || !t.hasShape() ? -1 : t.shape().rank();
    }

    /** The fixed size of {@code axis} of {@code v}, or {@link #UNKNOWN}. */
    long dim(Value v, int axis) {
        TensorType t = types.get(v.name());
        if (t == null || !t.hasShape() || axis < 0 || axis >= t.shape().rank()) return UNKNOWN;
        Dim d = t.shape().dim(axis);
        return d.sizeOr(UNKNOWN);
    }
}
