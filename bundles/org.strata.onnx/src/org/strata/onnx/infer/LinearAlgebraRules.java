package org.strata.onnx.infer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Shape;

/**
 * Products and convolutions.
 * <ul>
 * <li>MatMul (numpy matmul: batch dimensions broadcast, 1-D operands promoted and the added dimension
 * dropped; the inner dimensions must agree): the first input's type. MatMulInteger: int32. QLinearMatMul: the
 * output zero point's type. com.microsoft FusedMatMul ({@code transA}/{@code transB}), DynamicQuantizeMatMul
 * (float), MatMulIntegerToFloat (the scales' type), MatMulNBits ({@code [..., K] → [..., N]} from the
 * {@code K}/{@code N} attributes, the input's type).</li>
 * <li>Gemm: {@code [M, N]} after {@code transA}/{@code transB}.</li>
 * <li>Einsum: any explicit or implicit equation, with {@code ...}; letters bound to one size each.</li>
 * <li>Conv, ConvInteger (int32), QLinearConv: {@code [N, M, out...]} with
 * {@code out = floor((in + pads - dilation·(k-1) - 1) / stride) + 1}, or {@code ceil(in / stride)} for
 * SAME_* auto padding; group must divide the channels.</li>
 * <li>ConvTranspose: {@code [N, W[1]·group, out...]} with {@code out = stride·(in-1) + output_padding +
 * dilation·(k-1) + 1 - pads}, {@code in·stride} for SAME_*, or the {@code output_shape} attribute.</li>
 * <li>MaxPool (with int64 indices), AveragePool, LpPool: the same arithmetic with {@code ceil_mode}, channels
 * kept. GlobalAveragePool, GlobalMaxPool, GlobalLpPool: spatial dimensions 1.</li>
 * </ul>
 */
final class LinearAlgebraRules {
    private LinearAlgebraRules() {
    }

    static void register(RuleTable t) {
        t.onnx(op -> op.output(0, op.elementType(0), matmul(op, 0, 1, false, false)), "MatMul");
        t.onnx(op -> op.output(0, DataType.INT32, matmul(op, 0, 1, false, false)), "MatMulInteger");
        t.onnx(op -> op.output(0, op.elementType(7), matmul(op, 0, 3, false, false)), "QLinearMatMul");
        t.onnx(LinearAlgebraRules::gemm, "Gemm");
        t.onnx(LinearAlgebraRules::einsum, "Einsum");
        t.onnx(op -> convolution(op, 1, op.elementType(0)), "Conv");
        t.onnx(op -> convolution(op, 1, DataType.INT32), "ConvInteger");
        t.onnx(op -> convolution(op, 3, op.elementType(7)), "QLinearConv");
        t.onnx(op -> convolution(op, -1, op.elementType(0)), "MaxPool", "AveragePool", "LpPool");
        t.onnx(LinearAlgebraRules::convTranspose, "ConvTranspose");
        t.onnx(LinearAlgebraRules::globalPool, "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool");

        t.microsoft(op -> op.output(0, op.elementType(0), matmul(op, 0, 1, op.attrInt("transA", 0) != 0,
                op.attrInt("transB", 0) != 0)), "FusedMatMul");
        t.microsoft(op -> op.output(0, DataType.FLOAT, matmul(op, 0, 1, false, false)), "DynamicQuantizeMatMul");
        t.microsoft(op -> op.output(0, op.elementType(2) != null ? op.elementType(2) : DataType.FLOAT,
                matmul(op, 0, 1, false, false)), "MatMulIntegerToFloat");
        t.microsoft(LinearAlgebraRules::matMulNBits, "MatMulNBits");
    }

