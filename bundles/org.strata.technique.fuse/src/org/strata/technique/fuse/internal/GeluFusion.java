package org.strata.technique.fuse.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.strata.onnx.DataType;
import org.strata.onnx.Node;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Activation;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.FeedForward;

/**
 * GELU fusion of {@code fuse.transformer}, from each block's discovered FFN activation.
 *
 * <ul>
 * <li>The erf GELU {@code 0.5·x·(1 + erf(x/√2))}, in any grouping the structure recognises, becomes com.microsoft
 * {@code Gelu(x)}; when {@code x} is {@code MatMul + Add(bias)} and only the GELU reads it, {@code BiasGelu(product,
 * bias)} instead (ONNX Runtime's own optimizer does the same, but an exported model then carries it).</li>
 * <li>The tanh approximation {@code 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))} becomes {@code FastGelu(x[, bias])},
 * which computes exactly that formula.</li>
 * </ul>
 * Checked before rewriting: every node of the activation is a plain float op of the formula, its constants are
 * the formula's (√2 or 1/√2, 0.044715, √(2/π) to 1e-5 relative; 0.5, 1, 3 exactly), and nothing outside it reads
 * its intermediate values. Gated FFNs (SwiGLU, GeGLU) and the other activations are left as they are.
 */
final class GeluFusion {
    private static final Set<String> FORMULA_OPS = Set.of("Mul", "Div", "Add", "Erf", "Tanh", "Pow");
    private static final double CONSTANT_TOLERANCE = 1e-5;

    private final FusionRun run;
    private final boolean foldBias;

    GeluFusion(FusionRun run, boolean foldBias) {
        this.run = run;
        this.foldBias = foldBias;
    }

    void fuse() {
        for (Block b : run.structure.blocks()) {
            run.context.monitor().checkCanceled();
            FeedForward f = b.ffn();
            if (f == null || f.gate() != null) continue;
            boolean erf = f.activation() == Activation.ERF_GELU;
            if (!erf && f.activation() != Activation.TANH_GELU) continue;
            if (f.activationNodes().stream().anyMatch(n -> !n.domain().equals(Node.DEFAULT_DOMAIN) || n.is("Gelu"))) continue;
            String where = "block " + b.number() + ": " + f.activation() + " before " + f.down().node().describe();
            Value x = run.current(f.up().output());
            Value out = f.down().input();
            String why = unfusable(f, x, out, erf);
            if (why != null) {
                run.leave(where, why);
                continue;
            }
            Node biasAdd = foldBias ? foldableBias(x, f) : null;
            List<Value> inputs;
            String op;
            if (biasAdd != null) {
                int b0 = ConstantValues.isConstant(biasAdd.input(0)) ? 0 : 1;
                inputs = List.of(biasAdd.input(1 - b0), biasAdd.input(b0));
                op = erf ? "BiasGelu" : "FastGelu";
                run.fused("biases-folded", b.number());
            } else {
                inputs = List.of(x);
                op = erf ? "Gelu" : "FastGelu";
            }
            Node fused = run.addContribNode(op, inputs, List.of(out.name() + "_" + op.toLowerCase(java.util.Locale.ROOT)), List.of());
            run.graph.insertBefore(out.producer(), fused);
            run.replace(out, fused.output(0));
            run.fused(erf ? "gelus" : "fast-gelus", b.number());
        }
    }

