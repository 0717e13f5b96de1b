package org.strata.onnx.infer;

import java.util.ArrayList;
import java.util.List;

import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Shape;
import org.strata.onnx.TensorType;

/** Combining two descriptions of one value: a declared type with an inferred one, or the two branches of an If. */
final class TypeMerge {
    private TypeMerge() {
    }

    /**
     * Why {@code declared} and {@code inferred} cannot both be true (different element types, ranks, or fixed
     * sizes), or null when they agree as far as both go. Symbols never conflict: a symbol may stand for any size.
     */
    static String conflict(TensorType declared, TensorType inferred) {
        DataType a = declared.elementType();
        DataType b = inferred.elementType();
        if (a != DataType.UNDEFINED && b != DataType.UNDEFINED && a != b) return "element type " + a.onnxName() + " vs " + b.onnxName();
        Shape s = declared.shape();
        Shape t = inferred.shape();
        if (s == null || t == null) return null;
        if (s.rank() != t.rank()) return "rank " + s.rank() + " vs " + t.rank();
        for (int i = 0; i < s.rank(); i++) {
            if (s.dim(i) instanceof Dim.Fixed x && t.dim(i) instanceof Dim.Fixed y && x.size() != y.size()) {
                return "dimension " + i + " is " + x.size() + " vs " + y.size();
            }
        }
        return null;
    }

    /**
     * The declared type completed by the inferred one (for types without a {@link #conflict}): what the file
     * says wins wherever it says something; the inferred element type, rank and dimensions fill what it
     * leaves undefined or unknown.
     */
    static TensorType refine(TensorType declared, TensorType inferred) {
        DataType et = declared.elementType() != DataType.UNDEFINED ? declared.elementType() : inferred.elementType();
        Shape s = declared.shape();
        Shape t = inferred.shape();
        if (s == null) return new TensorType(et, t);
        if (t == null) return new TensorType(et, s);
        List<Dim> dims = new ArrayList<>(s.rank());
        for (int i = 0; i < s.rank(); i++) dims.add(s.dim(i) instanceof Dim.Unknown ? t.dim(i) : s.dim(i));
        return new TensorType(et, new Shape(dims));
    }

    /**
     * A type true of a value that is either {@code a} or {@code b} (the outputs of an If's two branches): the
     * common element type, and per dimension the common one or unknown; rank unknown when the ranks differ.
     * Null when either is null or the element types differ.
     */
    static TensorType union(TensorType a, TensorType b) {
        if (a == null || b == null || a.elementType() != b.elementType()) return null;
        if (a.shape() == null || b.shape() == null || a.shape().rank() != b.shape().rank()) {
            return new TensorType(a.elementType(), null);
        }
        List<Dim> dims = new ArrayList<>();
        for (int i = 0; i < a.shape().rank(); i++) {
            Dim x = a.shape().dim(i);
            dims.add(x.equals(b.shape().dim(i)) ? x : Dim.UNKNOWN);
        }
        return new TensorType(a.elementType(), new Shape(dims));
    }
}
