package org.strata.onnx.tests.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.onnx.structure.GraphPattern.any;
import static org.strata.onnx.structure.GraphPattern.constant;
import static org.strata.onnx.structure.GraphPattern.either;
import static org.strata.onnx.structure.GraphPattern.op;
import static org.strata.onnx.structure.GraphPattern.optional;
import static org.strata.onnx.structure.GraphPattern.scalar;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;
import org.strata.onnx.structure.GraphPattern;
import org.strata.onnx.structure.PatternMatch;

/** The declarative matcher: bindings, alternatives, either-order inputs, shared labels, and its explanations. */
class GraphPatternTest {
    private final Graph g = new Graph("rms");
    private final Value x = g.addInput("x", TensorType.of(DataType.FLOAT, 2, 8));
    private final Value two = g.addInitializer("two", TensorCodec.fromFloats("two", new long[0], new float[] {2}));
    private final Value eps = g.addInitializer("eps", TensorCodec.fromFloats("eps", new long[0], new float[] {1e-6f}));
    private final Value gamma = g.addInitializer("gamma", TensorCodec.fromFloats("gamma", new long[] {8}, new float[8]));

    /** Mul(γ, Div(x, Sqrt(Add(ε, ReduceMean(Pow(x, 2)))))) with the operands of Add and Mul swapped, as some exporters write. */
    private Value rmsNorm(Value in) {
        Value sq = g.addNode("Pow", List.of(in, two), "sq").output(0);
        Value ms = g.addNode("ReduceMean", List.of(sq), "ms").output(0);
        Value add = g.addNode("Add", List.of(eps, ms), "ms_eps").output(0);
        Value rms = g.addNode("Sqrt", List.of(add), "rms").output(0);
        Value div = g.addNode("Div", List.of(in, rms), "normalized").output(0);
        return g.addNode("Mul", List.of(gamma, div), "out").output(0);
    }

    private static final GraphPattern RMS = op("Mul",
            op("Div", any("x"), op("Sqrt", op("Add", op("ReduceMean", op("Pow", any("x"), scalar(2))), constant("eps"))
                    .commutative()).as("sqrt")),
            constant("scale")).commutative();

    @Test
    void bindsLabelsThroughEitherOrderInputs() {
        Value out = rmsNorm(x);
        PatternMatch m = RMS.match(out);
        assertTrue(m.found(), m.toString());
        PatternMatch.Found f = (PatternMatch.Found) m;
        assertSame(x, f.value("x"));
        assertSame(gamma, f.value("scale"));
        assertSame(eps, f.value("eps"));
        assertSame(out, f.root());
        assertEquals("Sqrt", f.node("sqrt").opType());
        assertEquals(6, f.matched().size());
    }

    @Test
    void aLabelUsedTwiceMustBindTheSameValue() {
        Value y = g.addInput("y", TensorType.of(DataType.FLOAT, 2, 8));
        // normalise y by the RMS of x: not an RMSNorm
        Value sq = g.addNode("Pow", List.of(x, two), "sq").output(0);
        Value ms = g.addNode("ReduceMean", List.of(sq), "ms").output(0);
        Value rms = g.addNode("Sqrt", List.of(g.addNode("Add", List.of(ms, eps), "a").output(0)), "rms").output(0);
        Value out = g.addNode("Mul", List.of(g.addNode("Div", List.of(y, rms), "d").output(0), gamma), "out").output(0);
        PatternMatch m = RMS.match(out);
        assertFalse(m.found());
        PatternMatch.Missed miss = (PatternMatch.Missed) m;
        assertTrue(miss.reason().contains("the same value as 'x' ('y')"), miss.reason());
        assertTrue(miss.reason().contains("input 0 of unnamed Pow node producing 'sq'"), miss.reason());
    }

    @Test
    void aMissNamesTheNodeAndWhatWasExpected() {
        Value sq = g.addNode("Pow", List.of(x, two), "sq").output(0);
        Value ms = g.addNode("ReduceMean", List.of(sq), "ms").output(0);
        Value notSqrt = g.addNode("Exp", List.of(g.addNode("Add", List.of(ms, eps), "a").output(0)), "e").output(0);
        Value out = g.addNode("Mul", List.of(g.addNode("Div", List.of(x, notSqrt), "d").output(0), gamma), "out").output(0);
        PatternMatch.Missed miss = (PatternMatch.Missed) RMS.match(out);
        assertEquals("expected a Sqrt node as input 1 of unnamed Div node producing 'd', but found unnamed Exp node producing 'e'",
                miss.reason());
        assertEquals("Exp", miss.at().opType());
        assertEquals(2, miss.progress(), "Mul and Div matched before the miss");
    }

    @Test
    void eitherAndOptionalTryAlternativesInOrder() {
        Value w = g.addInitializer("w", TensorCodec.fromFloats("w", new long[] {8, 8}, new float[64]));
        Value mm = g.addNode("MatMul", List.of(x, w), "mm").output(0);
        GraphPattern projection = either(op("Add", op("MatMul", any("in"), constant("w")).as("core"), constant("b")).commutative(),
                op("MatMul", any("in"), constant("w")).as("core"));
        PatternMatch.Found f = (PatternMatch.Found) projection.match(mm);
        assertSame(x, f.value("in"));
        assertNull(f.value("b"), "no bias Add: the second alternative matched");
        GraphPattern gemm = op("Gemm", any("a"), constant("w"), optional(constant("c")));
        Value y = g.addNode("Gemm", List.of(x, w), "y").output(0);
        assertTrue(gemm.match(y).found());
    }

    @Test
    void transparentOpsAreLookedThrough() {
        Value cast = g.addNode("Cast", List.of(x), "cast").output(0);
        Value out = rmsNorm(cast);
        PatternMatch strict = RMS.match(out);
        assertTrue(strict.found(), "x binds the Cast output when nothing is looked through");
        PatternMatch through = RMS.match(out, Map.of("x", x), Set.of("Cast"));
        assertTrue(through.found(), through.toString());
        assertFalse(RMS.match(out, Map.of("x", x), Set.of()).found(), "without looking through Cast, x is not the input");
    }

    @Test
    void matchDownstreamFindsTheLargestMatchFromAStart() {
        Value out = rmsNorm(x);
        PatternMatch m = RMS.matchDownstream(x, "x", 8, Set.of());
        assertTrue(m.found());
        assertSame(out, ((PatternMatch.Found) m).root());
    }
}
