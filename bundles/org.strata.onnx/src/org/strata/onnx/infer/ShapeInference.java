package org.strata.onnx.infer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.strata.onnx.Model;

/**
 * Type and shape inference for ONNX graphs, in Java: sets {@link org.strata.onnx.Value#setType} on every node
 * output it can — the element type whenever it is determined, the shape with fixed and symbolic dimensions,
 * {@link org.strata.onnx.Dim#UNKNOWN} where it cannot tell — and reports what it could not do.
 *
 * <p>How it works:
 * <ul>
 * <li>Nodes are visited in topological order; each is handled by the {@link ShapeRule} registered for its
 * (domain, op). Rules are small, one per operator or family, in the {@code *Rules} classes of this package:
 * {@link ElementwiseRules}, {@link ConstantRules}, {@link ReshapingRules}, {@link IndexingRules},
 * {@link ReductionRules}, {@link LinearAlgebraRules}, {@link NormalizationRules}, {@link QuantizationRules},
 * {@link AttentionRules}, {@link ControlFlowRules}.</li>
 * <li>Small integer tensors (initializers, Constants, Shape outputs and what is computed from them) are
 * propagated as {@link SymbolicTensor}s whose elements may be symbolic, so Reshape, Expand,
 * ConstantOfShape, Range, Tile and Slice targets built by shape subgraphs yield real output shapes, named
 * after the graph inputs' symbolic dimensions.</li>
 * <li>A type already present on a node output (graph outputs, value_info) is what the file declares: it is
 * kept, completed where it leaves something unknown, and reported as a conflict when the inferred type
 * contradicts it.</li>
 * <li>Operators without a rule (custom domains, rare ops) never fail inference: their outputs keep what was
 * declared, and the report counts them by op.</li>
 * <li>Opset differences are respected (axes as attribute or input for Unsqueeze, Squeeze, Reduce*; Split's
 * sizes; Slice, Pad, TopK before opset 10/11).</li>
 * <li>If branches are inferred and merged; Loop bodies are inferred with the loop's inputs; other
 * subgraphs are left as declared.</li>
 * </ul>
 *
 * <p>Usage:
 * <pre>{@code
 * InferenceReport r = ShapeInference.standard().infer(model);
 * if (!r.isConsistent()) log(r.conflicts(), r.failures());
 * }</pre>
 *
 * <p>Instances are immutable and may be shared; each {@link #infer} call edits only the model it is given.
 */
public final class ShapeInference {
    record OpKey(String domain, String opType) {
    }

    private static final ShapeInference STANDARD = new ShapeInference(buildStandard());

    private final Map<OpKey, ShapeRule> rules;

    private ShapeInference(Map<OpKey, ShapeRule> rules) {
        this.rules = Map.copyOf(rules);
    }

    private static Map<OpKey, ShapeRule> buildStandard() {
        RuleTable t = new RuleTable();
        ElementwiseRules.register(t);
        ConstantRules.register(t);
        ReshapingRules.register(t);
        IndexingRules.register(t);
        ReductionRules.register(t);
        LinearAlgebraRules.register(t);
        NormalizationRules.register(t);
        QuantizationRules.register(t);
        AttentionRules.register(t);
        ControlFlowRules.register(t);
        return t.rules;
    }

    /** Inference with every built-in rule. */
    public static ShapeInference standard() {
        return STANDARD;
    }

    /**
     * A copy that also (or instead of the built-in rule) uses {@code rule} for {@code opType} in {@code domain}
     * ({@code ""} for the default ONNX domain).
     */
    public ShapeInference with(String domain, String opType, ShapeRule rule) {
        Map<OpKey, ShapeRule> m = new HashMap<>(rules);
        m.put(new OpKey(domain.equals("ai.onnx") ? "" : domain, opType), rule);
        return new ShapeInference(m);
    }

    /** True when there is a rule for {@code opType} in {@code domain} ({@code ""} for the default ONNX domain). */
    public boolean hasRule(String domain, String opType) {
        return rules.containsKey(new OpKey(domain.equals("ai.onnx") ? "" : domain, opType));
    }

    /** Every operator with a rule, as {@code Op} (default domain) or {@code domain::Op}, sorted. */
    public Set<String> ops() {
        Set<String> out = new TreeSet<>();
        for (OpKey k : rules.keySet()) out.add(k.domain().isEmpty() ? k.opType() : k.domain() + "::" + k.opType());
        return out;
    }

    /**
     * Infers and sets the types of {@code model}'s values (in place) and reports what it found.
     *
     * @throws org.strata.onnx.InvalidGraphException when a graph has a cycle (there is no order to infer in)
     */
    public InferenceReport infer(Model model) {
        return new InferenceRun(model, rules).run();
    }
}
