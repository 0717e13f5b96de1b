package org.strata.onnx.infer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BinaryOperator;

import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Shape;

/**
 * Reductions: the input's shape with the reduced axes set to 1 ({@code keepdims=1}, the default) or removed.
 * <ul>
 * <li>ReduceMean/Sum/Max/Min/Prod/L1/L2/LogSum/LogSumExp/SumSquare: axes as attribute before opset 18 (13 for
 * ReduceSum), as input since; no axes (or an empty list) reduces everything unless
 * {@code noop_with_empty_axes}. Unknown axes keep the rank only when {@code keepdims}. Sum, Prod, Max and Min
 * of 1-D shape data are computed (the element count of a shape).</li>
 * <li>ArgMax/ArgMin: int64, one {@code axis} (default 0), {@code keepdims}.</li>
 * </ul>
 */
final class ReductionRules {
    private ReductionRules() {
    }

    static void register(RuleTable t) {
        t.onnx(reduce(13, SymbolicInt::plus), "ReduceSum").onnx(reduce(18, null), "ReduceMean", "ReduceL1", "ReduceL2",
                "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare");
        t.onnx(reduce(18, SymbolicInt::times), "ReduceProd");
        t.onnx(reduce(18, SymbolicInt::max), "ReduceMax");
        t.onnx(reduce(18, SymbolicInt::min), "ReduceMin");
        t.onnx(ReductionRules::argMaxMin, "ArgMax", "ArgMin");
    }

    /**
     * A Reduce* rule whose axes become an input at opset {@code axesInputSince} (ReduceSum: 13, the rest 18);
     * {@code f} folds 1-D shape data (null: not computed).
     */
    private static ShapeRule reduce(long axesInputSince, BinaryOperator<SymbolicInt> f) {
        return op -> {
            OpContext.IntsArgument axes = op.intsArgument("axes", 1, axesInputSince);
            boolean keep = op.attrInt("keepdims", 1) != 0;
            boolean noop = op.attrInt("noop_with_empty_axes", 0) != 0;
            Shape in = op.shape(0);
            DataType type = op.elementType(0);
            if (in == null) {
                op.output(0, type, null);
                return;
            }
            if (axes.given() && !axes.known()) {
                op.output(0, type, keep ? new Shape(Collections.nCopies(in.rank(), Dim.UNKNOWN)) : null);
                return;
            }
            boolean all = !axes.given() || axes.values().length == 0;
            if (all && noop) {
                op.sameAsInput(0, 0);
                op.outputData(0, op.data(0));
                return;
            }
            boolean[] reduced = new boolean[in.rank()];
            if (all) java.util.Arrays.fill(reduced, true);
            else for (long a : axes.values()) reduced[op.axis(a, in.rank())] = true;
            List<Dim> out = new ArrayList<>();
            for (int i = 0; i < in.rank(); i++) {
                if (!reduced[i]) out.add(in.dim(i));
                else if (keep) out.add(Dim.of(1));
            }
            Shape shape = new Shape(out);
            op.output(0, type, shape);
            SymbolicTensor d = op.data(0);
            if (f != null && d != null && d.rank() == 1 && d.size() > 0 && reduced.length == 1 && reduced[0]) {
                SymbolicInt acc = d.get(0);
                for (int i = 1; i < d.size(); i++) acc = f.apply(acc, d.get(i));
                op.outputData(0, new SymbolicTensor(d.elementType(), shape, List.of(acc)));
            }
        };
    }

    private static void argMaxMin(OpContext op) {
        Shape in = op.shape(0);
        if (in == null) {
            op.output(0, DataType.INT64, null);
            return;
        }
        int axis = op.axis(op.attrInt("axis", 0), in.rank());
        boolean keep = op.attrInt("keepdims", 1) != 0;
        List<Dim> out = new ArrayList<>(in.dims());
        if (keep) out.set(axis, Dim.of(1));
        else out.remove(axis);
        op.output(0, DataType.INT64, new Shape(out));
    }
}