    /** numpy matmul of inputs {@code a} and {@code b} (optionally transposed in their last two axes), or null. */
    static Shape matmul(OpContext op, int a, int b, boolean transA, boolean transB) {
        Shape x = op.shape(a);
        Shape y = op.shape(b);
        if (x == null || y == null) return null;
        if (x.rank() == 0 || y.rank() == 0) throw op.error("multiplies a scalar; MatMul needs rank 1 or more");
        if (transA && x.rank() >= 2) x = swapLast(x);
        if (transB && y.rank() >= 2) y = swapLast(y);
        Dim k1 = x.dim(-1);
        Dim k2 = y.rank() == 1 ? y.dim(0) : y.dim(-2);
        if (k1 instanceof Dim.Fixed p && k2 instanceof Dim.Fixed q && p.size() != q.size()) {
            throw op.error("inner dimensions differ: " + x + " × " + y);
        }
        Shape batchX = new Shape(x.dims().subList(0, Math.max(0, x.rank() - 2)));
        Shape batchY = new Shape(y.dims().subList(0, Math.max(0, y.rank() - 2)));
        List<Dim> out;
        try {
            out = new ArrayList<>(Broadcasting.broadcast(List.of(batchX, batchY)).dims());
        } catch (Broadcasting.Mismatch e) {
            throw op.error("batch dimensions: " + e.getMessage());
        }
        if (x.rank() >= 2) out.add(x.dim(-2));
        if (y.rank() >= 2) out.add(y.dim(-1));
        return new Shape(out);
    }

    private static Shape swapLast(Shape s) {
        return s.withDim(-1, s.dim(-2)).withDim(-2, s.dim(-1));
    }

    private static void gemm(OpContext op) {
        Shape a = op.shape(0);
        Shape b = op.shape(1);
        if (a == null || b == null) {
            op.output(0, op.elementType(0), a == null && b == null ? null : Shape.of(Dim.UNKNOWN, Dim.UNKNOWN));
            return;
        }
        if (a.rank() != 2 || b.rank() != 2) throw op.error("multiplies " + a + " by " + b + "; Gemm needs two matrices");
        op.output(0, op.elementType(0), matmul(op, 0, 1, op.attrInt("transA", 0) != 0, op.attrInt("transB", 0) != 0));
    }

    private static void matMulNBits(OpContext op) {
        long k = op.attrInt("K", -1);
        long n = op.attrInt("N", -1);
        Shape a = op.shape(0);
        if (k <= 0 || n <= 0) throw op.error("needs positive K and N attributes");
        if (a == null) {
            op.output(0, op.elementType(0), null);
            return;
        }
        if (a.dim(-1) instanceof Dim.Fixed f && f.size() != k) throw op.error("input " + a + " does not end in K = " + k);
        op.output(0, op.elementType(0), a.withDim(-1, Dim.of(n)));
    }

