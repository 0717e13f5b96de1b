package org.strata.onnx.infer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Shape;

/**
 * Operators that select or place elements by index.
 * <ul>
 * <li>Gather: {@code data[:axis] + indices + data[axis+1:]}; negative axis and indices allowed; picks shape
 * data ({@code Shape(x)[1]} is {@code sequence}).</li>
 * <li>GatherElements: the indices' shape. GatherND: {@code indices[:-1] + data[batch_dims + k:]}.</li>
 * <li>Slice: per axis {@code ceil((end - start) / step)} after clamping, negative starts, ends and steps
 * included; starts/ends/axes as attributes before opset 10. With a symbolic dimension or bound, the bounds
 * are taken to be in range ({@code x[:, :seq]} of a 512 table has {@code seq} rows).</li>
 * <li>ScatterElements, ScatterND, Scatter: the data's type and shape.</li>
 * <li>TopK: values and int64 indices, the input's shape with {@code k} along {@code axis} ({@code k} an
 * attribute before opset 10, an input from 10).</li>
 * <li>NonZero: int64 {@code [rank, ?]}. OneHot: indices' shape with {@code depth} inserted at {@code axis}.</li>
 * <li>com.microsoft GatherBlockQuantized: a Gather along {@code gather_axis} of the dequantized data, in the scales'
 * type; uint8 data holds {@code 8 / bits} codes a byte along its last axis.</li>
 * </ul>
 */
final class IndexingRules {
    /** Slice bounds at least this large mean "to the end" (exporters write INT32_MAX or INT64_MAX). */
    private static final long TO_THE_END = Integer.MAX_VALUE;

    private IndexingRules() {
    }

    static void register(RuleTable t) {
        t.onnx(IndexingRules::gather, "Gather");
        t.onnx(op -> op.output(0, op.elementType(0), op.shape(1)), "GatherElements");
        t.onnx(IndexingRules::gatherNd, "GatherND");
        t.onnx(IndexingRules::slice, "Slice");
        t.onnx(ElementwiseRules::sameAsFirst, "ScatterElements", "ScatterND", "Scatter");
        t.onnx(IndexingRules::topK, "TopK");
        t.onnx(op -> op.output(0, DataType.INT64, op.rank(0) < 0 ? null : Shape.of(Dim.of(op.rank(0)), Dim.UNKNOWN)), "NonZero");
        t.onnx(IndexingRules::oneHot, "OneHot");
        t.microsoft(IndexingRules::gatherBlockQuantized, "GatherBlockQuantized");
    }

    private static void gatherBlockQuantized(OpContext op) {
        Shape data = op.shape(0);
        Shape idx = op.shape(1);
        DataType type = op.elementType(2);
        if (data == null || idx == null || data.rank() == 0) {
            op.output(0, type, null);
            return;
        }
        long bits = op.attrInt("bits", 4);
        if (bits < 1 || bits > 8 || 8 % bits != 0) throw op.error("has bits " + bits + "; 2, 4 or 8 expected");
        List<Dim> dims = new ArrayList<>(data.dims());
        if (op.elementType(0) == DataType.UINT8 && bits < 8) {
            int last = dims.size() - 1;
            dims.set(last, dims.get(last) instanceof Dim.Fixed f ? Dim.of(f.size() * (8 / bits)) : Dim.UNKNOWN);
        }
        int axis = op.axis(op.attrInt("gather_axis", 0), dims.size());
        List<Dim> out = new ArrayList<>(dims.subList(0, axis));
        out.addAll(idx.dims());
        out.addAll(dims.subList(axis + 1, dims.size()));
        op.output(0, type, new Shape(out));
    }

    private static void gather(OpContext op) {
        Shape data = op.shape(0);
        Shape idx = op.shape(1);
        if (data == null || idx == null) {
            op.output(0, op.elementType(0), null);
            return;
        }
        int axis = op.axis(op.attrInt("axis", 0), data.rank());
        List<Dim> out = new ArrayList<>(data.dims().subList(0, axis));
        out.addAll(idx.dims());
        out.addAll(data.dims().subList(axis + 1, data.rank()));
        Shape shape = new Shape(out);
        op.output(0, op.elementType(0), shape);
        long[] indices = op.longs(1);
        if (indices == null) return;
        Dim size = data.dim(axis);
        for (long i : indices) {
            if (size instanceof Dim.Fixed f && (i < -f.size() || i >= f.size())) {
                throw op.error("index " + i + " is out of range for dimension " + axis + " of size " + f.size());
            }
        }
        SymbolicTensor d = op.data(0);
        if (d != null && d.rank() == 1 && shape.isStatic()) {
            List<SymbolicInt> v = new ArrayList<>();
            for (long i : indices) v.add(d.get((int) (i < 0 ? i + d.size() : i)));
            op.outputData(0, new SymbolicTensor(d.elementType(), shape, v));
        }
    }

