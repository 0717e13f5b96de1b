package org.strata.technique.cleanup.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Node;
import org.strata.onnx.Shape;
import org.strata.onnx.StrataException;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;

/**
 * Evaluates, in Java, the default-domain operators that shape computations are made of, on
 * {@link KnownTensor}s: Shape, Size, Gather, Unsqueeze, Squeeze, Concat, Slice, Cast, Add/Sub/Mul/Div on
 * integers, Reshape, ConstantOfShape, Range on integers, Equal, Where, Not and Identity.
 *
 * <p>It answers only where every implementation agrees bit for bit, and otherwise says "cannot tell" (null):
 * <ul>
 * <li>arithmetic is on integer types only, checked for overflow against the element type; integer Div only
 * when it is exact or both operands are non-negative (truncating and flooring division then agree), never by
 * zero;</li>
 * <li>Cast only when the value converts exactly (an integer in the target's range, a float that is a whole
 * number in range, a float that the narrower float type represents exactly); NaN and infinities are not
 * cast;</li>
 * <li>indices out of range, axes out of range or repeated, shapes that do not broadcast or a Reshape that does
 * not fit are left for the runtime to report;</li>
 * <li>results larger than {@code maxElements} are not built.</li>
 * </ul>
 * Elements that are not known propagate as not known (Gather and Slice of a partly known {@code Shape} may
 * still pick only known elements). Floating-point data is only moved, never computed on.
 */
final class ConstantEvaluator {
    /** What the evaluator may ask about the inputs of the node being evaluated. */
    interface Inputs {
        /** Input {@code i}'s contents as far as they are known, or null (absent, unknown, too large). */
        KnownTensor contents(int i);

        /** Input {@code i}'s shape, or null when its rank is not known. */
        Shape shape(int i);
    }

    private final long maxElements;

    ConstantEvaluator(long maxElements) {
        this.maxElements = maxElements;
    }

    /** True when {@link #evaluate} knows the operator ({@code domain} "" only). */
    static boolean handles(Node n) {
        return n.domain().isEmpty() && switch (n.opType()) {
            case "Shape", "Size", "Gather", "Unsqueeze", "Squeeze", "Concat", "Slice", "Cast", "Add", "Sub", "Mul", "Div",
                    "Reshape", "ConstantOfShape", "Range", "Equal", "Where", "Not", "Identity" -> true;
            default -> false;
        };
    }

    /**
     * The outputs of {@code n} (one entry per output) as far as they can be known, or null when nothing can be
     * said.
     *
     * @param opset the version the model imports the default domain at
     */
    List<KnownTensor> evaluate(Node n, long opset, Inputs in) {
        if (!handles(n) || n.outputs().size() != 1) return null;
        KnownTensor out;
        try {
            out = switch (n.opType()) {
                case "Shape" -> shape(n, in.shape(0));
                case "Size" -> size(in.shape(0));
                case "Gather" -> gather(in.contents(0), in.contents(1), n.attrInt("axis", 0));
                case "Unsqueeze" -> unsqueeze(in.contents(0), axes(n, opset, in, 13, true));
                case "Squeeze" -> squeeze(in.contents(0), axes(n, opset, in, 13, false));
                case "Concat" -> concat(n, in);
                case "Slice" -> slice(n, opset, in);
                case "Cast" -> cast(in.contents(0), n.attrInt("to", -1));
                case "Add", "Sub", "Mul", "Div" -> arithmetic(n.opType(), in.contents(0), in.contents(1));
                case "Reshape" -> reshape(in.contents(0), in.contents(1), n.attrInt("allowzero", 0) != 0);
                case "ConstantOfShape" -> constantOfShape(in.contents(0), n.attrTensor("value"));
                case "Range" -> range(in.contents(0), in.contents(1), in.contents(2));
                case "Equal" -> equal(in.contents(0), in.contents(1));
                case "Where" -> where(in.contents(0), in.contents(1), in.contents(2));
                case "Not" -> not(in.contents(0));
                case "Identity" -> in.contents(0);
                default -> null;
            };
        } catch (ArithmeticException | IllegalArgumentException e) {
            // Overflow, a type that cannot hold the result, inconsistent sizes: the runtime decides, not us.
            return null;
        }
        return out == null || out.size() > maxElements ? null : List.of(out);
    }