    private static void einsum(OpContext op) {
        String eq = op.node().attrString("equation", "").replace(" ", "");
        String[] sides = eq.split("->", -1);
        String[] terms = sides[0].split(",", -1);
        if (eq.isEmpty() || sides.length > 2 || terms.length != op.inputCount()) {
            throw op.error("equation '" + eq + "' does not match its " + op.inputCount() + " inputs");
        }
        DataType type = op.elementType(0);
        Map<Character, Dim> letters = new LinkedHashMap<>();
        Map<Character, Integer> uses = new java.util.TreeMap<>();
        Shape ellipsis = Shape.SCALAR;
        for (int i = 0; i < terms.length; i++) {
            Shape s = op.shape(i);
            if (s == null) {
                op.output(0, type, null);
                return;
            }
            String term = terms[i];
            int dots = term.indexOf("...");
            String plain = term.replace("...", "");
            int ellipsisRank = s.rank() - plain.length();
            if (ellipsisRank < 0 || (dots < 0 && ellipsisRank != 0)) {
                throw op.error("term '" + term + "' does not fit input " + i + " of shape " + s);
            }
            int axis = 0;
            for (int c = 0; c < term.length(); c++) {
                if (c == dots) {
                    try {
                        ellipsis = Broadcasting.broadcast(List.of(ellipsis, new Shape(s.dims().subList(axis, axis + ellipsisRank))));
                    } catch (Broadcasting.Mismatch e) {
                        throw op.error("'...' dimensions: " + e.getMessage());
                    }
                    axis += ellipsisRank;
                    c += 2;
                    continue;
                }
                char l = term.charAt(c);
                Dim d = s.dim(axis++);
                uses.merge(l, 1, Integer::sum);
                Dim prev = letters.get(l);
                try {
                    letters.put(l, prev == null ? d : Broadcasting.dim(prev, d, List.of(s)));
                } catch (Broadcasting.Mismatch e) {
                    throw op.error("letter '" + l + "' stands for both " + prev + " and " + d);
                }
            }
        }
        List<Dim> out = new ArrayList<>();
        if (sides.length == 2) {
            String rhs = sides[1];
            for (int c = 0; c < rhs.length(); c++) {
                if (rhs.startsWith("...", c)) {
                    out.addAll(ellipsis.dims());
                    c += 2;
                } else {
                    Dim d = letters.get(rhs.charAt(c));
                    if (d == null) throw op.error("output letter '" + rhs.charAt(c) + "' is in no input term of '" + eq + "'");
                    out.add(d);
                }
            }
        } else {
            out.addAll(ellipsis.dims());
            for (Map.Entry<Character, Integer> e : uses.entrySet()) if (e.getValue() == 1) out.add(letters.get(e.getKey()));
        }
        op.output(0, type, new Shape(out));
    }

    /**
     * Conv-like output {@code [N, M or C, spatial...]}; {@code weightInput} is the weight's input index, or -1 for
     * pooling (channels kept, kernel from {@code kernel_shape}).
     */
    private static void convolution(OpContext op, int weightInput, DataType type) {
        Shape x = op.shape(0);
        Shape w = weightInput < 0 ? null : op.shape(weightInput);
        boolean pool = weightInput < 0;
        if (x == null) {
            op.output(0, type, null);
            if (pool) op.output(1, DataType.INT64, null);
            return;
        }
        if (x.rank() < 3) throw op.error("input " + x + " has no spatial dimensions");
        int spatial = x.rank() - 2;
        long[] kernel = op.attrInts("kernel_shape");
        if (kernel == null && w != null) {
            if (w.rank() != x.rank()) throw op.error("weight " + w + " and input " + x + " differ in rank");
            kernel = new long[spatial];
            for (int i = 0; i < spatial; i++) kernel[i] = w.dim(i + 2).sizeOr(-1);
        }
        Dim channels = pool ? x.dim(1) : w == null ? Dim.UNKNOWN : w.dim(0);
        if (!pool && w != null && x.dim(1) instanceof Dim.Fixed c && w.dim(1) instanceof Dim.Fixed wc
                && c.size() != wc.size() * op.attrInt("group", 1)) {
            throw op.error("input has " + c.size() + " channels but weight " + w + " with group " + op.attrInt("group", 1) + " expects "
                    + wc.size() * op.attrInt("group", 1));
        }
        long[] strides = orOnes(op.attrInts("strides"), spatial);
        long[] dilations = orOnes(op.attrInts("dilations"), spatial);
        long[] pads = op.attrInts("pads");
        if (pads != null && pads.length != 2 * spatial) throw op.error("has " + pads.length + " pads for " + spatial + " spatial dimensions");
        if (strides.length != spatial || dilations.length != spatial || (kernel != null && kernel.length != spatial)) {
            throw op.error("strides, dilations or kernel_shape do not match the " + spatial + " spatial dimensions of " + x);
        }
        String autoPad = op.node().attrString("auto_pad", "NOTSET");
        boolean ceil = op.attrInt("ceil_mode", 0) != 0;
        List<Dim> out = new ArrayList<>(List.of(x.dim(0), channels));
        for (int i = 0; i < spatial; i++) {
            SymbolicInt in = SymbolicInt.of(x.dim(i + 2));
            long k = kernel == null ? -1 : kernel[i];
            if (autoPad.startsWith("SAME")) {
                out.add(strides[i] == 1 ? in.toDim() : in.isKnown() ? Dim.of(Math.ceilDiv(in.value(), strides[i])) : Dim.UNKNOWN);
                continue;
            }
            if (k < 0) {
                out.add(Dim.UNKNOWN);
                continue;
            }
            long padding = autoPad.equals("VALID") || pads == null ? 0 : pads[i] + pads[i + spatial];
            SymbolicInt span = in.plus(SymbolicInt.of(padding - dilations[i] * (k - 1) - 1));
            if (span.isKnown()) {
                long o = (ceil ? Math.ceilDiv(span.value(), strides[i]) : Math.floorDiv(span.value(), strides[i])) + 1;
                if (o <= 0) throw op.error("kernel " + k + " does not fit spatial dimension " + in + " with padding " + padding);
                out.add(Dim.of(o));
            } else {
                out.add(span.dividedBy(SymbolicInt.of(strides[i])).plus(SymbolicInt.of(1)).toDim());
            }
        }
        Shape s = new Shape(out);
        op.output(0, type, s);
        if (pool && op.node().is("MaxPool")) op.output(1, DataType.INT64, s);
    }