    private static void gatherNd(OpContext op) {
        Shape data = op.shape(0);
        Shape idx = op.shape(1);
        if (data == null || idx == null || !(idx.dim(-1) instanceof Dim.Fixed k)) {
            op.output(0, op.elementType(0), null);
            return;
        }
        int b = (int) op.attrInt("batch_dims", 0);
        if (b + k.size() > data.rank()) throw op.error("indexes " + k.size() + " dimensions past " + b + " batch dimensions of " + data);
        List<Dim> out = new ArrayList<>(idx.dims().subList(0, idx.rank() - 1));
        out.addAll(data.dims().subList((int) (b + k.size()), data.rank()));
        op.output(0, op.elementType(0), new Shape(out));
    }

    private static void slice(OpContext op) {
        Shape in = op.shape(0);
        if (in == null) {
            op.output(0, op.elementType(0), null);
            return;
        }
        SymbolicTensor starts;
        SymbolicTensor ends;
        long[] axes;
        long[] steps = null;
        if (op.opset() < 10) {
            starts = ints(op.attrInts("starts"));
            ends = ints(op.attrInts("ends"));
            axes = op.attrInts("axes");
        } else {
            starts = op.data(1);
            ends = op.data(2);
            axes = op.hasInput(3) ? op.longs(3) : null;
            if (op.hasInput(4)) {
                steps = op.longs(4);
                if (steps == null) {
                    unknownAlongSliced(op, in, axes);
                    return;
                }
            }
            if (op.hasInput(3) && axes == null) {
                op.output(0, op.elementType(0), unknownDimsOfRank(in.rank()));
                return;
            }
        }
        if (starts == null || ends == null) {
            unknownAlongSliced(op, in, axes);
            return;
        }
        int n = starts.size();
        if (ends.size() != n || (axes != null && axes.length != n) || (steps != null && steps.length != n)) {
            throw op.error("has starts, ends, axes and steps of different lengths");
        }
        List<Dim> out = new ArrayList<>(in.dims());
        Set<Integer> seen = new HashSet<>();
        int[] axisOf = new int[n];
        for (int i = 0; i < n; i++) {
            int axis = op.axis(axes == null ? i : axes[i], in.rank());
            if (!seen.add(axis)) throw op.error("slices axis " + axis + " twice");
            axisOf[i] = axis;
            long step = steps == null ? 1 : steps[i];
            if (step == 0) throw op.error("has a step of 0");
            out.set(axis, length(SymbolicInt.of(in.dim(axis)), starts.get(i), ends.get(i), step).toDim());
        }
        Shape shape = new Shape(out);
        op.output(0, op.elementType(0), shape);
        SymbolicTensor d = op.data(0);
        if (d != null && d.rank() == 1 && n == 1 && starts.get(0).isKnown() && ends.get(0).isKnown()) {
            long step = steps == null ? 1 : steps[0];
            long size = d.size();
            long s = clampStart(starts.get(0).value(), size, step);
            long len = shape.dim(0).sizeOr(-1);
            List<SymbolicInt> v = new ArrayList<>();
            for (long k = 0; k < len; k++) v.add(d.get((int) (s + k * step)));
            if (len >= 0) op.outputData(0, SymbolicTensor.vector(d.elementType(), v));
        }
    }

    private static SymbolicTensor ints(long[] v) {
        if (v == null) return null;
        List<SymbolicInt> s = new ArrayList<>();
        for (long x : v) s.add(SymbolicInt.of(x));
        return SymbolicTensor.vector(DataType.INT64, s);
    }

