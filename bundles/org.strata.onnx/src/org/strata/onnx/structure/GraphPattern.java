package org.strata.onnx.structure;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.Value;

/**
 * A small subgraph described declaratively and matched backwards from the value it produces, after
 * onnx-graphsurgeon's {@code GraphPattern}: an {@link Op} names the op types it accepts, the patterns of its
 * inputs and optional checks; {@link #any}, {@link #constant} and {@link #scalar} match values;
 * {@link #either} tries alternatives in order. Labels bind the nodes and values a caller wants back, and a
 * label used twice must bind the same node or value both times, which is how a pattern says "the same x".
 *
 * <p>A failed match says why: the {@link PatternMatch.Missed} of the attempt that got furthest names the
 * node looked at and what was expected there. Example, a decomposed RMSNorm:
 *
 * <pre>{@code
 * GraphPattern rms = op("Mul",
 *         op("Div", any("x"), op("Sqrt", op("Add", op("ReduceMean", op("Pow", any("x"), scalar(2))), constant("eps"))
 *                 .commutative())),
 *         constant("scale")).commutative();
 * PatternMatch m = rms.match(value);
 * if (m instanceof PatternMatch.Found f) use(f.value("x"), f.value("scale"));
 * }</pre>
 *
 * Op types are written as {@code "MatMul"} (default domain) or {@code "com.microsoft::Attention"}, several
 * separated by {@code |}. Inputs a pattern does not list are not constrained. Patterns are immutable.
 */
