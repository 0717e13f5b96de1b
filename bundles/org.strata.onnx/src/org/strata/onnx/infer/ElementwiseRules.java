package org.strata.onnx.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import org.strata.onnx.DataType;
import org.strata.onnx.Shape;
import org.strata.onnx.StrataException;

/**
 * Element-wise operators: the output has the (broadcast) shape of the inputs.
 * <ul>
 * <li>Unary, same type and shape: activations, math functions, Softmax family, Identity, Clip, CumSum, LRN,
 * PRelu (its slope broadcasts to the input, one way; before opset 7 it could be per channel) and
 * com.microsoft Gelu/FastGelu/QuickGelu/BiasGelu. Identity and Neg carry shape data through.</li>
 * <li>IsNaN, IsInf, Not: bool, same shape.</li>
 * <li>Binary arithmetic (Add, Sub, Mul, Div, Mod, Pow, BitShift, Bitwise*): numpy broadcasting; the
 * element type of the first input (both must agree, except Pow's exponent). Add/Sub/Mul/Div/Mod compute shape
 * data ({@code batch*12}, {@code seq - 1}).</li>
 * <li>Comparisons (Equal, Less, Greater, LessOrEqual, GreaterOrEqual) and And/Or/Xor: bool, broadcast;
 * comparisons of known shape data are computed.</li>
 * <li>Variadic Min, Max, Sum, Mean: broadcast of all inputs.</li>
 * <li>Where: broadcast of condition and both branches, the branches' type; computed on known data.</li>
 * <li>Cast ({@code to}) and CastLike (second input's type): same shape, data carried for integer targets.</li>
 * <li>Dropout: output as input; mask bool (float before opset 10) of the same shape.</li>
 * </ul>
 */
final class ElementwiseRules {
    private ElementwiseRules() {
    }

    static void register(RuleTable t) {
        t.onnx(op -> {
            op.sameAsInput(0, 0);
            op.outputData(0, op.data(0));
        }, "Identity");
        t.onnx(ElementwiseRules::sameAsFirst, "Abs", "Exp", "Log", "Sqrt", "Reciprocal", "Erf", "Tanh", "Sigmoid", "Relu",
                "Gelu", "Softmax", "LogSoftmax", "Hardmax", "Floor", "Ceil", "Round", "Sign", "Sin", "Cos", "Tan", "Asin",
                "Acos", "Atan", "Sinh", "Cosh", "Asinh", "Acosh", "Atanh", "Softplus", "Softsign", "HardSigmoid",
                "HardSwish", "LeakyRelu", "Elu", "Selu", "Celu", "Mish", "ThresholdedRelu", "Shrink", "Clip", "CumSum",
                "BitwiseNot", "Trilu", "LRN", "PRelu");
        t.onnx(op -> {
            op.sameAsInput(0, 0);
            SymbolicTensor d = op.data(0);
            if (d != null) op.outputData(0, map(d, SymbolicInt::negate));
        }, "Neg");
        t.onnx(op -> op.output(0, DataType.BOOL, op.shape(0)), "IsNaN", "IsInf", "Not");
        t.microsoft(ElementwiseRules::sameAsFirst, "Gelu", "FastGelu", "QuickGelu", "BiasGelu", "BiasAdd");

        t.onnx(arithmetic(SymbolicInt::plus), "Add");
        t.onnx(arithmetic(SymbolicInt::minus), "Sub");
        t.onnx(arithmetic(SymbolicInt::times), "Mul");
        t.onnx(arithmetic(SymbolicInt::dividedBy), "Div");
        t.onnx(arithmetic(SymbolicInt::mod), "Mod");
        t.onnx(op -> broadcast(op, op.elementType(0), 0, 1), "Pow", "BitShift", "BitwiseAnd", "BitwiseOr",
                "BitwiseXor");
        t.onnx(comparison((a, b) -> !a.isUnknown() && a.equals(b) ? SymbolicInt.of(1) : a.isKnown() && b.isKnown() ? SymbolicInt.of(0)
                : SymbolicInt.UNKNOWN), "Equal");
        t.onnx(comparison(known((a, b) -> a < b)), "Less");
        t.onnx(comparison(known((a, b) -> a > b)), "Greater");
        t.onnx(comparison(known((a, b) -> a <= b)), "LessOrEqual");
        t.onnx(comparison(known((a, b) -> a >= b)), "GreaterOrEqual");
        t.onnx(op -> broadcast(op, DataType.BOOL, 0, 1), "And", "Or", "Xor");
        t.onnx(variadic(SymbolicInt::min), "Min");
        t.onnx(variadic(SymbolicInt::max), "Max");
        t.onnx(variadic(SymbolicInt::plus), "Sum");
        t.onnx(variadic(null), "Mean");
        t.onnx(ElementwiseRules::where, "Where");
        t.onnx(ElementwiseRules::cast, "Cast");
        t.onnx(op -> castTo(op, op.elementType(1)), "CastLike");
        t.onnx(ElementwiseRules::dropout, "Dropout");
    }

    static void sameAsFirst(OpContext op) {
        op.sameAsInput(0, 0);
    }

