package org.strata.onnx.structure;

import static org.strata.onnx.structure.GraphPattern.any;
import static org.strata.onnx.structure.GraphPattern.constant;
import static org.strata.onnx.structure.GraphPattern.either;
import static org.strata.onnx.structure.GraphPattern.op;
import static org.strata.onnx.structure.GraphPattern.optional;
import static org.strata.onnx.structure.GraphPattern.scalar;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.strata.onnx.Node;
import org.strata.onnx.Value;

/**
 * Norms, decomposed or fused. Decomposed LayerNorm: {@code Add(Mul(Div(Sub(x, ReduceMean(x)),
 * Sqrt(Add(ReduceMean(Pow(Sub, 2)), ε))), γ), β)} with Mul-by-Reciprocal and x·x variants; decomposed
 * RMSNorm: {@code Mul(Div(x, Sqrt(Add(ReduceMean(Pow(x, 2)), ε))), γ)} likewise. Casts (up-casting exports)
 * are looked through. Fused: LayerNormalization, SimplifiedLayerNormalization, RMSNormalization, and the
 * com.microsoft skip forms, which include the residual Add.
 */
final class NormPatterns {
    private NormPatterns() {
    }

    private static final Set<String> THROUGH = LookThrough.QUANTIZATION_AND_CASTS;

    private record Form(NormKind kind, boolean fused, GraphPattern pattern) {
    }

    private static final GraphPattern.Op MEAN = op("ReduceMean", any("x")).as("mean");
    private static final GraphPattern.Op CENTERED = op("Sub", any("x"), MEAN).as("centered");
    private static final GraphPattern VARIANCE = op("ReduceMean",
            either(op("Pow", CENTERED, scalar(2)), op("Mul", CENTERED, CENTERED)));
    private static final GraphPattern STD = op("Sqrt", op("Add", VARIANCE, constant("epsilon")).commutative());
    private static final GraphPattern LN_NORMALIZED = either(op("Div", CENTERED, STD),
            op("Mul", CENTERED, op("Reciprocal", STD)).commutative());
    private static final GraphPattern LN_SCALED = op("Mul", LN_NORMALIZED, constant("scale")).commutative();
    private static final GraphPattern LAYER_NORM = either(
            op("Add", LN_SCALED, constant("bias")).commutative(), LN_SCALED, LN_NORMALIZED);

    private static final GraphPattern MEAN_SQUARE = op("ReduceMean",
            either(op("Pow", any("x"), scalar(2)), op("Mul", any("x"), any("x"))));
    private static final GraphPattern RMS = op("Sqrt", op("Add", MEAN_SQUARE, constant("epsilon")).commutative());
    private static final GraphPattern RMS_NORMALIZED = either(op("Div", any("x"), RMS),
            op("Mul", any("x"), op("Reciprocal", RMS)).commutative(),
            op("Mul", any("x"), op("Div", scalar(1), RMS)).commutative());
    private static final GraphPattern RMS_NORM = either(
            op("Mul", RMS_NORMALIZED, constant("scale")).commutative(), RMS_NORMALIZED);

    private static final GraphPattern FUSED_LAYER_NORM = op("LayerNormalization|com.microsoft::LayerNormalization",
            any("x"), constant("scale"), optional(constant("bias"))).as("norm").output(0);
    private static final GraphPattern FUSED_RMS_NORM = op(
            "SimplifiedLayerNormalization|com.microsoft::SimplifiedLayerNormalization|RMSNormalization", any("x"),
            constant("scale")).as("norm").output(0);

    private static final List<Form> FORMS = List.of(new Form(NormKind.LAYER_NORM, true, FUSED_LAYER_NORM),
            new Form(NormKind.RMS_NORM, true, FUSED_RMS_NORM), new Form(NormKind.LAYER_NORM, false, LAYER_NORM),
            new Form(NormKind.RMS_NORM, false, RMS_NORM));

    static final Set<String> SKIP_OPS = Set.of("com.microsoft::SkipLayerNormalization",
            "com.microsoft::SkipSimplifiedLayerNormalization");

    static boolean isSkipNorm(Node n) {
        return SKIP_OPS.contains(GraphPattern.Op.qualifiedType(n));
    }

    /** The norm producing {@code out}, reading {@code x} (null: any input), or why there is none. */
    static Recognized<Norm> endingAt(Value out, Value x) {
        PatternMatch.Missed best = null;
        for (Form f : FORMS) {
            PatternMatch m = f.pattern.match(out, x == null ? Map.of() : Map.of("x", x), THROUGH);
            if (m instanceof PatternMatch.Found found) return Recognized.of(toNorm(f, found));
            best = closer(best, (PatternMatch.Missed) m);
        }
        return Recognized.not(best);
    }

    /** The norm reading {@code x}: the largest match of any form within a few steps downstream, or why there is none. */
    static Recognized<Norm> startingAt(Value x) {
        Norm best = null;
        PatternMatch.Missed bestMiss = null;
        for (Form f : FORMS) {
            PatternMatch m = f.pattern.matchDownstream(x, "x", 10, THROUGH);
            if (m instanceof PatternMatch.Found found) {
                Norm n = toNorm(f, found);
                if (best == null || n.nodes().size() > best.nodes().size()) best = n;
            } else {
                bestMiss = closer(bestMiss, (PatternMatch.Missed) m);
            }
        }
        return best != null ? Recognized.of(best) : Recognized.not(bestMiss);
    }

    private static PatternMatch.Missed closer(PatternMatch.Missed a, PatternMatch.Missed b) {
        return a == null || b.progress() > a.progress() ? b : a;
    }

    /** The norm part of a skip norm node. */
    static Norm ofSkipNode(Node n) {
        boolean layerNorm = n.opType().equals("SkipLayerNormalization");
        Value bias = layerNorm ? n.input(3) : null;
        return new Norm(layerNorm ? NormKind.SKIP_LAYER_NORM : NormKind.SKIP_RMS_NORM, true, n.input(0), n.output(0),
                n.input(2), bias, n.attrFloat("epsilon", Float.NaN), List.of(n));
    }

    private static Norm toNorm(Form f, PatternMatch.Found m) {
        double eps;
        if (f.fused) {
            eps = m.node("norm").attrFloat("epsilon", 1e-5f);
        } else {
            eps = Constants.scalarValue(m.value("epsilon"));
        }
        return new Norm(f.kind, f.fused, m.value("x"), m.root(), m.value("scale"), m.value("bias"), eps, m.matched());
    }
}