public sealed interface GraphPattern permits GraphPattern.Op, GraphPattern.AnyValue, GraphPattern.ConstantValue,
        GraphPattern.Either, GraphPattern.Absent {

    /** Op types looked through when the pattern expects something else: a value passes through them unchanged. */
    Set<String> IDENTITY = Set.of("Identity");

    /** What this pattern expects, as a phrase for messages ("a Div or Mul node"). */
    String expectation();

    /** Matches {@code v} looking through Identity nodes. */
    default PatternMatch match(Value v) {
        return match(v, Map.of(), IDENTITY);
    }

    /**
     * Matches {@code v}.
     *
     * @param given labels bound before matching starts (e.g. {@code "x"} to a known input)
     * @param transparentOps default-domain op types the matcher steps through (input 0) when the pattern
     *        expects another op there, e.g. {@code Cast} in exports that up-cast around a norm
     */
    default PatternMatch match(Value v, Map<String, Value> given, Set<String> transparentOps) {
        return new PatternMatcher(transparentOps).match(this, v, given);
    }

    /**
     * Tries the pattern at every value produced within {@code radius} consumer steps downstream of
     * {@code start}, with {@code label} bound to {@code start}, and returns the match covering most nodes
     * (or the failure that got furthest). Finds, for example, "the norm that starts at this residual sum".
     */
    default PatternMatch matchDownstream(Value start, String label, int radius, Set<String> transparentOps) {
        return new PatternMatcher(transparentOps).matchDownstream(this, start, label, radius);
    }

    // ---- construction ---------------------------------------------------------------------------------

    /** A node of one of {@code opTypes} ("Div|Mul", "com.microsoft::Attention") whose inputs match {@code inputs}. */
    static Op op(String opTypes, GraphPattern... inputs) {
        Set<String> types = new LinkedHashSet<>(Arrays.asList(opTypes.split("\\|")));
        return new Op(types, List.of(inputs), null, -1, false, null, null);
    }

    /** Any value; bound to {@code label}. */
    static AnyValue any(String label) {
        return new AnyValue(label, false);
    }

    /** Any value, not kept. */
    static AnyValue any() {
        return new AnyValue(null, false);
    }

    /** A value computed at run time (not an initializer or Constant output); bound to {@code label}. */
    static AnyValue activation(String label) {
        return new AnyValue(label, true);
    }

    /** An initializer or the output of a Constant node; bound to {@code label}. */
    static ConstantValue constant(String label) {
        return new ConstantValue(label, null, null);
    }

    /** An initializer or the output of a Constant node, not kept. */
    static ConstantValue constant() {
        return new ConstantValue(null, null, null);
    }

    /** A one-element constant equal to {@code expected} within 1e-3 relative. */
    static ConstantValue scalar(double expected) {
        return new ConstantValue(null, "the constant " + (expected == Math.rint(expected) ? Long.toString((long) expected)
                : Double.toString(expected)), t -> Constants.isScalar(t, expected));
    }

    /** The first of {@code alternatives} that matches (all are kept for backtracking). */
    static GraphPattern either(GraphPattern... alternatives) {
        return new Either(List.of(alternatives));
    }

    /** {@code p}, or an omitted input. */
    static GraphPattern optional(GraphPattern p) {
        return new Either(List.of(p, new Absent()));
    }

    /** An omitted optional input. */
    static Absent absent() {
        return new Absent();
    }

    // ---- the pattern kinds ----------------------------------------------------------------------------

    /**
     * A node of one of {@code opTypes}. {@code outputIndex} &ge; 0 requires the value to be that output of
     * the node; {@code eitherOrder} lets two inputs match in either order.
     */
    record Op(Set<String> opTypes, List<GraphPattern> inputs, String label, int outputIndex, boolean eitherOrder,
            String checkText, Predicate<Node> check) implements GraphPattern {
        public Op {
            opTypes = Set.copyOf(opTypes);
            inputs = List.copyOf(inputs);
        }

        /** Binds the matched node to {@code newLabel}. */
        public Op as(String newLabel) {
            return new Op(opTypes, inputs, newLabel, outputIndex, eitherOrder, checkText, check);
        }

        /** Requires the matched value to be output {@code index} of the node. */
        public Op output(int index) {
            return new Op(opTypes, inputs, label, index, eitherOrder, checkText, check);
        }

        /** Lets the two inputs match in either order (Add, Mul). */
        public Op commutative() {
            return new Op(opTypes, inputs, label, outputIndex, true, checkText, check);
        }

        /** Adds a check on the node; {@code expectation} completes "a Pow node ..." in messages. */
        public Op where(String expectation, Predicate<Node> nodeCheck) {
            return new Op(opTypes, inputs, label, outputIndex, eitherOrder, expectation, nodeCheck);
        }

        boolean accepts(Node n) {
            return opTypes.contains(qualifiedType(n));
        }

        static String qualifiedType(Node n) {
            return n.domain().isEmpty() ? n.opType() : n.domain() + "::" + n.opType();
        }

        @Override
        public String expectation() {
            String types = opTypes.stream().sorted().collect(Collectors.joining(" or "));
            return ("AEIOU".indexOf(types.charAt(0)) >= 0 ? "an " : "a ") + types + " node" + (outputIndex > 0 ? " (output " + outputIndex + ")" : "")
                    + (checkText == null ? "" : " " + checkText);
        }
    }

    /** Any value, or with {@code runtimeOnly} one that is not a constant. */
    record AnyValue(String label, boolean runtimeOnly) implements GraphPattern {
        @Override
        public String expectation() {
            return runtimeOnly ? "a value computed at run time" : "a value";
        }
    }

    /** An initializer or Constant output, optionally checked. */
    record ConstantValue(String label, String checkText, Predicate<Tensor> check) implements GraphPattern {
        /** Adds a check on the tensor; {@code expectation} replaces "a constant" in messages. */
        public ConstantValue where(String expectation, Predicate<Tensor> tensorCheck) {
            return new ConstantValue(label, expectation, tensorCheck);
        }

        @Override
        public String expectation() {
            return checkText == null ? "a constant" : checkText;
        }
    }

    /** Alternatives tried in order. */
    record Either(List<GraphPattern> alternatives) implements GraphPattern {
        public Either {
            alternatives = List.copyOf(alternatives);
        }

        @Override
        public String expectation() {
            return alternatives.stream().map(GraphPattern::expectation).collect(Collectors.joining(", or "));
        }
    }

    /** An omitted optional input. */
    record Absent() implements GraphPattern {
        @Override
        public String expectation() {
            return "no input";
        }
    }
}
