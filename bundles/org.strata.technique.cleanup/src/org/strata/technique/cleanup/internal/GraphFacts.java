package org.strata.technique.cleanup.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.strata.onnx.Attribute;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.Shape;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.TensorType;
import org.strata.onnx.Value;

/**
 * What the cleanup passes may rely on about a model: which values are constants, the element types and
 * shapes recorded on values (declared in the file, or inferred when shape inference ran first), the
 * default-domain opset, and which nodes belong to domains whose operators Strata knows.
 *
 * <p>A constant is an initializer that callers cannot override — from IR 4 on, an initializer also listed as
 * a graph input is only a default value, so it is not constant — or the output of a default-domain
 * {@code Constant} node.
 */
final class GraphFacts {
    /** Domains whose operators are pure functions of their inputs; nodes of any other domain are never touched. */
    private static final Set<String> KNOWN_DOMAINS = Set.of(Node.DEFAULT_DOMAIN, Node.MS_DOMAIN, "ai.onnx.ml");

    private final Model model;

    GraphFacts(Model model) {
        this.model = model;
    }

    Model model() {
        return model;
    }

    Graph graph() {
        return model.graph();
    }

    /** The default-domain opset the model imports, or -1 when it imports none (treated as the newest). */
    long opset() {
        return model.opset(Node.DEFAULT_DOMAIN);
    }

    /**
     * Whether passes may add initializers. Before IR 4 every initializer must also be a graph input, so a new
     * one would change the model's interface: rules that create initializers stay off for such models.
     */
    boolean mayAddInitializers() {
        return model.irVersion() >= 4;
    }

    /** True for a node of a domain whose operators Strata does not know (a custom op): never removed or rewired. */
    static boolean isCustom(Node n) {
        return !KNOWN_DOMAINS.contains(n.domain());
    }

    /** True when {@code v} is an initializer callers cannot override. */
    boolean isConstantInitializer(Value v) {
        return v.isInitializer() && (!v.isGraphInput() || model.irVersion() < 4);
    }

    /** The constant data behind {@code v}, or null when it is not a constant. */
    Tensor constant(Value v) {
        if (v == null) return null;
        if (v.isInitializer()) return isConstantInitializer(v) ? v.initializer() : null;
        Node p = v.producer();
        return p != null && p.is("Constant") ? constantNodeValue(p) : null;
    }

    /** The contents of constant {@code v} when it has at most {@code maxElements} elements of a type folding holds. */
    KnownTensor contents(Value v, long maxElements) {
        Tensor t = constant(v);
        return t == null ? null : KnownTensor.of(t, maxElements);
    }

    /** The element type recorded for {@code v}, or null. */
    static DataType elementType(Value v) {
        TensorType t = v == null ? null : v.type();
        return t == null || t.elementType() == DataType.UNDEFINED ? null : t.elementType();
    }

    /** The shape of {@code v}: its constant data's, else the recorded one; null when the rank is not known. */
    Shape shape(Value v) {
        if (v == null) return null;
        Tensor t = constant(v);
        if (t != null) return t.shape();
        return v.type() == null ? null : v.type().shape();
    }

    /**
     * The value of a {@code Constant} node in whichever attribute form it uses ({@code value},
     * {@code value_float(s)}, {@code value_int(s)}, {@code value_string(s)}), or null for a sparse value.
     */
    static Tensor constantNodeValue(Node n) {
        if (n.attributes().size() != 1) return null;
        Attribute a = n.attributes().values().iterator().next();
        return switch (a) {
            case Attribute.TensorValue t when a.name().equals("value") -> t.value();
            case Attribute.Float f when a.name().equals("value_float") -> TensorCodec.fromFloats("", new long[0], new float[] {f.value()});
            case Attribute.Floats f when a.name().equals("value_floats") -> {
                float[] v = new float[f.values().size()];
                for (int i = 0; i < v.length; i++) v[i] = f.values().get(i);
                yield TensorCodec.fromFloats("", new long[] {v.length}, v);
            }
            case Attribute.Int i when a.name().equals("value_int") -> TensorCodec.fromLongs("", new long[0], new long[] {i.value()});
            case Attribute.Ints i when a.name().equals("value_ints") -> TensorCodec.fromLongs("", new long[] {i.values().size()}, i.toArray());
            case Attribute.Str s when a.name().equals("value_string") ->
                Tensor.ofStrings("", new long[0], List.of(s.value().getBytes(StandardCharsets.UTF_8)));
            case Attribute.Strs s when a.name().equals("value_strings") -> {
                List<byte[]> v = new ArrayList<>();
                for (String x : s.values()) v.add(x.getBytes(StandardCharsets.UTF_8));
                yield Tensor.ofStrings("", new long[] {v.size()}, v);
            }
            default -> null;
        };
    }
}
