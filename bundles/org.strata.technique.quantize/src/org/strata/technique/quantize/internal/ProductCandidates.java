package org.strata.technique.quantize.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.strata.core.Change;
import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Value;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.technique.quantize.internal.QuantizationPlan.ProductSite;

/**
 * What a quantizer writing products in a form of its own (QDQ, MatMulNBits) takes from {@link QuantizationPlan}:
 * the products in graph order, grouped by the activation they read, and every candidate left as it was with the
 * reason — fused Attention nodes (whose packed weight such a form cannot hold) and nodes quantized already.
 */
final class ProductCandidates {
    final QuantizationPlan plan;
    /** The products, in graph order. */
    final List<ProductSite> products;
    /** Why candidates were left as they were: reason → how many. */
    final Map<String, Integer> skipped;
    private final List<Node> quantized;

    private ProductCandidates(QuantizationPlan plan, List<ProductSite> products, Map<String, Integer> skipped, List<Node> quantized) {
        this.plan = plan;
        this.products = products;
        this.skipped = skipped;
        this.quantized = quantized;
    }

    /**
     * @param settings with a com.microsoft form, so that the plan lists fused Attention nodes apart
     * @param attentionReason why fused Attention nodes stay float
     */
    static ProductCandidates of(Graph graph, TransformerStructure structure, QuantizationSettings settings, String attentionReason) {
        QuantizationPlan plan = QuantizationPlan.of(graph, structure, settings);
        Map<String, Integer> skipped = new LinkedHashMap<>(plan.skipped);
        if (!plan.attentions.isEmpty()) skipped.put(attentionReason, plan.attentions.size());
        List<Node> quantized = QuantizedOps.in(graph);
        if (!quantized.isEmpty() && !(plan.products.isEmpty() && plan.tables.isEmpty())) {
            skipped.put("quantized already, left as they are: " + QuantizedOps.counted(quantized), quantized.size());
        }
        Map<Node, Integer> position = new IdentityHashMap<>();
        for (Node n : graph.nodes()) position.put(n, position.size());
        List<ProductSite> sorted = new ArrayList<>(plan.products);
        sorted.sort(java.util.Comparator.comparingInt(s -> position.get(s.node())));
        return new ProductCandidates(plan, List.copyOf(sorted), skipped, quantized);
    }

    /** True when there is no product and no table to quantize. */
    boolean empty() {
        return plan.products.isEmpty() && plan.tables.isEmpty();
    }

    /** The change of a step that found nothing to do, saying why. */
    Change nothingToDo() {
        return Change.none("nothing to quantize: no MatMul or Gemm with a constant float weight"
                + (quantized.isEmpty() ? "" : "; the model is quantized already (" + QuantizedOps.counted(quantized) + ")")
                + (skipped.isEmpty() ? "" : "; left float: " + skipped));
    }

    /** The products grouped by the activation they read, groups and products in graph order. */
    Map<Value, List<ProductSite>> byActivation() {
        Map<Value, List<ProductSite>> groups = new LinkedHashMap<>();
        for (ProductSite s : products) groups.computeIfAbsent(s.activation(), v -> new ArrayList<>()).add(s);
        return groups;
    }
}
