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

import org.strata.onnx.Value;

/**
 * FFN nonlinearities, matched backwards from the value the down projection reads and binding {@code x}, the
 * pre-activation. GELU is written {@code 0.5·x·(1 + f)} in any of the three groupings exporters produce, with
 * {@code f = erf(x/√2)} or {@code f = tanh(√(2/π)·(x + 0.044715·x³))}; QuickGELU {@code x·σ(1.702x)}; SiLU
 * {@code x·σ(x)}; ReLU; and the fused ops (com.microsoft Gelu, BiasGelu, FastGelu, QuickGelu; ONNX Gelu).
 * A fused op's {@code bias} input, when present, is bound as {@code bias}.
 */
final class ActivationPatterns {
    private ActivationPatterns() {
    }

    record Form(Activation kind, GraphPattern pattern) {
    }

    /** Looked through: fp16 exports cast around the nonlinearity. */
    static final Set<String> THROUGH = LookThrough.QUANTIZATION_AND_CASTS;

    private static GraphPattern halfTimesXTimes(GraphPattern onePlus) {
        return either(
                op("Mul", op("Mul", any("x"), onePlus).commutative(), scalar(0.5)).commutative(),
                op("Mul", op("Mul", any("x"), scalar(0.5)).commutative(), onePlus).commutative(),
                op("Mul", any("x"), op("Mul", onePlus, scalar(0.5)).commutative()).commutative(),
                op("Mul", op("Div", any("x"), scalar(2)), onePlus).commutative());
    }

    private static final GraphPattern ERF_ONE_PLUS = op("Add",
            op("Erf", op("Div|Mul", any("x"), constant())), scalar(1)).commutative();
    private static final GraphPattern CUBE = either(op("Pow", any("x"), scalar(3)),
            op("Mul", op("Mul", any("x"), any("x")), any("x")).commutative());
    private static final GraphPattern TANH_ONE_PLUS = op("Add", op("Tanh",
            op("Mul", op("Add", any("x"), op("Mul", CUBE, constant()).commutative()).commutative(), constant())
                    .commutative()),
            scalar(1)).commutative();

    /** Ungated forms, most specific first. */
    static final List<Form> FORMS = List.of(
            new Form(Activation.ERF_GELU, halfTimesXTimes(ERF_ONE_PLUS)),
            new Form(Activation.TANH_GELU, halfTimesXTimes(TANH_ONE_PLUS)),
            new Form(Activation.QUICK_GELU,
                    op("Mul", any("x"), op("Sigmoid", op("Mul", any("x"), scalar(1.702)).commutative())).commutative()),
            new Form(Activation.SILU, op("Mul", any("x"), op("Sigmoid", any("x"))).commutative()),
            new Form(Activation.RELU, op("Relu", any("x"))),
            new Form(Activation.FAST_GELU, op("com.microsoft::FastGelu", any("x"), optional(constant("bias")))),
            new Form(Activation.ERF_GELU, op("com.microsoft::Gelu", any("x"))),
            new Form(Activation.ERF_GELU, op("com.microsoft::BiasGelu", any("x"), constant("bias"))),
            new Form(Activation.QUICK_GELU, op("com.microsoft::QuickGelu", any("x"))),
            new Form(Activation.ERF_GELU, op("Gelu", any("x"))
                    .where("with approximate=\"none\"", n -> n.attrString("approximate", "none").equals("none"))),
            new Form(Activation.TANH_GELU, op("Gelu", any("x"))
                    .where("with approximate=\"tanh\"", n -> n.attrString("approximate", "none").equals("tanh"))));

    /** The first form matching at {@code v}, or why none does. */
    static Recognized<Matched> match(Value v) {
        PatternMatch.Missed best = null;
        for (Form f : FORMS) {
            PatternMatch m = f.pattern.match(v, Map.of(), THROUGH);
            if (m instanceof PatternMatch.Found found) return Recognized.of(new Matched(f.kind, found));
            PatternMatch.Missed miss = (PatternMatch.Missed) m;
            if (best == null || miss.progress() > best.progress()) best = miss;
        }
        return Recognized.not(best);
    }

    /** A recognised nonlinearity: its kind and the match binding {@code x} (and a fused op's {@code bias}). */
    record Matched(Activation kind, PatternMatch.Found match) {
    }
}