    // ---- shapes -------------------------------------------------------------------------------------------

    private static KnownTensor shape(Node n, Shape s) {
        if (s == null) return null;
        int r = s.rank();
        int start = clamp(n.attrInt("start", 0), r);
        int end = clamp(n.attrInt("end", r), r);
        int len = Math.max(0, end - start);
        long[] v = new long[len];
        boolean[] k = new boolean[len];
        for (int i = 0; i < len; i++) {
            Dim d = s.dim(start + i);
            k[i] = d.isFixed();
            v[i] = d.sizeOr(0);
        }
        return new KnownTensor(DataType.INT64, new long[] {len}, v, k);
    }

    private static int clamp(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        return (int) Math.max(0, Math.min(rank, a));
    }

    private static KnownTensor size(Shape s) {
        if (s == null || !s.isStatic()) return null;
        return KnownTensor.scalar(DataType.INT64, s.elementCount());
    }

    // ---- data movement ------------------------------------------------------------------------------------

    private KnownTensor gather(KnownTensor data, KnownTensor indices, long axisAttr) {
        if (data == null || indices == null || !indices.fullyKnown() || !KnownTensor.isArithmetic(indices.type())) return null;
        int r = data.rank();
        if (r == 0) return null;
        int axis = axis(axisAttr, r);
        if (axis < 0) return null;
        long axisLen = data.dims()[axis];
        long[] outDims = concat(Arrays.copyOfRange(data.dims(), 0, axis), indices.dims(),
                Arrays.copyOfRange(data.dims(), axis + 1, r));
        if (!fits(outDims)) return null;
        long outer = Shape.elementCount(Arrays.copyOfRange(data.dims(), 0, axis));
        long inner = Shape.elementCount(Arrays.copyOfRange(data.dims(), axis + 1, r));
        int[] from = new int[(int) Shape.elementCount(outDims)];
        int e = 0;
        for (long o = 0; o < outer; o++) {
            for (int j = 0; j < indices.size(); j++) {
                long k = indices.get(j) < 0 ? indices.get(j) + axisLen : indices.get(j);
                if (k < 0 || k >= axisLen) return null;
                for (long i = 0; i < inner; i++) from[e++] = (int) ((o * axisLen + k) * inner + i);
            }
        }
        return data.gather(outDims, from);
    }

    /**
     * The axes of Unsqueeze/Squeeze: an attribute before {@code inputSince}, input 1 from it on. An empty array
     * when they are absent (Squeeze: every dimension of size 1), null when they are not known.
     */
    private static long[] axes(Node n, long opset, Inputs in, long inputSince, boolean required) {
        if (opset >= 0 && opset < inputSince) {
            long[] a = n.attrInts("axes");
            return a != null ? a : required ? null : new long[0];
        }
        if (n.input(1) == null) return required || n.hasAttribute("axes") ? null : new long[0];
        KnownTensor a = in.contents(1);
        return a == null || !KnownTensor.isArithmetic(a.type()) ? null : a.values();
    }

    private static KnownTensor unsqueeze(KnownTensor data, long[] axes) {
        if (data == null || axes == null || axes.length == 0) return null;
        int outRank = data.rank() + axes.length;
        boolean[] inserted = new boolean[outRank];
        for (long a : axes) {
            int x = axis(a, outRank);
            if (x < 0 || inserted[x]) return null;
            inserted[x] = true;
        }
        long[] dims = new long[outRank];
        for (int i = 0, j = 0; i < outRank; i++) dims[i] = inserted[i] ? 1 : data.dims()[j++];
        return data.reshaped(dims);
    }

