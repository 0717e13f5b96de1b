package org.strata.onnx.infer;

import java.util.ArrayList;
import java.util.List;

import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Graph;
import org.strata.onnx.Shape;
import org.strata.onnx.TensorType;

/**
 * Control flow. Both kinds infer their bodies as part of the run, so the values inside are typed too.
 * <ul>
 * <li>If: both branches are inferred; each output is what the two branches agree on (per dimension: equal
 * or unknown; rank unknown when the ranks differ) — or exactly the taken branch when the condition is a
 * known constant. Branches with different element types are an error.</li>
 * <li>Loop: the body is inferred with an int64 iteration count, a bool condition and the initial values'
 * types; loop-carried outputs are what the initial value and the body's result agree on; scan outputs get
 * a leading dimension of the trip count when {@code M} is known and there is no condition, else unknown.</li>
 * </ul>
 * Scan and other subgraph-holding ops have no rule: their outputs stay as declared.
 */
final class ControlFlowRules {
    private ControlFlowRules() {
    }

    static void register(RuleTable t) {
        t.onnx(ControlFlowRules::ifRule, "If");
        t.onnx(ControlFlowRules::loop, "Loop");
    }

    private static Graph body(OpContext op, String attribute) {
        if (op.node().attribute(attribute) instanceof Attribute.Subgraph s) return s.value();
        throw op.error("has no '" + attribute + "' subgraph");
    }

    private static void ifRule(OpContext op) {
        List<TensorType> a = op.inferBody(body(op, "then_branch"), List.of());
        List<TensorType> b = op.inferBody(body(op, "else_branch"), List.of());
        if (a.size() != b.size() || a.size() < op.outputCount()) {
            throw op.error("branches have " + a.size() + " and " + b.size() + " outputs for " + op.outputCount() + " node outputs");
        }
        long[] cond = op.longs(0);
        for (int i = 0; i < op.outputCount(); i++) {
            TensorType x = a.get(i);
            TensorType y = b.get(i);
            if (x != null && y != null && x.elementType() != y.elementType()
                    && x.elementType() != DataType.UNDEFINED && y.elementType() != DataType.UNDEFINED) {
                throw op.error("output " + i + " is " + x + " in then_branch but " + y + " in else_branch");
            }
            if (cond != null && cond.length == 1) op.output(i, cond[0] != 0 ? x : y);
            else op.output(i, TypeMerge.union(x, y));
        }
    }

    private static void loop(OpContext op) {
        Graph body = body(op, "body");
        int carried = Math.max(0, op.inputCount() - 2);
        List<TensorType> in = new ArrayList<>();
        in.add(new TensorType(DataType.INT64, Shape.SCALAR));
        in.add(new TensorType(DataType.BOOL, Shape.SCALAR));
        for (int i = 0; i < carried; i++) in.add(op.type(2 + i));
        List<TensorType> out = op.inferBody(body, in);
        if (out.size() != 1 + op.outputCount()) {
            throw op.error("body has " + out.size() + " outputs; a Loop with " + op.outputCount() + " outputs needs " + (1 + op.outputCount()));
        }
        for (int i = 0; i < carried; i++) {
            TensorType initial = op.type(2 + i);
            TensorType result = out.get(1 + i);
            op.output(i, initial == null ? result : result == null ? initial : TypeMerge.union(initial, result));
        }
        long[] m = op.longs(0);
        Dim trips = m != null && m.length == 1 && !op.hasInput(1) ? Dim.of(Math.max(0, m[0])) : Dim.UNKNOWN;
        for (int j = carried; j < op.outputCount(); j++) {
            TensorType t = out.get(1 + j);
            if (t == null) continue;
            List<Dim> dims = null;
            if (t.shape() != null) {
                dims = new ArrayList<>();
                dims.add(trips);
                dims.addAll(t.shape().dims());
            }
            op.output(j, t.elementType() == DataType.UNDEFINED ? null : t.elementType(), dims == null ? null : new Shape(dims));
        }
    }
}
