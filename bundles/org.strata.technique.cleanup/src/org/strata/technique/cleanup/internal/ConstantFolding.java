package org.strata.technique.cleanup.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.strata.core.ParameterSpec;
import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Shape;
import org.strata.onnx.Value;

/**
 * Folds constant subgraphs: a node of the main graph whose outputs can be computed now becomes an initializer
 * holding them, under the output's name. The operators are the ones shape computations are made of, evaluated
 * by {@link ConstantEvaluator} (Shape, Size, Gather, Unsqueeze, Squeeze, Concat, Slice, Cast, integer
 * Add/Sub/Mul/Div, Reshape, ConstantOfShape, integer Range, Equal, Where, Not, Identity).
 *
 * <ul>
 * <li>Nodes are visited in topological order, so a chain folds in one visit: {@code Shape → Gather →
 * Unsqueeze → Concat} on a static input ends as one initializer (the initializers made for its inner links
 * are removed again once nothing uses them).</li>
 * <li>Inputs are constants (initializers callers cannot override, Constant nodes) or results of nodes folded
 * or partly evaluated before. {@code Shape} and {@code Size} read only their input's shape: a fixed dimension
 * is known even where others are symbolic, so {@code Gather(Shape(x), 2)} of {@code x: [batch, seq, 384]}
 * folds to 384 while {@code Gather(Shape(x), 0)} is left alone.</li>
 * <li>A node is folded only when every element of its output is known, the output has at most
 * {@code max-folded-elements} elements (folding must not grow the file), and the output is not a graph
 * output.</li>
 * <li>Floating-point data is only moved, never computed on; integer arithmetic and casts are folded only where
 * every runtime gives the same bits (see {@link ConstantEvaluator}).</li>
 * <li>Not before IR 4, where a new initializer would have to be a graph input too.</li>
 * </ul>
 */
record ConstantFolding(long maxElements) implements CleanupPass {
    static final int DEFAULT_MAX_ELEMENTS = 1024;

    @Override
    public ParameterSpec parameter() {
        return ParameterSpec.bool("fold-constants", true,
                "fold constant shape computations (Shape of static shapes, Gather, Concat, Slice, integer arithmetic, …) into initializers");
    }

    static ParameterSpec limitParameter() {
        return ParameterSpec.integer("max-folded-elements", DEFAULT_MAX_ELEMENTS, 1, 1 << 24,
                "largest tensor (in elements) that constant folding writes into the model");
    }

    @Override
    public int run(GraphFacts facts) {
        if (!facts.mayAddInitializers()) return 0;
        Graph g = facts.graph();
        ConstantEvaluator evaluator = new ConstantEvaluator(maxElements);
        Map<Value, KnownTensor> partial = new IdentityHashMap<>();
        List<Value> made = new ArrayList<>();
        int folded = 0;
        for (Node n : List.copyOf(g.nodes())) {
            if (!ConstantEvaluator.handles(n)) continue;
            List<KnownTensor> out = evaluator.evaluate(n, facts.opset(), new ConstantEvaluator.Inputs() {
                @Override
                public KnownTensor contents(int i) {
                    Value v = n.input(i);
                    KnownTensor k = partial.get(v);
                    return k != null ? k : facts.contents(v, maxElements);
                }

                @Override
                public Shape shape(int i) {
                    return facts.shape(n.input(i));
                }
            });
            if (out == null) continue;
            Value o = n.output(0);
            KnownTensor result = out.get(0);
            if (result.fullyKnown() && GraphEdits.replaceable(o)) {
                made.add(GraphEdits.replaceByInitializer(o, result.toTensor(o.name())));
                g.remove(n);
                folded++;
            } else {
                partial.put(o, result);
            }
        }
        for (Value v : made) if (!v.hasUses() && !v.isGraphOutput()) g.removeInitializer(v);
        return folded;
    }

    @Override
    public String describe(int count) {
        return "folded " + count + " constant node" + (count == 1 ? "" : "s");
    }
}
