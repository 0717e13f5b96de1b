package org.strata.onnx.infer;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Problem;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;

/**
 * One inference over one model: walks each graph in topological order, applies the rule of each node, and
 * commits what the rule stated against what was declared. Holds the state a run needs and no more: the
 * propagated contents of small integer tensors, the types declared before the run, and the findings.
 */
final class InferenceRun {
    /** Opset assumed for the default domain when a model (built in memory) does not import it. */
    private static final long LATEST_DEFAULT_OPSET = 23;

    private final Model model;
    private final Map<ShapeInference.OpKey, ShapeRule> rules;
    private final Map<Value, SymbolicTensor> data = new IdentityHashMap<>();
    private final Map<Value, TensorType> declared = new IdentityHashMap<>();
    private final Map<String, Integer> unknownOps = new TreeMap<>();
    private final List<Problem> conflicts = new ArrayList<>();
    private final List<Problem> failures = new ArrayList<>();

    InferenceRun(Model model, Map<ShapeInference.OpKey, ShapeRule> rules) {
        this.model = model;
        this.rules = rules;
        for (Node n : model.graph().allNodes()) {
            for (Value o : n.outputs()) if (o.type() != null) declared.put(o, o.type());
        }
    }

    InferenceReport run() {
        graph(model.graph());
        return report();
    }

    private void graph(Graph g) {
        for (Value v : g.initializers().values()) {
            if (v.type() == null) v.setType(v.initializer().tensorType());
            // From IR 4 on, an initializer that is also a graph input is only a default callers may override;
            // before, every initializer had to be listed as an input, so the listing says nothing.
            if (!v.isGraphInput() || model.irVersion() < 4) {
                SymbolicTensor d = SymbolicTensor.of(v.initializer());
                if (d != null) data.put(v, d);
            }
        }
        for (Node n : g.topologicalOrder()) node(n);
    }

    List<TensorType> subgraph(Graph body, List<TensorType> inputTypes) {
        List<Value> in = body.inputs();
        for (int i = 0; i < in.size() && i < inputTypes.size(); i++) {
            if (in.get(i).type() == null && inputTypes.get(i) != null) in.get(i).setType(inputTypes.get(i));
        }
        graph(body);
        List<TensorType> out = new ArrayList<>();
        for (Value v : body.outputs()) out.add(v.type());
        return out;
    }

    private void node(Node n) {
        ShapeRule rule = rules.get(new ShapeInference.OpKey(n.domain(), n.opType()));
        if (rule == null) {
            unknownOps.merge(n.domain().isEmpty() ? n.opType() : n.domain() + "::" + n.opType(), 1, Integer::sum);
            return;
        }
        OpContext ctx = new OpContext(n, opset(n.domain()), this);
        try {
            rule.infer(ctx);
        } catch (ShapeInferenceException e) {
            failures.add(new Problem(n.describe(), e.reason()));
            return;
        } catch (RuntimeException e) {
            // A rule that breaks on an input it did not expect must not stop inference of the whole model:
            // the node is reported, with the error, and its outputs stay as they were.
            failures.add(new Problem(n.describe(), "the " + n.opType() + " shape rule failed: " + e));
            return;
        }
        for (int i = 0; i < ctx.outputCount(); i++) commit(n, n.output(i), ctx.outputTypes[i], ctx.outputData[i]);
    }

    private void commit(Node n, Value v, TensorType inferred, SymbolicTensor contents) {
        if (v.name().isEmpty() || inferred == null) return;
        TensorType d = declared.get(v);
        if (d != null) {
            String why = TypeMerge.conflict(d, inferred);
            if (why != null) {
                conflicts.add(new Problem(n.describe(), "output '" + v.name() + "' is declared " + d + " but inferred as "
                        + inferred + " (" + why + "); the declared type was kept"));
                return;
            }
            inferred = TypeMerge.refine(d, inferred);
        }
        if (!inferred.equals(v.type())) v.setType(inferred);
        contents = named(v, inferred, contents);
        if (contents != null) data.put(v, contents);
    }

    /**
     * A one-element integer computed at run time (a count, a width) is still one number wherever it is used: it becomes
     * the symbol {@code n_<value name>}, so that sizes made from it (TopK's k, a Range, a reshape) are seen to be equal.
     */
    private static SymbolicTensor named(Value v, TensorType type, SymbolicTensor contents) {
        if (type.elementType() == null || !type.elementType().isInteger() || type.shape() == null || !type.shape().isStatic()
                || type.shape().elementCount() != 1) {
            return contents;
        }
        if (contents != null && contents.values().get(0) != SymbolicInt.UNKNOWN) return contents;
        String name = "n_" + v.name().replaceAll("[^A-Za-z0-9_]", "_");
        return new SymbolicTensor(type.elementType(), type.shape(), List.of(SymbolicInt.symbol(name)));
    }

    private long opset(String domain) {
        long v = model.opset(domain);
        if (v >= 0) return v;
        return domain.isEmpty() ? LATEST_DEFAULT_OPSET : 1;
    }

    SymbolicTensor data(Value v) {
        return v == null ? null : data.get(v);
    }

    Tensor constant(Value v) {
        if (v == null) return null;
        if (v.isInitializer()) return v.isGraphInput() && model.irVersion() >= 4 ? null : v.initializer();
        Node p = v.producer();
        return p != null && p.is("Constant") ? ConstantRules.constantValue(p) : null;
    }

    private InferenceReport report() {
        int typed = 0;
        List<Value> unknown = new ArrayList<>();
        List<Value> partial = new ArrayList<>();
        for (Node n : model.graph().allNodes()) {
            for (Value v : n.outputs()) {
                if (v.name().isEmpty()) continue;
                TensorType t = v.type();
                if (t == null || t.elementType() == DataType.UNDEFINED || t.shape() == null) {
                    unknown.add(v);
                    continue;
                }
                typed++;
                if (t.shape().dims().stream().anyMatch(x -> x instanceof Dim.Unknown)) partial.add(v);
            }
        }
        return new InferenceReport(typed, unknown, partial, unknownOps, conflicts, failures);
    }
}
