package org.strata.onnx.structure;

import java.util.ArrayList;
import java.util.List;

import org.strata.onnx.Node;
import org.strata.onnx.Value;

/**
 * Finds the FFN of one block, backwards from the value its residual Add adds: the down projection, then
 * an ungated activation of the up projection, or a gated product {@code act(gate) · up} whose two
 * projections read the same FFN input.
 */
final class FeedForwardMatcher {
    private final int number;
    private final Node residual;

    FeedForwardMatcher(int number, Node residual) {
        this.number = number;
        this.residual = residual;
    }

    private StructureException fail(String message) {
        return new StructureException("block " + number + ": " + message);
    }

    FeedForward match(Value input, Value branchOut) {
        Projection down = ProjectionPatterns.endingAt(branchOut);
        if (down == null) {
            throw fail("expected the FFN to end in its down projection added by " + residual.describe() + ", but "
                    + ((PatternMatch.Missed) ProjectionPatterns.match(branchOut)).reason());
        }
        Value hidden = down.input();
        String why;
        Recognized<ActivationPatterns.Matched> m = ActivationPatterns.match(hidden);
        if (m.found()) {
            ActivationPatterns.Matched act = m.value();
            Value pre = act.match().value("x");
            Projection up = ProjectionPatterns.endingAt(pre);
            if (up != null && LookThrough.same(up.input(), input)) {
                if (up.bias() == null && act.match().value("bias") != null) up = up.withBias(act.match().value("bias"));
                return new FeedForward(input, up, null, down, act.kind(), act.match().matched(), up.outFeatures(), List.of());
            }
            why = up == null
                    ? "the " + act.kind() + " input '" + pre.name() + "' is not a projection: "
                            + ((PatternMatch.Missed) ProjectionPatterns.match(pre)).reason()
                    : "the up projection " + up.node().describe() + " reads '" + up.input().name()
                            + "' instead of the FFN input '" + input.name() + "'";
        } else {
            why = m.whyNot();
        }
        FeedForward gated = gated(input, down, hidden);
        if (gated != null) return gated;
        throw fail("expected the FFN activation (GELU, ReLU, SiLU, or a gated SwiGLU/GeGLU product) to compute the input '"
                + hidden.name() + "' of the down projection " + down.node().describe() + ", but " + why);
    }

    /** {@code down(act(gate(x)) · up(x))}, or null. */
    private static FeedForward gated(Value input, Projection down, Value hidden) {
        Node mul = hidden.producer();
        while (mul != null && LookThrough.isPassThrough(mul)) mul = mul.input(0).producer();
        if (mul == null || !mul.is("Mul") || mul.inputs().size() != 2) return null;
        for (int i = 0; i < 2; i++) {
            ActivationPatterns.Matched act = ActivationPatterns.match(mul.input(i)).value();
            if (act == null) continue;
            Activation kind = switch (act.kind()) {
                case SILU -> Activation.SWIGLU;
                case ERF_GELU, TANH_GELU, FAST_GELU, QUICK_GELU -> Activation.GEGLU;
                default -> null;
            };
            Projection gate = ProjectionPatterns.endingAt(act.match().value("x"));
            Projection up = ProjectionPatterns.endingAt(mul.input(1 - i));
            if (kind == null || gate == null || up == null || !LookThrough.same(gate.input(), input)
                    || !LookThrough.same(up.input(), input)) {
                continue;
            }
            List<Node> actNodes = new ArrayList<>(act.match().matched());
            actNodes.add(mul);
            return new FeedForward(input, up, gate, down, kind, actNodes, up.outFeatures(), List.of());
        }
        return null;
    }
}
