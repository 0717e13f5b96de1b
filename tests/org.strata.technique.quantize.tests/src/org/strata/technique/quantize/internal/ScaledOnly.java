package org.strata.technique.quantize.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.strata.onnx.DataType;
import org.strata.onnx.Model;
import org.strata.onnx.Node;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.technique.quantize.internal.QuantizationPlan.ProductSite;

/**
 * Test helper: AWQ's scaling without the rounding. Every group of block products reading one activation gets a
 * random per-channel s; the activation is divided by it ({@link ScaleFolding}) and the float weight rows are
 * multiplied by it, so the model must compute what it computed before.
 */
final class ScaledOnly {
    private ScaledOnly() {
    }

    static ScaleFolding apply(Model m) {
        QuantizationScheme unused = QuantizationScheme.of(DataType.INT8, true, false, true);
        QuantizationSettings settings = new QuantizationSettings(ProductForm.FUSED, unused, unused, false, false, Set.of(), Set.of(),
                Set.of());
        QuantizationPlan plan = QuantizationPlan.of(m.graph(), TransformerStructure.discover(m), settings);
        Map<Value, List<ProductSite>> groups = new LinkedHashMap<>();
        for (ProductSite s : plan.products) groups.computeIfAbsent(s.activation(), v -> new ArrayList<>()).add(s);
        GraphEdits edits = new GraphEdits(m.graph());
        ScaleFolding folding = new ScaleFolding(m.graph(), edits, TransformerStructure.discover(m), n -> n);
        Random random = new Random(5);
        for (Map.Entry<Value, List<ProductSite>> g : groups.entrySet()) {
            int in = g.getValue().get(0).in();
            float[] s = new float[in];
            for (int i = 0; i < in; i++) s[i] = 0.5f + 1.5f * random.nextFloat();
            List<Node> readers = g.getValue().stream().map(ProductSite::node).toList();
            if (folding.placement(g.getKey(), readers) == null) continue;
            folding.divide(g.getKey(), readers.get(0).input(0), s, readers, readers.get(0));
            for (ProductSite p : g.getValue()) {
                if (p.weight().transposed() || p.transB()) throw new IllegalStateException("helper handles [in, out] weights only");
                Value w = p.weight().stored();
                float[] v = TensorCodec.toFloats(w.initializer());
                int out = p.out();
                for (int k = 0; k < in; k++) for (int n = 0; n < out; n++) v[k * out + n] *= s[k];
                m.graph().setInitializer(w, TensorCodec.fromFloats(w.name(), w.initializer().dims(), v));
            }
        }
        return folding;
    }
}
