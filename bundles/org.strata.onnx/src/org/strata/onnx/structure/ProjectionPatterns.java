package org.strata.onnx.structure;

import static org.strata.onnx.structure.GraphPattern.activation;
import static org.strata.onnx.structure.GraphPattern.any;
import static org.strata.onnx.structure.GraphPattern.constant;
import static org.strata.onnx.structure.GraphPattern.either;
import static org.strata.onnx.structure.GraphPattern.op;
import static org.strata.onnx.structure.GraphPattern.optional;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.Value;

/**
 * The forms a linear projection takes in exported graphs, as patterns matched backwards from the
 * projection's output:
 * <ul>
 * <li>float: {@code MatMul(x, W)} or {@code Gemm(x, W, b)} (a Gemm between 2-D Reshapes), W possibly behind a
 * Transpose; an optional {@code Add} of a 1-D bias;</li>
 * <li>QDQ: W behind DequantizeLinear (standard, or com.microsoft's, which has per-channel axes before opset 13), x
 * usually behind QuantizeLinear + DequantizeLinear;</li>
 * <li>dynamic int8 (ORT quantize_dynamic): {@code Mul(Cast(MatMulInteger(DQL(x).0, W, DQL(x).2, Wzp)),
 * Mul(DQL(x).1, Wscale))}, or com.microsoft MatMulIntegerToFloat / DynamicQuantizeMatMul;</li>
 * <li>com.microsoft MatMulNBits (blockwise 4- or 8-bit), x possibly divided first by a 1-D constant (AWQ's per-channel
 * input scale, which could not be folded into the op computing x);</li>
 * <li>a Gemm between a Reshape to 2-D and a Reshape back, float or in one of the dynamic int8 forms.</li>
 * </ul>
 */
final class ProjectionPatterns {
    private ProjectionPatterns() {
    }

    private static final GraphPattern WEIGHT_2D = constant("weight").where("a 2-D constant weight", t -> t.rank() == 2);
    private static final GraphPattern WEIGHT_DEQUANT = op("DequantizeLinear|com.microsoft::DequantizeLinear", WEIGHT_2D, constant("weightScale"),
            optional(constant("weightZero"))).as("weightDequant");
    private static final GraphPattern WEIGHT = either(WEIGHT_2D, op("Transpose", WEIGHT_2D).as("weightTranspose"),
            WEIGHT_DEQUANT, op("Transpose", WEIGHT_DEQUANT).as("weightTranspose"));
    private static final GraphPattern ACTIVATION = either(
            op("DequantizeLinear", op("QuantizeLinear", activation("input"), any(), optional(any())).as("inputQuant"),
                    any(), optional(any())).as("inputDequant"),
            activation("input"));

    private static final GraphPattern MATMUL = op("MatMul", ACTIVATION, WEIGHT).as("core");
    private static final GraphPattern GEMM = op("Gemm",
            either(op("Reshape", activation("input"), any()).as("flatten"), activation("input")), WEIGHT,
            optional(constant("bias"))).as("core");

    private static final GraphPattern.Op DQL = op("DynamicQuantizeLinear", activation("input")).as("inputQuant");
    private static final GraphPattern MATMUL_INTEGER = op("Mul",
            op("Cast", op("MatMulInteger", DQL.output(0), constant("weight"), optional(DQL.output(2)),
                    optional(constant("weightZero"))).as("core")),
            op("Mul", DQL.output(1), constant("weightScale")).commutative()).commutative();
    private static final GraphPattern MATMUL_INTEGER_TO_FLOAT = op("com.microsoft::MatMulIntegerToFloat", DQL.output(0),
            constant("weight"), DQL.output(1), constant("weightScale"), optional(DQL.output(2)),
            optional(constant("weightZero")), optional(constant("bias"))).as("core");
    private static final GraphPattern DYNAMIC_QUANTIZE_MATMUL = op("com.microsoft::DynamicQuantizeMatMul",
            activation("input"), constant("weight"), constant("weightScale"), optional(constant("weightZero")),
            optional(constant("bias"))).as("core");
    /** AWQ's input scaling before a 4-bit product: {@code x / s}, s a 1-D constant. */
    private static GraphPattern scaledInput(GraphPattern x) {
        return either(op("Div", x, constant("inputScale").where("a 1-D constant", t -> t.rank() == 1)).as("inputScaling"), x);
    }