    private static KnownTensor squeeze(KnownTensor data, long[] axes) {
        if (data == null || axes == null) return null;
        int r = data.rank();
        boolean[] removed = new boolean[r];
        if (axes.length == 0) {
            for (int i = 0; i < r; i++) removed[i] = data.dims()[i] == 1;
        }
        for (long a : axes) {
            int x = axis(a, r);
            if (x < 0 || removed[x] || data.dims()[x] != 1) return null;
            removed[x] = true;
        }
        List<Long> dims = new ArrayList<>();
        for (int i = 0; i < r; i++) if (!removed[i]) dims.add(data.dims()[i]);
        return data.reshaped(dims.stream().mapToLong(Long::longValue).toArray());
    }

    private KnownTensor concat(Node n, Inputs in) {
        List<KnownTensor> parts = new ArrayList<>();
        for (int i = 0; i < n.inputs().size(); i++) {
            KnownTensor t = in.contents(i);
            if (t == null || (!parts.isEmpty() && (t.type() != parts.get(0).type() || t.rank() != parts.get(0).rank()))) return null;
            parts.add(t);
        }
        if (parts.isEmpty() || parts.get(0).rank() == 0) return null;
        int r = parts.get(0).rank();
        int axis = axis(n.attrInt("axis", 0), r);
        if (axis < 0) return null;
        long[] outDims = parts.get(0).dims();
        outDims[axis] = 0;
        for (KnownTensor t : parts) {
            for (int d = 0; d < r; d++) if (d != axis && t.dims()[d] != outDims[d]) return null;
            outDims[axis] += t.dims()[axis];
        }
        if (!fits(outDims)) return null;
        long outer = Shape.elementCount(Arrays.copyOfRange(outDims, 0, axis));
        long inner = Shape.elementCount(Arrays.copyOfRange(outDims, axis + 1, r));
        int total = (int) Shape.elementCount(outDims);
        long[] bits = new long[total];
        boolean[] known = new boolean[total];
        int e = 0;
        for (long o = 0; o < outer; o++) {
            for (KnownTensor t : parts) {
                long block = t.dims()[axis] * inner;
                for (long i = 0; i < block; i++) {
                    int src = (int) (o * block + i);
                    bits[e] = t.get(src);
                    known[e++] = t.isKnown(src);
                }
            }
        }
        return new KnownTensor(parts.get(0).type(), outDims, bits, known);
    }

    private KnownTensor slice(Node n, long opset, Inputs in) {
        KnownTensor data = in.contents(0);
        if (data == null) return null;
        long[] starts;
        long[] ends;
        long[] axes;
        long[] steps = null;
        if (opset >= 0 && opset < 10) {
            starts = n.attrInts("starts");
            ends = n.attrInts("ends");
            axes = n.attrInts("axes");
        } else {
            starts = ints(in.contents(1));
            ends = ints(in.contents(2));
            axes = n.input(3) == null ? null : ints(in.contents(3));
            if (n.input(3) != null && axes == null) return null;
            if (n.input(4) != null && (steps = ints(in.contents(4))) == null) return null;
        }
        if (starts == null || ends == null || starts.length != ends.length) return null;
        int r = data.rank();
        if (axes == null) {
            axes = new long[starts.length];
            for (int i = 0; i < axes.length; i++) axes[i] = i;
        }
        if (steps == null) {
            steps = new long[starts.length];
            Arrays.fill(steps, 1);
        }
        if (axes.length != starts.length || steps.length != starts.length) return null;
        long[] first = new long[r];
        long[] step = new long[r];
        long[] count = data.dims();
        Arrays.fill(step, 1);
        boolean[] seen = new boolean[r];
        for (int i = 0; i < starts.length; i++) {
            int a = axis(axes[i], r);
            if (a < 0 || seen[a] || steps[i] == 0) return null;
            seen[a] = true;
            long d = data.dims()[a];
            long s = starts[i] < 0 ? starts[i] + d : starts[i];
            long e = ends[i] < 0 ? ends[i] + d : ends[i];
            if (steps[i] > 0) {
                s = Math.max(0, Math.min(d, s));
                e = Math.max(0, Math.min(d, e));
                count[a] = e > s ? Math.ceilDiv(e - s, steps[i]) : 0;
            } else {
                s = Math.max(0, Math.min(d - 1, s));
                e = Math.max(-1, Math.min(d - 1, e));
                count[a] = s > e ? Math.ceilDiv(s - e, -steps[i]) : 0;
            }
            first[a] = s;
            step[a] = steps[i];
        }
        if (!fits(count)) return null;
        long[] strides = KnownTensor.strides(data.dims());
        int total = (int) Shape.elementCount(count);
        int[] from = new int[total];
        long[] pos = new long[r];
        for (int e = 0; e < total; e++) {
            long off = 0;
            for (int d = 0; d < r; d++) off += (first[d] + pos[d] * step[d]) * strides[d];
            from[e] = (int) off;
            for (int d = r - 1; d >= 0; d--) {
                if (++pos[d] < count[d]) break;
                pos[d] = 0;
            }
        }
        return data.gather(count, from);
    }

