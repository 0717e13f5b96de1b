package org.strata.onnx.infer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Node;
import org.strata.onnx.Shape;
import org.strata.onnx.StrataException;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;

/**
 * Operators that make a tensor from attributes or from another tensor's shape; these are where shape data
 * starts.
 * <ul>
 * <li>Constant: the attribute's type and shape; integer contents become shape data.</li>
 * <li>Shape (with opset 15 {@code start}/{@code end}): int64[rank], contents the input's dimensions (symbols
 * included). Size: int64 scalar, the product of the dimensions.</li>
 * <li>ConstantOfShape: the shape is the input's contents; the type is the {@code value} attribute's (float
 * by default); filled contents when small.</li>
 * <li>Range: 1-D of the start's type; length {@code ceil((limit - start) / delta)} from constant inputs, or
 * {@code limit - start} when delta is 1 and the bounds are symbolic.</li>
 * <li>EyeLike, RandomUniformLike, RandomNormalLike: input's shape, {@code dtype} or the input's type.
 * RandomUniform, RandomNormal: {@code shape} attribute, {@code dtype} (float by default).</li>
 * </ul>
 */
final class ConstantRules {
    private ConstantRules() {
    }

    static void register(RuleTable t) {
        t.onnx(ConstantRules::constant, "Constant");
        t.onnx(ConstantRules::shape, "Shape");
        t.onnx(ConstantRules::size, "Size");
        t.onnx(ConstantRules::constantOfShape, "ConstantOfShape");
        t.onnx(ConstantRules::range, "Range");
        t.onnx(op -> op.output(0, dtype(op, op.elementType(0)), op.shape(0)), "EyeLike", "RandomUniformLike", "RandomNormalLike");
        t.onnx(op -> {
            long[] s = op.attrInts("shape");
            op.output(0, dtype(op, DataType.FLOAT), s == null ? null : Shape.of(s));
        }, "RandomUniform", "RandomNormal");
    }