    private static final GraphPattern MATMUL_NBITS = op("com.microsoft::MatMulNBits", scaledInput(activation("input")),
            constant("weight"), constant("weightScale"), optional(any()), optional(any()), optional(constant("bias")))
            .as("core");

    private static final GraphPattern CORE = either(MATMUL, MATMUL_INTEGER, MATMUL_INTEGER_TO_FLOAT,
            DYNAMIC_QUANTIZE_MATMUL, MATMUL_NBITS, GEMM);
    private static final GraphPattern BIAS = constant("bias").where("a 1-D constant bias", t -> t.rank() == 1);
    private static final GraphPattern WITH_BIAS = either(op("Add", CORE, BIAS).commutative().as("biasAdd"), CORE);

    /*
     * A Gemm between 2-D Reshapes, dynamically quantized: the product reads the flattened activation (a Reshape
     * to two dimensions) and the un-flattening Reshape follows, as for the float Gemm.
     */
    private static final GraphPattern FLAT_INPUT = op("Reshape", activation("input"), any()).as("flatten")
            .where("to two dimensions", ProjectionPatterns::flattensTo2d);

    /** A Reshape to a constant two-dimensional shape (the flattening before a Gemm). */
    private static boolean flattensTo2d(Node reshape) {
        long[] shape = Constants.shapeVector(reshape.input(1));
        return shape != null && shape.length == 2;
    }
    private static final GraphPattern.Op FLAT_DQL = op("DynamicQuantizeLinear", FLAT_INPUT).as("inputQuant");
    private static final GraphPattern FLAT_QUANTIZED = either(
            op("Mul", op("Cast", op("MatMulInteger", FLAT_DQL.output(0), constant("weight"), optional(FLAT_DQL.output(2)),
                    optional(constant("weightZero"))).as("core")),
                    op("Mul", FLAT_DQL.output(1), constant("weightScale")).commutative()).commutative(),
            op("com.microsoft::MatMulIntegerToFloat", FLAT_DQL.output(0), constant("weight"), FLAT_DQL.output(1),
                    constant("weightScale"), optional(FLAT_DQL.output(2)), optional(constant("weightZero")),
                    optional(constant("bias"))).as("core"),
            op("com.microsoft::DynamicQuantizeMatMul", FLAT_INPUT, constant("weight"), constant("weightScale"),
                    optional(constant("weightZero")), optional(constant("bias"))).as("core"));
    private static final GraphPattern FLAT_NBITS = op("com.microsoft::MatMulNBits", scaledInput(FLAT_INPUT), constant("weight"),
            constant("weightScale"), optional(any()), optional(any()), optional(constant("bias"))).as("core");
    private static final GraphPattern FLAT_CORE = either(GEMM, FLAT_QUANTIZED, FLAT_NBITS);

    /** Any projection form. */
    static final GraphPattern PROJECTION = either(op("Reshape", either(op("Add", FLAT_CORE, BIAS).commutative()
            .as("biasAdd"), FLAT_CORE), any()).as("unflatten"), WITH_BIAS);

    /** Op types that can be the product node of a projection. */
    static final Set<String> CORE_OPS = Set.of("MatMul", "Gemm", "MatMulInteger", "com.microsoft::MatMulIntegerToFloat",
            "com.microsoft::DynamicQuantizeMatMul", "com.microsoft::MatMulNBits");

    /** The projection whose output is {@code out}, or the reason there is none. */
    static PatternMatch match(Value out) {
        return PROJECTION.match(out, java.util.Map.of(), LookThrough.QUANTIZATION);
    }

    /** The projection whose output is {@code out}, or null. */
    static Projection endingAt(Value out) {
        return match(out) instanceof PatternMatch.Found f ? toProjection(f, out) : null;
    }

