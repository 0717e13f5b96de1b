package org.strata.onnx.infer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Shape;

/**
 * Operators that rearrange elements without computing on them. Each carries small integer contents (shape
 * data) through when its input has them.
 * <ul>
 * <li>Reshape: target from the second input's contents; 0 copies the input dimension (unless
 * {@code allowzero}, opset 14), -1 is solved as input elements / other target dimensions, symbolically too
 * ({@code batch*sequence*384 / (batch*sequence*32) = 12}).</li>
 * <li>Flatten: {@code [prod(d[:axis]), prod(d[axis:])]}.</li>
 * <li>Unsqueeze / Squeeze: axes as attribute before opset 13, as input from 13. Squeeze without axes
 * removes the dimensions known to be 1 (rank unknown if a dimension might be 1).</li>
 * <li>Transpose: {@code perm}, reversed by default.</li>
 * <li>Expand: broadcast of the input with the target (second input's contents). Tile: dimension × repeat.</li>
 * <li>Concat: dimensions along {@code axis} add up ({@code past + sequence}); the others agree.</li>
 * <li>Split: sizes from the {@code split} attribute (before 13) or input (from 13), else equal parts of the
 * node's output count (opset 18 {@code num_outputs}: the last part may be smaller).</li>
 * <li>Pad: pads as attribute before opset 11, as input from 11 (opset 18 {@code axes} input); each
 * dimension grows by its begin and end pads.</li>
 * </ul>
 */
final class ReshapingRules {
    private ReshapingRules() {
    }

    static void register(RuleTable t) {
        t.onnx(ReshapingRules::reshape, "Reshape");
        t.onnx(ReshapingRules::flatten, "Flatten");
        t.onnx(ReshapingRules::unsqueeze, "Unsqueeze");
        t.onnx(ReshapingRules::squeeze, "Squeeze");
        t.onnx(ReshapingRules::transpose, "Transpose");
        t.onnx(ReshapingRules::expand, "Expand");
        t.onnx(ReshapingRules::tile, "Tile");
        t.onnx(ReshapingRules::concat, "Concat");
        t.onnx(ReshapingRules::split, "Split");
        t.onnx(ReshapingRules::pad, "Pad");
    }

    /** Output 0 with {@code shape} and, when the input had contents and the shape is static, the same contents. */
    private static void rearranged(OpContext op, Shape shape) {
        op.output(0, op.elementType(0), shape);
        SymbolicTensor d = op.data(0);
        if (d != null && shape != null && shape.isStatic() && shape.elementCount() == d.size()) op.outputData(0, d.reshaped(shape));
    }

    /** A shape of {@code rank} unknown dimensions, or null when the rank is not a fixed dimension. */
    private static Shape unknownDims(Dim rank) {
        return rank instanceof Dim.Fixed f ? new Shape(Collections.nCopies((int) f.size(), Dim.UNKNOWN)) : null;
    }

    private static void reshape(OpContext op) {
        Shape in = op.shape(0);
        SymbolicTensor target = op.data(1);
        if (op.opset() < 5) {
            long[] s = op.attrInts("shape");
            target = s == null ? null : SymbolicTensor.of(org.strata.onnx.TensorCodec.fromLongs("", new long[] {s.length}, s));
        }
        if (target == null) {
            Shape ts = op.shape(1);
            op.output(0, op.elementType(0), ts != null && ts.rank() == 1 ? unknownDims(ts.dim(0)) : null);
            return;
        }
        boolean allowZero = op.opset() >= 14 && op.attrInt("allowzero", 0) != 0;
        List<SymbolicInt> out = new ArrayList<>();
        int inferred = -1;
        for (int i = 0; i < target.size(); i++) {
            SymbolicInt x = target.get(i);
            if (x.is(-1)) {
                if (inferred >= 0) throw op.error("has more than one -1 in its target shape " + target.values());
                inferred = i;
                out.add(SymbolicInt.UNKNOWN);
            } else if (x.is(0) && !allowZero) {
                if (in != null && i >= in.rank()) {
                    throw op.error("target " + target.values() + " copies dimension " + i + " of an input of rank " + in.rank());
                }
                out.add(in == null ? SymbolicInt.UNKNOWN : SymbolicInt.of(in.dim(i)));
            } else if (x.isKnown() && x.value() < 0) {
                throw op.error("has a negative dimension " + x.value() + " in its target shape " + target.values());
            } else {
                out.add(x);
            }
        }
        SymbolicInt total = in == null ? SymbolicInt.UNKNOWN : SymbolicInt.of(OpContext.product(in.dims()));
        SymbolicInt rest = SymbolicInt.of(1);
        for (int i = 0; i < out.size(); i++) if (i != inferred) rest = rest.times(out.get(i));
        if (total.isKnown() && rest.isKnown() && rest.value() != 0
                && (inferred >= 0 ? total.value() % rest.value() != 0 : total.value() != rest.value())) {
            throw op.error("cannot reshape " + in + " (" + total.value() + " elements) to " + target.values());
        }
        if (inferred >= 0) out.set(inferred, rest.is(0) ? SymbolicInt.UNKNOWN : total.dividedBy(rest));
        List<Dim> dims = new ArrayList<>();
        for (SymbolicInt x : out) dims.add(x.toDim());
        rearranged(op, new Shape(dims));
    }