    private static void convTranspose(OpContext op) {
        Shape x = op.shape(0);
        Shape w = op.shape(1);
        DataType type = op.elementType(0);
        if (x == null || w == null) {
            op.output(0, type, null);
            return;
        }
        int spatial = x.rank() - 2;
        if (spatial < 1 || w.rank() != x.rank()) throw op.error("input " + x + " and weight " + w + " do not fit a transposed convolution");
        long group = op.attrInt("group", 1);
        List<Dim> out = new ArrayList<>(List.of(x.dim(0), SymbolicInt.of(w.dim(1)).times(SymbolicInt.of(group)).toDim()));
        long[] outputShape = op.attrInts("output_shape");
        if (outputShape != null) {
            for (int i = 0; i < spatial; i++) out.add(Dim.of(outputShape[outputShape.length - spatial + i]));
            op.output(0, type, new Shape(out));
            return;
        }
        long[] kernel = op.attrInts("kernel_shape");
        long[] strides = orOnes(op.attrInts("strides"), spatial);
        long[] dilations = orOnes(op.attrInts("dilations"), spatial);
        long[] outputPadding = op.attrInts("output_padding");
        long[] pads = op.attrInts("pads");
        String autoPad = op.node().attrString("auto_pad", "NOTSET");
        for (int i = 0; i < spatial; i++) {
            SymbolicInt in = SymbolicInt.of(x.dim(i + 2));
            if (autoPad.startsWith("SAME")) {
                out.add(in.times(SymbolicInt.of(strides[i])).toDim());
                continue;
            }
            long k = kernel != null ? kernel[i] : w.dim(i + 2).sizeOr(-1);
            if (k < 0) {
                out.add(Dim.UNKNOWN);
                continue;
            }
            long padding = autoPad.equals("VALID") || pads == null ? 0 : pads[i] + pads[i + spatial];
            long extra = (outputPadding == null ? 0 : outputPadding[i]) + dilations[i] * (k - 1) + 1 - padding;
            out.add(in.minus(SymbolicInt.of(1)).times(SymbolicInt.of(strides[i])).plus(SymbolicInt.of(extra)).toDim());
        }
        op.output(0, type, new Shape(out));
    }

    private static long[] orOnes(long[] v, int n) {
        if (v != null) return v;
        long[] ones = new long[n];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    private static void globalPool(OpContext op) {
        Shape x = op.shape(0);
        if (x == null || x.rank() < 2) {
            op.output(0, op.elementType(0), null);
            return;
        }
        List<Dim> out = new ArrayList<>(List.of(x.dim(0), x.dim(1)));
        for (int i = 2; i < x.rank(); i++) out.add(Dim.of(1));
        op.output(0, op.elementType(0), new Shape(out));
    }
}