    /** Bounds unknown: the sliced axes (all, when the axes are unknown too) have unknown length. */
    private static void unknownAlongSliced(OpContext op, Shape in, long[] axes) {
        if (axes == null) {
            op.output(0, op.elementType(0), unknownDimsOfRank(in.rank()));
            return;
        }
        List<Dim> out = new ArrayList<>(in.dims());
        for (long a : axes) out.set(op.axis(a, in.rank()), Dim.UNKNOWN);
        op.output(0, op.elementType(0), new Shape(out));
    }

    private static Shape unknownDimsOfRank(int rank) {
        return new Shape(java.util.Collections.nCopies(rank, Dim.UNKNOWN));
    }

    /** Elements a Slice keeps along one axis of size {@code d}. */
    static SymbolicInt length(SymbolicInt d, SymbolicInt start, SymbolicInt end, long step) {
        if (d.isKnown() && start.isKnown() && end.isKnown()) {
            long size = d.value();
            long s = clampStart(start.value(), size, step);
            long e = clampEnd(end.value(), size, step);
            long len = step > 0 ? Math.ceilDiv(e - s, step) : Math.ceilDiv(s - e, -step);
            return SymbolicInt.of(Math.max(0, len));
        }
        // Symbolic: take the bounds to be in range.
        SymbolicInt s;
        SymbolicInt e;
        if (step > 0) {
            s = start.isKnown() && start.value() < 0 ? d.plus(start) : start;
            e = end.isKnown() ? (end.value() >= TO_THE_END ? d : end.value() < 0 ? d.plus(end) : end) : end;
        } else {
            s = start.isKnown() ? (start.value() >= TO_THE_END ? d.minus(SymbolicInt.of(1)) : start.value() < 0 ? d.plus(start) : start) : start;
            e = end.isKnown() ? (end.value() <= -TO_THE_END ? SymbolicInt.of(-1) : end.value() < 0 ? d.plus(end) : end) : end;
        }
        SymbolicInt span = step > 0 ? e.minus(s) : s.minus(e);
        long stride = Math.abs(step);
        if (span.isKnown()) return SymbolicInt.of(Math.max(0, Math.ceilDiv(span.value(), stride)));
        return stride == 1 ? span : span.dividedBy(SymbolicInt.of(stride));
    }

    private static long clampStart(long start, long size, long step) {
        long s = start < 0 ? start + size : start;
        return step > 0 ? Math.max(0, Math.min(size, s)) : Math.max(-1, Math.min(size - 1, s));
    }

    private static long clampEnd(long end, long size, long step) {
        long e = end < 0 ? end + size : end;
        return step > 0 ? Math.max(0, Math.min(size, e)) : Math.max(-1, Math.min(size - 1, e));
    }

    private static void topK(OpContext op) {
        Shape in = op.shape(0);
        if (in == null) {
            op.output(0, op.elementType(0), null);
            op.output(1, DataType.INT64, null);
            return;
        }
        int axis = op.axis(op.attrInt("axis", -1), in.rank());
        Dim k;
        if (op.opset() < 10) {
            k = Dim.of(op.attrInt("k", -1));
        } else {
            SymbolicTensor kd = op.data(1);
            k = kd == null || kd.size() != 1 ? Dim.UNKNOWN : kd.get(0).toDim();
            if (kd != null && kd.size() == 1 && kd.get(0).isKnown() && kd.get(0).value() < 0) throw op.error("has a negative k " + kd.get(0));
        }
        if (k instanceof Dim.Fixed kf && in.dim(axis) instanceof Dim.Fixed d && kf.size() > d.size()) {
            throw op.error("asks for the top " + kf.size() + " of " + d.size() + " elements along axis " + axis);
        }
        Shape out = in.withDim(axis, k);
        op.output(0, op.elementType(0), out);
        op.output(1, DataType.INT64, out);
    }

    private static void oneHot(OpContext op) {
        Shape idx = op.shape(0);
        SymbolicTensor depth = op.data(1);
        DataType type = op.elementType(2);
        if (idx == null) {
            op.output(0, type, null);
            return;
        }
        int rank = idx.rank() + 1;
        int axis = op.axis(op.attrInt("axis", -1), rank);
        List<Dim> out = new ArrayList<>(idx.dims());
        out.add(axis, depth == null || depth.size() != 1 ? Dim.UNKNOWN : depth.get(0).toDim());
        op.output(0, type, new Shape(out));
    }
}