    private static void flatten(OpContext op) {
        Shape in = op.shape(0);
        if (in == null) {
            op.output(0, op.elementType(0), Shape.of(Dim.UNKNOWN, Dim.UNKNOWN));
            return;
        }
        long a = op.attrInt("axis", 1);
        if (a < -in.rank() || a > in.rank()) throw op.error("axis " + a + " is out of range for rank " + in.rank());
        int axis = (int) (a < 0 ? a + in.rank() : a);
        rearranged(op, Shape.of(OpContext.product(in.dims().subList(0, axis)), OpContext.product(in.dims().subList(axis, in.rank()))));
    }

    private static void unsqueeze(OpContext op) {
        OpContext.IntsArgument axes = op.intsArgument("axes", 1, 13);
        if (!axes.given()) throw op.error("has no axes");
        Shape in = op.shape(0);
        if (in == null) {
            op.output(0, op.elementType(0), null);
            return;
        }
        if (!axes.known()) {
            Shape as = op.shape(1);
            Dim n = as != null && as.rank() == 1 ? as.dim(0) : Dim.UNKNOWN;
            op.output(0, op.elementType(0), n instanceof Dim.Fixed f ? unknownDims(Dim.of(in.rank() + f.size())) : null);
            return;
        }
        int rank = in.rank() + axes.values().length;
        Dim[] out = new Dim[rank];
        for (long a : axes.values()) {
            int k = op.axis(a, rank);
            if (out[k] != null) throw op.error("lists axis " + a + " twice");
            out[k] = Dim.of(1);
        }
        int next = 0;
        for (int i = 0; i < rank; i++) if (out[i] == null) out[i] = in.dim(next++);
        rearranged(op, Shape.of(out));
    }

    private static void squeeze(OpContext op) {
        OpContext.IntsArgument axes = op.intsArgument("axes", 1, 13);
        Shape in = op.shape(0);
        if (in == null || (axes.given() && !axes.known())) {
            op.output(0, op.elementType(0), null);
            return;
        }
        boolean[] drop = new boolean[in.rank()];
        if (axes.given()) {
            for (long a : axes.values()) {
                int k = op.axis(a, in.rank());
                if (in.dim(k) instanceof Dim.Fixed f && f.size() != 1) {
                    throw op.error("squeezes axis " + a + " of " + in + ", which is " + f.size() + ", not 1");
                }
                drop[k] = true;
            }
        } else {
            for (int i = 0; i < in.rank(); i++) {
                if (!(in.dim(i) instanceof Dim.Fixed f)) {
                    op.output(0, op.elementType(0), null); // dimension i might be 1 at run time
                    return;
                }
                drop[i] = f.size() == 1;
            }
        }
        List<Dim> out = new ArrayList<>();
        for (int i = 0; i < in.rank(); i++) if (!drop[i]) out.add(in.dim(i));
        rearranged(op, new Shape(out));
    }