    /** Broadcasts inputs {@code inputs} and states output 0 with {@code type}; returns the shape (null if rank unknown). */
    static Shape broadcast(OpContext op, DataType type, int... inputs) {
        List<Shape> shapes = new ArrayList<>();
        for (int i : inputs) if (op.hasInput(i)) shapes.add(op.shape(i));
        try {
            Shape s = Broadcasting.broadcast(shapes);
            op.output(0, type, s);
            return s;
        } catch (Broadcasting.Mismatch e) {
            throw op.error(e.getMessage());
        }
    }

    /** The element type inputs {@code a} and {@code b} share (either, when one is unknown). */
    static DataType commonType(OpContext op, int a, int b) {
        DataType x = op.elementType(a);
        DataType y = op.elementType(b);
        if (x != null && y != null && x != y) {
            throw op.error("inputs " + a + " and " + b + " are " + x.onnxName() + " and " + y.onnxName()
                    + "; " + op.node().opType() + " needs one element type");
        }
        return x != null ? x : y;
    }

    private static ShapeRule arithmetic(BinaryOperator<SymbolicInt> f) {
        return op -> {
            DataType type = commonType(op, 0, 1);
            broadcast(op, type, 0, 1);
            SymbolicTensor a = op.data(0);
            SymbolicTensor b = op.data(1);
            if (a != null && b != null && type != null && SymbolicTensor.tracked(type)) {
                op.outputData(0, SymbolicTensor.zip(type, a, b, guarded(f)));
            }
        };
    }

    private static ShapeRule comparison(BinaryOperator<SymbolicInt> f) {
        return op -> {
            commonType(op, 0, 1);
            broadcast(op, DataType.BOOL, 0, 1);
            SymbolicTensor a = op.data(0);
            SymbolicTensor b = op.data(1);
            if (a != null && b != null) op.outputData(0, SymbolicTensor.zip(DataType.BOOL, a, b, f));
        };
    }

    private interface LongPredicate2 {
        boolean test(long a, long b);
    }

    private static BinaryOperator<SymbolicInt> known(LongPredicate2 p) {
        return (a, b) -> a.isKnown() && b.isKnown() ? SymbolicInt.of(p.test(a.value(), b.value()) ? 1 : 0) : SymbolicInt.UNKNOWN;
    }

    /** Overflow in shape arithmetic means "unknown", not a failed node. */
    private static BinaryOperator<SymbolicInt> guarded(BinaryOperator<SymbolicInt> f) {
        return (a, b) -> {
            try {
                return f.apply(a, b);
            } catch (ArithmeticException e) {
                return SymbolicInt.UNKNOWN;
            }
        };
    }

    /** Min/Max/Sum/Mean over all inputs; {@code f} combines shape data (null: not computed). */
    private static ShapeRule variadic(BinaryOperator<SymbolicInt> f) {
        return op -> {
            DataType type = null;
            int[] all = new int[op.inputCount()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
                if (type == null) type = op.elementType(i);
            }
            broadcast(op, type, all);
            if (f == null || type == null || !SymbolicTensor.tracked(type)) return;
            List<SymbolicTensor> data = new ArrayList<>();
            for (int i : all) {
                if (op.data(i) == null) return;
                data.add(op.data(i));
            }
            op.outputData(0, SymbolicTensor.zip(type, data, v -> {
                SymbolicInt acc = v.get(0);
                for (int k = 1; k < v.size(); k++) acc = guarded(f).apply(acc, v.get(k));
                return acc;
            }));
        };
    }

    private static void where(OpContext op) {
        DataType type = commonType(op, 1, 2);
        broadcast(op, type, 0, 1, 2);
        SymbolicTensor c = op.data(0);
        SymbolicTensor x = op.data(1);
        SymbolicTensor y = op.data(2);
        if (c != null && x != null && y != null && type != null) {
            op.outputData(0, SymbolicTensor.zip(type, List.of(c, x, y),
                    v -> !v.get(0).isKnown() ? (v.get(1).equals(v.get(2)) ? v.get(1) : SymbolicInt.UNKNOWN)
                            : v.get(0).value() != 0 ? v.get(1) : v.get(2)));
        }
    }

    private static void cast(OpContext op) {
        long to = op.attrInt("to", -1);
        if (to < 0) throw op.error("has no 'to' attribute");
        DataType t;
        try {
            t = DataType.ofCode((int) to);
        } catch (StrataException e) {
            throw op.error("casts to unknown element type " + to);
        }
        castTo(op, t);
    }

    private static void castTo(OpContext op, DataType t) {
        op.output(0, t, op.shape(0));
        SymbolicTensor d = op.data(0);
        if (d != null && t != null) op.outputData(0, d.castTo(t));
    }

    private static void dropout(OpContext op) {
        op.sameAsInput(0, 0);
        op.outputData(0, op.data(0));
        op.output(1, op.opset() >= 10 ? DataType.BOOL : op.elementType(0), op.shape(0));
    }

    static SymbolicTensor map(SymbolicTensor d, Function<SymbolicInt, SymbolicInt> f) {
        List<SymbolicInt> v = new ArrayList<>(d.size());
        for (SymbolicInt x : d.values()) v.add(f.apply(x));
        return new SymbolicTensor(d.elementType(), d.shape(), v);
    }
}