    /**
     * The projection whose product node is {@code core}: its output is found by following Cast, scale Mul,
     * bias Add and Reshape consumers and taking the furthest value the pattern still explains.
     */
    static Projection fromCore(Node core) {
        List<Value> candidates = new ArrayList<>();
        Value v = core.output(0);
        candidates.add(v);
        for (int i = 0; i < 4; i++) {
            List<Node> users = v.consumers();
            if (users.size() != 1) break;
            Node u = users.get(0);
            if (!(u.is("Cast") || u.is("Mul") || u.is("Add") || u.is("Reshape"))) break;
            v = u.output(0);
            candidates.add(v);
        }
        for (int i = candidates.size() - 1; i >= 0; i--) {
            if (match(candidates.get(i)) instanceof PatternMatch.Found f && f.node("core") == core) {
                return toProjection(f, candidates.get(i));
            }
        }
        return null;
    }

    static boolean isCore(Node n) {
        return CORE_OPS.contains(GraphPattern.Op.qualifiedType(n));
    }

    private static Projection toProjection(PatternMatch.Found f, Value out) {
        Node core = f.node("core");
        Value weight = f.value("weight");
        Tensor w = Constants.tensor(weight);
        boolean transposed = f.has("weightTranspose");
        long in;
        long outFeatures;
        Quantization q = Quantization.NONE;
        String op = GraphPattern.Op.qualifiedType(core);
        switch (op) {
            case "com.microsoft::MatMulNBits" -> {
                in = core.attrInt("K", -1);
                outFeatures = core.attrInt("N", -1);
                transposed = true;
                q = core.attrInt("bits", 4) == 4 ? Quantization.INT4_BLOCKWISE : Quantization.INT8_BLOCKWISE;
            }
            default -> {
                long[] d = w.dims();
                boolean outIn = transposed ^ (core.is("Gemm") && core.attrInt("transB", 0) == 1);
                transposed = outIn;
                in = outIn ? d[d.length - 1] : d[d.length - 2];
                outFeatures = outIn ? d[d.length - 2] : d[d.length - 1];
                if (!core.is("MatMul") && !core.is("Gemm")) q = Quantization.DYNAMIC_INT8;
                else if (f.has("weightDequant")) q = Quantization.QDQ;
            }
        }
        return withFactor(new Projection(core, f.matched(), f.value("input"), out, weight, f.value("bias"), in, outFeatures,
                transposed, q));
    }

    /**
     * {@code p} and the product before it as one low-rank projection ({@link Quantization#LOW_RANK}), when p's input
     * is the output of another projection by a constant (in any form above) that adds no bias, that nothing but p
     * reads and that is thinner than the product the two stand for: {@code lowrank.svd} writes x·W as (x·A)·B. The
     * result reads x, keeps B as its weight and bias, and counts A's rows as its input features. A linear map before
     * several projections (ALBERT's embedding mapping) has other readers and stays a projection of its own.
     */
    private static Projection withFactor(Projection p) {
        Value x = p.input();
        if (x == null || x.producer() == null || x.isGraphOutput() || p.quantization() == Quantization.LOW_RANK) return p;
        Set<Node> own = Collections.newSetFromMap(new IdentityHashMap<>());
        own.addAll(p.nodes());
        for (Node reader : x.consumers()) if (!own.contains(reader)) return p;
        Node producer = x.producer();
        if (!isCore(producer) && !producer.is("Mul") && !producer.is("Reshape")) return p; // not a projection's last node
        Projection a = endingAt(x);
        if (a == null || a.bias() != null || a.quantization() == Quantization.LOW_RANK) return p;
        long d = a.inFeatures();
        long r = a.outFeatures();
        long e = p.outFeatures();
        if (r != p.inFeatures() || r * (d + e) >= d * e) return p;
        List<Node> nodes = new ArrayList<>(a.nodes());
        nodes.addAll(p.nodes());
        Value input = a.input();
        Node flatten = input.producer();
        if (flatten != null && flatten.is("Reshape") && input.consumers().size() == 1 && !input.isGraphOutput() && flattensTo2d(flatten)) {
            // a Gemm between 2-D Reshapes: the product by A reads the flattened activation
            nodes.add(0, flatten);
            input = flatten.input(0);
        }
        return new Projection(p.node(), nodes, input, p.output(), p.weight(), p.bias(), d, e, p.weightTransposed(),
                Quantization.LOW_RANK);
    }
}