    private KnownTensor reshape(KnownTensor data, KnownTensor target, boolean allowZero) {
        long[] t = ints(target);
        if (data == null || t == null) return null;
        long[] dims = new long[t.length];
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < t.length; i++) {
            if (t[i] == 0 && !allowZero) {
                if (i >= data.rank()) return null;
                dims[i] = data.dims()[i];
            } else if (t[i] == -1) {
                if (inferred >= 0) return null;
                inferred = i;
                continue;
            } else if (t[i] < 0) {
                return null;
            } else {
                dims[i] = t[i];
            }
            known = Math.multiplyExact(known, dims[i]);
        }
        if (inferred >= 0) {
            if (known == 0 || data.size() % known != 0) return null;
            dims[inferred] = data.size() / known;
        } else if (known != data.size()) {
            return null;
        }
        return data.reshaped(dims);
    }

    private static long[] ints(KnownTensor t) {
        return t == null || !KnownTensor.isArithmetic(t.type()) ? null : t.values();
    }

    // ---- values -------------------------------------------------------------------------------------------

    private KnownTensor constantOfShape(KnownTensor shape, Tensor value) {
        long[] dims = ints(shape);
        if (dims == null || shape.rank() != 1) return null;
        for (long d : dims) if (d < 0) return null;
        if (!fits(dims)) return null;
        KnownTensor fill = value == null ? KnownTensor.scalar(DataType.FLOAT, 0) : KnownTensor.of(value, 1);
        if (fill == null || fill.size() != 1) return null;
        long[] bits = new long[(int) Shape.elementCount(dims)];
        Arrays.fill(bits, fill.get(0));
        return KnownTensor.of(fill.type(), dims, bits);
    }

    private KnownTensor range(KnownTensor start, KnownTensor limit, KnownTensor delta) {
        long[] s = ints(start);
        long[] l = ints(limit);
        long[] d = ints(delta);
        if (s == null || l == null || d == null || s.length != 1 || l.length != 1 || d.length != 1 || d[0] == 0
                || start.type() != limit.type() || start.type() != delta.type()) {
            return null;
        }
        long span = Math.subtractExact(l[0], s[0]);
        long n = Math.max(0, d[0] > 0 ? Math.ceilDiv(span, d[0]) : Math.ceilDiv(-span, -d[0]));
        if (n > maxElements) return null;
        long[] v = new long[(int) n];
        for (int i = 0; i < n; i++) v[i] = inRange(start.type(), Math.addExact(s[0], Math.multiplyExact(i, d[0])));
        return KnownTensor.vector(start.type(), v);
    }

    private KnownTensor arithmetic(String op, KnownTensor a, KnownTensor b) {
        if (a == null || b == null || a.type() != b.type() || !KnownTensor.isArithmetic(a.type())) return null;
        return elementwise(a.type(), List.of(a, b), v -> {
            long x = v[0];
            long y = v[1];
            return inRange(a.type(), switch (op) {
                case "Add" -> Math.addExact(x, y);
                case "Sub" -> Math.subtractExact(x, y);
                case "Mul" -> Math.multiplyExact(x, y);
                default -> {
                    if (y == 0 || (x % y != 0 && (x < 0 || y < 0))) throw new ArithmeticException("inexact division");
                    yield x / y;
                }
            });
        });
    }

    private KnownTensor equal(KnownTensor a, KnownTensor b) {
        if (a == null || b == null || a.type() != b.type()) return null;
        boolean floats = KnownTensor.isFloat(a.type());
        return elementwise(DataType.BOOL, List.of(a, b), v -> {
            if (!floats) return v[0] == v[1] ? 1 : 0;
            return ElementBits.decode(a.type(), v[0]) == ElementBits.decode(a.type(), v[1]) ? 1 : 0;
        });
    }

    private KnownTensor where(KnownTensor c, KnownTensor x, KnownTensor y) {
        if (c == null || x == null || y == null || c.type() != DataType.BOOL || x.type() != y.type()) return null;
        long[] dims = KnownTensor.broadcast(List.of(c.dims(), x.dims(), y.dims()));
        if (dims == null || !fits(dims)) return null;
        int[] ci = KnownTensor.broadcastIndex(c.dims(), dims);
        int[] xi = KnownTensor.broadcastIndex(x.dims(), dims);
        int[] yi = KnownTensor.broadcastIndex(y.dims(), dims);
        long[] bits = new long[ci.length];
        boolean[] known = new boolean[ci.length];
        for (int e = 0; e < ci.length; e++) {
            if (!c.isKnown(ci[e])) continue;
            boolean pickX = c.get(ci[e]) != 0;
            KnownTensor src = pickX ? x : y;
            int at = pickX ? xi[e] : yi[e];
            bits[e] = src.get(at);
            known[e] = src.isKnown(at);
        }
        return new KnownTensor(x.type(), dims, bits, known);
    }

    private static KnownTensor not(KnownTensor a) {
        if (a == null || a.type() != DataType.BOOL) return null;
        long[] bits = new long[a.size()];
        boolean[] known = new boolean[a.size()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = a.get(i) == 0 ? 1 : 0;
            known[i] = a.isKnown(i);
        }
        return a.withElements(DataType.BOOL, bits, known);
    }

    private static KnownTensor cast(KnownTensor a, long toCode) {
        if (a == null || toCode < 0 || toCode > Integer.MAX_VALUE) return null;
        DataType to;
        try {
            to = DataType.ofCode((int) toCode);
        } catch (StrataException e) {
            return null;
        }
        if (!KnownTensor.holds(to)) return null;
        long[] bits = new long[a.size()];
        boolean[] known = new boolean[a.size()];
        for (int i = 0; i < bits.length; i++) {
            if (!a.isKnown(i)) continue;
            bits[i] = ElementBits.castExactly(a.type(), a.get(i), to);
            known[i] = true;
        }
        return a.withElements(to, bits, known);
    }

    /** Element-wise {@code f} with broadcasting; an element is known when all its operands are. */
    private KnownTensor elementwise(DataType resultType, List<KnownTensor> operands, java.util.function.ToLongFunction<long[]> f) {
        List<long[]> all = operands.stream().map(KnownTensor::dims).toList();
        long[] dims = KnownTensor.broadcast(all);
        if (dims == null || !fits(dims)) return null;
        List<int[]> index = new ArrayList<>();
        for (KnownTensor t : operands) index.add(KnownTensor.broadcastIndex(t.dims(), dims));
        int n = (int) Shape.elementCount(dims);
        long[] bits = new long[n];
        boolean[] known = new boolean[n];
        long[] args = new long[operands.size()];
        for (int e = 0; e < n; e++) {
            boolean k = true;
            for (int j = 0; j < args.length; j++) {
                int at = index.get(j)[e];
                k &= operands.get(j).isKnown(at);
                args[j] = operands.get(j).get(at);
            }
            if (!k) continue;
            bits[e] = f.applyAsLong(args);
            known[e] = true;
        }
        return new KnownTensor(resultType, dims, bits, known);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** {@code v} when an integer of type {@code t} can hold it. @throws ArithmeticException otherwise */
    static long inRange(DataType t, long v) {
        long[] r = ElementBits.integerRange(t);
        if (v < r[0] || v > r[1]) throw new ArithmeticException(v + " does not fit " + t.onnxName());
        return v;
    }

    /** {@code axis} counted from 0 in a tensor of {@code rank}, or -1 when out of range. */
    private static int axis(long axis, int rank) {
        if (axis < -rank || axis >= rank) return -1;
        return (int) (axis < 0 ? axis + rank : axis);
    }

    private boolean fits(long[] dims) {
        try {
            return Shape.elementCount(dims) <= maxElements;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static long[] concat(long[]... parts) {
        return Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
    }

    /** Conversions between element bits and values for the types folding holds. */
    static final class ElementBits {
        private ElementBits() {
        }

        static double decode(DataType t, long bits) {
            return switch (t) {
                case FLOAT -> Float.intBitsToFloat((int) bits);
                case DOUBLE -> Double.longBitsToDouble(bits);
                case FLOAT16 -> Float.float16ToFloat((short) bits);
                case BFLOAT16 -> TensorCodec.bf16ToFloat((short) bits);
                default -> throw new IllegalArgumentException(t + " is not a floating-point type");
            };
        }

        /** The bits of {@code v} in float type {@code t}. @throws ArithmeticException unless {@code t} holds it exactly */
        static long encodeExactly(DataType t, double v) {
            if (Double.isNaN(v) || Double.isInfinite(v)) throw new ArithmeticException("not a finite value");
            long bits = switch (t) {
                case FLOAT -> Integer.toUnsignedLong(Float.floatToRawIntBits((float) v));
                case DOUBLE -> Double.doubleToRawLongBits(v);
                case FLOAT16 -> Short.toUnsignedLong(Float.floatToFloat16((float) v));
                case BFLOAT16 -> Short.toUnsignedLong(TensorCodec.floatToBf16((float) v));
                default -> throw new IllegalArgumentException(t + " is not a floating-point type");
            };
            if (decode(t, bits) != v) throw new ArithmeticException(v + " is not exact in " + t.onnxName());
            return bits;
        }

        /** Cast of one element; see the class comment for what counts as exact. */
        static long castExactly(DataType from, long bits, DataType to) {
            boolean fromFloat = KnownTensor.isFloat(from);
            if (!fromFloat && from == DataType.UINT64 && bits < 0) throw new ArithmeticException("uint64 above 2^63");
            if (KnownTensor.isFloat(to)) return encodeExactly(to, fromFloat ? decode(from, bits) : exactDouble(bits));
            if (to == DataType.BOOL) {
                if (!fromFloat) return bits != 0 ? 1 : 0;
                double v = decode(from, bits);
                if (Double.isNaN(v)) throw new ArithmeticException("NaN to bool");
                return v != 0 ? 1 : 0;
            }
            if (!fromFloat) return inRange(to, bits);
            double v = decode(from, bits);
            if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) >= 0x1p62) throw new ArithmeticException("out of range");
            return inRange(to, (long) v);
        }

        private static double exactDouble(long v) {
            double d = v;
            if ((long) d != v || Math.abs(v) > (1L << 53)) throw new ArithmeticException(v + " is not exact as a double");
            return d;
        }

        /** Inclusive bounds of integer (and bool) type {@code t}. */
        static long[] integerRange(DataType t) {
            return switch (t) {
                case BOOL -> new long[] {0, 1};
                case INT8 -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
                case UINT8 -> new long[] {0, 255};
                case INT16 -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
                case UINT16 -> new long[] {0, 65535};
                case INT32 -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
                case UINT32 -> new long[] {0, 0xFFFFFFFFL};
                case UINT64 -> new long[] {0, Long.MAX_VALUE};
                case INT64 -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
                default -> throw new IllegalArgumentException(t + " is not an integer type");
            };
        }
    }
}