    /** The value of a Constant node in whichever attribute form it uses, or null (sparse values). */
    static Tensor constantValue(Node n) {
        for (Attribute a : n.attributes().values()) {
            switch (a) {
                case Attribute.TensorValue v when a.name().equals("value") -> {
                    return v.value();
                }
                case Attribute.Float f when a.name().equals("value_float") -> {
                    return TensorCodec.fromFloats("", new long[0], new float[] {f.value()});
                }
                case Attribute.Floats f when a.name().equals("value_floats") -> {
                    float[] v = new float[f.values().size()];
                    for (int i = 0; i < v.length; i++) v[i] = f.values().get(i);
                    return TensorCodec.fromFloats("", new long[] {v.length}, v);
                }
                case Attribute.Int i when a.name().equals("value_int") -> {
                    return TensorCodec.fromLongs("", new long[0], new long[] {i.value()});
                }
                case Attribute.Ints i when a.name().equals("value_ints") -> {
                    return TensorCodec.fromLongs("", new long[] {i.values().size()}, i.toArray());
                }
                case Attribute.Str s when a.name().equals("value_string") -> {
                    return Tensor.ofStrings("", new long[0], List.of(s.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                }
                case Attribute.Strs s when a.name().equals("value_strings") -> {
                    List<byte[]> v = new ArrayList<>();
                    for (String x : s.values()) v.add(x.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    return Tensor.ofStrings("", new long[] {v.size()}, v);
                }
                default -> {
                }
            }
        }
        return null;
    }

    private static void constant(OpContext op) {
        Tensor t = constantValue(op.node());
        if (t == null) return;
        op.output(0, t.tensorType());
        op.outputData(0, SymbolicTensor.of(t));
    }

    private static void shape(OpContext op) {
        Shape s = op.shape(0);
        if (s == null) {
            op.output(0, DataType.INT64, Shape.of(Dim.UNKNOWN));
            return;
        }
        int r = s.rank();
        int start = clampAxis(op.attrInt("start", 0), r);
        int end = clampAxis(op.attrInt("end", r), r);
        List<SymbolicInt> v = new ArrayList<>();
        for (int i = start; i < end; i++) v.add(SymbolicInt.of(s.dim(i)));
        op.outputData(0, SymbolicTensor.vector(DataType.INT64, v));
    }

    private static int clampAxis(long a, int rank) {
        long x = a < 0 ? a + rank : a;
        return (int) Math.max(0, Math.min(rank, x));
    }

    private static void size(OpContext op) {
        op.output(0, DataType.INT64, Shape.SCALAR);
        Shape s = op.shape(0);
        if (s == null) return;
        SymbolicInt n = SymbolicInt.of(1);
        for (Dim d : s.dims()) n = n.times(SymbolicInt.of(d));
        op.outputData(0, SymbolicTensor.scalar(DataType.INT64, n));
    }

    private static void constantOfShape(OpContext op) {
        Tensor value = op.node().attrTensor("value");
        DataType type = value == null ? DataType.FLOAT : value.type();
        SymbolicTensor target = op.data(0);
        if (target == null) {
            Shape in = op.shape(0);
            Shape out = in != null && in.rank() == 1 && in.dim(0) instanceof Dim.Fixed f
                    ? new Shape(Collections.nCopies((int) f.size(), Dim.UNKNOWN)) : null;
            op.output(0, type, out);
            return;
        }
        List<Dim> dims = new ArrayList<>();
        for (SymbolicInt x : target.values()) {
            if (x.isKnown() && x.value() < 0) throw op.error("asks for a negative dimension " + x.value());
            dims.add(x.toDim());
        }
        Shape out = new Shape(dims);
        op.output(0, type, out);
        if (out.isStatic() && out.elementCount() <= SymbolicTensor.MAX_ELEMENTS && SymbolicTensor.tracked(type)) {
            long fill = value == null ? 0 : TensorCodec.toLongs(value)[0];
            op.outputData(0, new SymbolicTensor(type, out,
                    Collections.nCopies((int) out.elementCount(), SymbolicInt.of(fill))));
        }
    }

    private static void range(OpContext op) {
        DataType type = op.elementType(0) != null ? op.elementType(0) : op.elementType(1);
        SymbolicTensor start = op.data(0);
        SymbolicTensor limit = op.data(1);
        SymbolicTensor delta = op.data(2);
        Dim length = Dim.UNKNOWN;
        if (start != null && limit != null && delta != null) {
            SymbolicInt s = start.get(0);
            SymbolicInt l = limit.get(0);
            SymbolicInt d = delta.get(0);
            if (d.is(0)) throw op.error("has a delta of 0");
            if (s.isKnown() && l.isKnown() && d.isKnown()) {
                length = Dim.of(Math.max(0, Math.ceilDiv(l.value() - s.value(), d.value())));
            } else if (d.is(1)) {
                length = l.minus(s).toDim();
            } else if (d.is(-1)) {
                length = s.minus(l).toDim();
            }
            if (length instanceof Dim.Fixed f && f.size() <= SymbolicTensor.MAX_ELEMENTS && SymbolicTensor.tracked(type)) {
                List<SymbolicInt> v = new ArrayList<>();
                for (long i = 0; i < f.size(); i++) v.add(s.plus(d.times(SymbolicInt.of(i))));
                op.outputData(0, SymbolicTensor.vector(type, v));
                return;
            }
        } else {
            length = floatRangeLength(op);
        }
        op.output(0, type, Shape.of(length));
    }

    /** Length of a Range over constant floating-point scalars, else unknown. */
    private static Dim floatRangeLength(OpContext op) {
        Tensor s = op.constant(0);
        Tensor l = op.constant(1);
        Tensor d = op.constant(2);
        if (s == null || l == null || d == null || s.elementCount() != 1 || l.elementCount() != 1 || d.elementCount() != 1) {
            return Dim.UNKNOWN;
        }
        double start = TensorCodec.toFloats(s)[0];
        double limit = TensorCodec.toFloats(l)[0];
        double delta = TensorCodec.toFloats(d)[0];
        if (delta == 0) throw op.error("has a delta of 0");
        return Dim.of((long) Math.max(0, Math.ceil((limit - start) / delta)));
    }

    /** The {@code dtype} attribute's type, or {@code fallback}. */
    private static DataType dtype(OpContext op, DataType fallback) {
        long code = op.attrInt("dtype", -1);
        if (code < 0) return fallback;
        try {
            return DataType.ofCode((int) code);
        } catch (StrataException e) {
            throw op.error("has unknown dtype " + code);
        }
    }
}