    /** Why the activation nodes of {@code f} are not exactly the GELU formula on {@code x} producing {@code out}, or null. */
    private static String unfusable(FeedForward f, Value x, Value out, boolean erf) {
        Set<Node> own = Collections.newSetFromMap(new IdentityHashMap<>());
        own.addAll(f.activationNodes());
        if (out.producer() == null || !own.contains(out.producer())) return "the down projection does not read the activation's result directly";
        TensorType xt = x.type();
        if (xt != null && xt.elementType() != DataType.FLOAT) return "it computes " + xt.elementType() + ", not float";
        boolean readsX = false;
        for (Node n : own) {
            if (!FORMULA_OPS.contains(n.opType())) return "it contains " + n.describe() + ", which is not part of the formula";
            for (Value in : n.inputs()) {
                if (in == null) return n.describe() + " has an omitted input";
                if (in == x) {
                    readsX = true;
                } else if (!ConstantValues.isConstant(in) && (in.producer() == null || !own.contains(in.producer()))) {
                    return n.describe() + " reads '" + in.name() + "', which the activation does not compute";
                }
            }
            for (Value o : n.outputs()) {
                if (o == out) continue;
                if (o.isGraphOutput() || o.consumers().stream().anyMatch(c -> !own.contains(c))) {
                    return "its intermediate value '" + o.name() + "' is read outside it";
                }
            }
            String constant = constantsOf(n, erf);
            if (constant != null) return constant;
        }
        if (!readsX) return "it does not read the up projection's output '" + x.name() + "' directly";
        return null;
    }

    /** Why a constant of {@code n} is not the one the formula has there, or null. */
    private static String constantsOf(Node n, boolean erf) {
        int c = ConstantValues.scalarOperand(n);
        boolean anyConstant = n.inputs().stream().anyMatch(ConstantValues::isConstant);
        if (anyConstant && c < 0) return n.describe() + " has a constant operand that is not one float";
        if (c < 0) return null;
        double v = ConstantValues.scalar(n.input(c));
        Node reader = n.output(0).consumers().size() == 1 ? n.output(0).consumers().get(0) : null;
        boolean feedsErfOrTanh = reader != null && (reader.is("Erf") || reader.is("Tanh"));
        switch (n.opType()) {
            case "Pow" -> {
                return c == 1 && v == 3 ? null : n.describe() + " is not a cube";
            }
            case "Add" -> {
                return v == 1 ? null : n.describe() + " adds " + v + ", not 1";
            }
            case "Div" -> {
                if (c != 1) return n.describe() + " divides a constant";
                if (erf && feedsErfOrTanh) return near(v, Math.sqrt(2)) ? null : n.describe() + " divides by " + v + ", not √2";
                return v == 2 ? null : n.describe() + " divides by " + v + ", not 2";
            }
            case "Mul" -> {
                if (erf && feedsErfOrTanh) return near(v, 1 / Math.sqrt(2)) ? null : n.describe() + " scales by " + v + ", not 1/√2";
                if (!erf && feedsErfOrTanh) return near(v, Math.sqrt(2 / Math.PI)) ? null : n.describe() + " scales by " + v + ", not √(2/π)";
                boolean cubeTerm = !erf && reader != null && reader.is("Add") && ConstantValues.scalarOperand(reader) < 0;
                if (cubeTerm) return near(v, 0.044715) ? null : n.describe() + " scales the cube by " + v + ", not 0.044715";
                return v == 0.5 ? null : n.describe() + " scales by " + v + ", not 0.5";
            }
            default -> {
                return n.describe() + " has an unexpected constant";
            }
        }
    }

    private static boolean near(double got, double expected) {
        return Math.abs(got - expected) <= CONSTANT_TOLERANCE * Math.abs(expected);
    }

    /** The {@code Add(MatMul product, 1-D float bias)} computing {@code x} that only the activation reads, or null. */
    private static Node foldableBias(Value x, FeedForward f) {
        Node add = x.producer();
        if (add == null || !add.is(Node.DEFAULT_DOMAIN, "Add") || add.inputs().size() != 2 || x.isGraphOutput()) return null;
        Set<Node> own = Collections.newSetFromMap(new IdentityHashMap<>());
        own.addAll(f.activationNodes());
        if (!own.containsAll(x.consumers())) return null;
        for (int i = 0; i < 2; i++) {
            float[] bias = ConstantValues.floats(add.input(i), 1);
            Value product = add.input(1 - i);
            if (bias == null || product == null || bias.length != f.intermediateSize()) continue;
            Node mm = product.producer();
            if (mm != null && mm.is(Node.DEFAULT_DOMAIN, "MatMul") && !ConstantValues.isConstant(product)) return add;
        }
        return null;
    }
}