    private static void transpose(OpContext op) {
        Shape in = op.shape(0);
        long[] perm = op.attrInts("perm");
        if (in == null) {
            op.output(0, op.elementType(0), perm == null ? null : unknownDims(Dim.of(perm.length)));
            return;
        }
        int r = in.rank();
        if (perm == null) {
            perm = new long[r];
            for (int i = 0; i < r; i++) perm[i] = r - 1 - i;
        }
        long[] sorted = perm.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted.length != r || sorted[i] != i) throw op.error("perm " + Arrays.toString(perm) + " is not a permutation of the axes of " + in);
        }
        Dim[] out = new Dim[r];
        for (int i = 0; i < r; i++) out[i] = in.dim((int) perm[i]);
        op.output(0, op.elementType(0), Shape.of(out));
        if (r <= 1) op.outputData(0, op.data(0));
    }

    /** The dimensions a shape-valued input asks for, or (contents unknown) that many unknown dimensions; null if neither is known. */
    private static Shape targetShape(OpContext op, int input) {
        SymbolicTensor d = op.data(input);
        if (d != null) {
            List<Dim> dims = new ArrayList<>();
            for (SymbolicInt x : d.values()) dims.add(x.toDim());
            return new Shape(dims);
        }
        Shape s = op.shape(input);
        return s != null && s.rank() == 1 ? unknownDims(s.dim(0)) : null;
    }

    private static void expand(OpContext op) {
        Shape target = targetShape(op, 1);
        Shape in = op.shape(0);
        try {
            rearrangedBroadcast(op, in == null || target == null ? null : Broadcasting.broadcast(List.of(in, target)));
        } catch (Broadcasting.Mismatch e) {
            throw op.error(e.getMessage());
        }
    }

    private static void rearrangedBroadcast(OpContext op, Shape s) {
        op.output(0, op.elementType(0), s);
        SymbolicTensor d = op.data(0);
        if (d != null && s != null && s.isStatic() && s.elementCount() <= SymbolicTensor.MAX_ELEMENTS) {
            SymbolicTensor grid = new SymbolicTensor(DataType.INT64, s, Collections.nCopies((int) s.elementCount(), SymbolicInt.of(0)));
            op.outputData(0, SymbolicTensor.zip(d.elementType(), d, grid, (x, y) -> x));
        }
    }

    private static void tile(OpContext op) {
        Shape in = op.shape(0);
        if (in == null) {
            op.output(0, op.elementType(0), null);
            return;
        }
        SymbolicTensor repeats = op.data(1);
        if (repeats == null) {
            op.output(0, op.elementType(0), unknownDims(Dim.of(in.rank())));
            return;
        }
        if (repeats.size() != in.rank()) throw op.error("has " + repeats.size() + " repeats for an input of rank " + in.rank());
        List<Dim> out = new ArrayList<>();
        for (int i = 0; i < in.rank(); i++) out.add(SymbolicInt.of(in.dim(i)).times(repeats.get(i)).toDim());
        op.output(0, op.elementType(0), new Shape(out));
    }

    private static void concat(OpContext op) {
        DataType type = null;
        int rank = -1;
        for (int i = 0; i < op.inputCount(); i++) {
            DataType t = op.elementType(i);
            if (type != null && t != null && t != type) {
                throw op.error("inputs are " + type.onnxName() + " and " + t.onnxName() + "; Concat needs one element type");
            }
            if (type == null) type = t;
            int r = op.rank(i);
            if (r >= 0 && rank >= 0 && r != rank) throw op.error("concatenates inputs of rank " + rank + " and " + r);
            if (r >= 0) rank = r;
        }
        if (rank < 0) {
            op.output(0, type, null);
            return;
        }
        if (!op.node().hasAttribute("axis")) throw op.error("has no axis");
        int axis = op.axis(op.attrInt("axis", 0), rank);
        SymbolicInt length = SymbolicInt.of(0);
        Dim[] out = new Dim[rank];
        for (int i = 0; i < op.inputCount(); i++) {
            Shape s = op.shape(i);
            if (s == null) {
                length = SymbolicInt.UNKNOWN;
                continue;
            }
            length = length.plus(SymbolicInt.of(s.dim(axis)));
            for (int k = 0; k < rank; k++) {
                if (k == axis) continue;
                out[k] = out[k] == null ? s.dim(k) : agree(op, out[k], s.dim(k), k);
            }
        }
        out[axis] = length.toDim();
        for (int k = 0; k < rank; k++) if (out[k] == null) out[k] = Dim.UNKNOWN;
        op.output(0, type, Shape.of(out));
        if (rank == 1 && type != null) {
            List<SymbolicInt> v = new ArrayList<>();
            for (int i = 0; i < op.inputCount(); i++) {
                SymbolicTensor d = op.data(i);
                if (d == null) return;
                v.addAll(d.values());
            }
            op.outputData(0, SymbolicTensor.vector(type, v));
        }
    }

    /** Two dimensions that must be equal: the fixed one if either is, else the first symbol. */
    private static Dim agree(OpContext op, Dim a, Dim b, int axis) {
        if (a instanceof Dim.Fixed x && b instanceof Dim.Fixed y && x.size() != y.size()) {
            throw op.error("inputs differ in dimension " + axis + " (" + x.size() + " and " + y.size() + ")");
        }
        if (a instanceof Dim.Fixed) return a;
        if (b instanceof Dim.Fixed) return b;
        return a instanceof Dim.Unknown ? b : a;
    }

    private static void split(OpContext op) {
        Shape in = op.shape(0);
        int n = op.outputCount();
        OpContext.IntsArgument sizes = op.intsArgument("split", 1, 13);
        if (in == null) {
            for (int i = 0; i < n; i++) op.output(i, op.elementType(0), null);
            return;
        }
        int axis = op.axis(op.attrInt("axis", 0), in.rank());
        SymbolicInt d = SymbolicInt.of(in.dim(axis));
        List<SymbolicInt> parts = new ArrayList<>();
        if (sizes.known()) {
            if (sizes.values().length != n) throw op.error("has " + sizes.values().length + " split sizes for " + n + " outputs");
            long sum = 0;
            for (long s : sizes.values()) {
                parts.add(SymbolicInt.of(s));
                sum += s;
            }
            if (d.isKnown() && d.value() != sum) throw op.error("splits dimension " + d + " into parts adding up to " + sum);
        } else if (sizes.given()) {
            parts.addAll(Collections.nCopies(n, SymbolicInt.UNKNOWN));
        } else if (d.isKnown()) {
            long chunk = Math.ceilDiv(d.value(), n);
            if (d.value() % n != 0 && op.opset() < 18) throw op.error("cannot split dimension " + d + " into " + n + " equal parts");
            for (int i = 0; i < n; i++) parts.add(SymbolicInt.of(Math.max(0, Math.min(chunk, d.value() - chunk * i))));
        } else {
            parts.addAll(Collections.nCopies(n, d.dividedBy(SymbolicInt.of(n))));
        }
        SymbolicTensor data = op.data(0);
        long offset = 0;
        for (int i = 0; i < n; i++) {
            Shape s = in.withDim(axis, parts.get(i).toDim());
            op.output(i, op.elementType(0), s);
            if (data != null && data.rank() == 1 && parts.get(i).isKnown()) {
                long len = parts.get(i).value();
                op.outputData(i, SymbolicTensor.vector(data.elementType(), data.values().subList((int) offset, (int) (offset + len))));
                offset += len;
            }
        }
    }

    private static void pad(OpContext op) {
        Shape in = op.shape(0);
        if (in == null) {
            op.output(0, op.elementType(0), null);
            return;
        }
        OpContext.IntsArgument pads = op.intsArgument("pads", 1, 11);
        int r = in.rank();
        long[] axes = new long[r];
        for (int i = 0; i < r; i++) axes[i] = i;
        if (op.opset() >= 18 && op.hasInput(3)) {
            axes = op.longs(3);
            if (axes == null) {
                op.output(0, op.elementType(0), unknownDims(Dim.of(r)));
                return;
            }
        }
        if (!pads.known()) {
            List<Dim> out = new ArrayList<>(in.dims());
            for (long a : axes) out.set(op.axis(a, r), Dim.UNKNOWN);
            op.output(0, op.elementType(0), new Shape(out));
            return;
        }
        long[] p = pads.values();
        if (p.length != 2 * axes.length) throw op.error("has " + p.length + " pads for " + axes.length + " axes");
        List<Dim> out = new ArrayList<>(in.dims());
        for (int i = 0; i < axes.length; i++) {
            int k = op.axis(axes[i], r);
            SymbolicInt size = SymbolicInt.of(in.dim(k)).plus(SymbolicInt.of(p[i] + p[i + axes.length]));
            if (size.isKnown() && size.value() < 0) throw op.error("pads axis " + k + " of " + in + " to a negative size");
            out.set(k, size.toDim());
        }
        op.output(0, op.elementType(0), new Shape(out));
    }
}
