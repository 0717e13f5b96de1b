package org.strata.technique.quantize.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.strata.core.TechniqueException;
import org.strata.onnx.ConstantTensors;
import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.Embeddings;
import org.strata.onnx.structure.Projection;
import org.strata.onnx.structure.TransformerStructure;

/**
 * What one application will quantize, decided before anything is edited: the products (MatMul and Gemm
 * with a constant 2-D float weight) and the embedding-table Gathers, after the exclusions, and why each
 * candidate left out was left out.
 */
final class QuantizationPlan {
    /** A node to replace by its quantized form. */
    sealed interface Site permits ProductSite, AttentionSite {
        Node node();

        /** The block number (from 1) the node belongs to, or 0. */
        int block();
    }

    /**
     * One product to quantize.
     *
     * @param activation the run-time input (Gemm: A)
     * @param transB a Gemm multiplying by the transpose of what it reads
     * @param alpha the Gemm's alpha (1 for MatMul)
     * @param biasAdd for a MatMul, the node that alone consumes its output and adds a constant 1-D bias to it: an Add,
     *        or a com.microsoft BiasGelu or FastGelu taking it as its bias input (see {@link GraphEdits#withoutBias}); else null
     * @param bias the bias that Add or the Gemm's {@code beta·C} adds, as [out] values; null when none
     * @param biasValue the constant holding exactly that float [out] bias, which a fused product can take as
     *        its bias input; null when a new one must be made (a Gemm with beta ≠ 1 or a broadcast C)
     * @param block the block number (from 1) the product belongs to, or 0
     */
    record ProductSite(Node node, Value activation, ConstantWeight weight, boolean transB, float alpha, Node biasAdd,
            float[] bias, Value biasValue, int block) implements Site {
        /** Output columns. */
        int out() {
            return transB ? weight.rows() : weight.cols();
        }

        /** Input rows (the reduced dimension). */
        int in() {
            return transB ? weight.cols() : weight.rows();
        }
    }

    /**
     * One com.microsoft Attention to turn into a QAttention: its packed [hidden, 3·hidden] QKV weight quantized,
     * its input quantized at run time.
     */
    record AttentionSite(Node node, Value activation, ConstantWeight weight, int block) implements Site {
    }

    /** Attention attributes QAttention takes as they are. */
    private static final java.util.Set<String> QATTENTION_ATTRIBUTES = java.util.Set.of("num_heads", "unidirectional",
            "mask_filter_value", "scale");

    /** One Gather of an embedding table to read from the quantized table. */
    record TableSite(Node gather, ConstantWeight table, String role) {
    }

    final List<ProductSite> products = new ArrayList<>();
    final List<TableSite> tables = new ArrayList<>();
    final List<AttentionSite> attentions = new ArrayList<>();

    /** Every product and attention to quantize, in graph order. */
    List<Site> sitesInGraphOrder(org.strata.onnx.Graph graph) {
        Map<Node, Integer> position = new java.util.IdentityHashMap<>();
        for (Node n : graph.nodes()) position.put(n, position.size());
        List<Site> sites = new ArrayList<>(products);
        sites.addAll(attentions);
        sites.sort(java.util.Comparator.comparingInt(site -> position.get(site.node())));
        return sites;
    }
    /** Why candidates were left float: reason → how many. */
    final Map<String, Integer> skipped = new LinkedHashMap<>();

    private QuantizationPlan() {
    }

    /**
     * @param structure the discovered structure, or null when it could not be discovered (then every
     *        product counts as "other" and embedding tables are not known)
     * @throws TechniqueException when an exclusion names a block or node the model does not have
     */
    static QuantizationPlan of(Graph graph, TransformerStructure structure, QuantizationSettings s) {
        QuantizationPlan plan = new QuantizationPlan();
        checkExclusions(graph, structure, s);
        Map<Node, Integer> blockOf = new HashMap<>();
        Map<Node, Integer> structured = new HashMap<>();
        if (structure != null) {
            for (Block b : structure.blocks()) {
                for (Node n : b.nodes()) blockOf.put(n, b.number());
                for (Projection p : b.projections()) {
                    // a low-rank projection's product by its first factor belongs to the block as much as the last
                    for (Node n : p.nodes()) if (n.is("MatMul") || n.is("Gemm")) structured.put(n, b.number());
                }
            }
        }
        for (Node n : graph.nodes()) {
            if (n.is(Node.MS_DOMAIN, "Attention")) {
                AttentionSite site = plan.attentionAt(n, blockOf.getOrDefault(n, 0), s);
                if (site == null) continue;
                if (s.excludeOpTypes().contains("Attention")) plan.skip("op type Attention excluded");
                else if (s.excludeNodes().contains(n.name())) plan.skip("node excluded by name");
                else if (site.block() > 0 && s.excludeBlocks().contains(site.block())) plan.skip("in an excluded block");
                else plan.attentions.add(site);
                continue;
            }
            if (!n.is("MatMul") && !n.is("Gemm")) continue;
            ProductSite site = plan.productAt(n, blockOf.getOrDefault(n, 0));
            if (site == null) continue;
            if (s.excludeOpTypes().contains(n.opType())) plan.skip("op type " + n.opType() + " excluded");
            else if (s.excludeNodes().contains(n.name())) plan.skip("node excluded by name");
            else if (site.block() > 0 && s.excludeBlocks().contains(site.block())) plan.skip("in an excluded block");
            else if (!structured.containsKey(n) && !s.otherProducts()) plan.skip("outside the blocks (quantize-other-products is off)");
            else plan.products.add(site);
        }
        if (s.quantizeEmbeddings()) plan.addTables(structure, s);
        return plan;
    }

    private static void checkExclusions(Graph graph, TransformerStructure structure, QuantizationSettings s) {
        if (!s.excludeBlocks().isEmpty()) {
            if (structure == null) {
                throw new TechniqueException("exclude-blocks " + s.excludeBlocks() + " needs the model's blocks, but its "
                        + "transformer structure could not be recognised; exclude the products by node name instead");
            }
            for (int b : s.excludeBlocks()) {
                if (b > structure.blockCount()) {
                    throw new TechniqueException("exclude-blocks names block " + b + ", but the model has blocks 1 to "
                            + structure.blockCount());
                }
            }
        }
        for (String name : s.excludeNodes()) {
            if (graph.nodes().stream().noneMatch(n -> n.name().equals(name))) {
                List<String> examples = graph.nodes().stream().filter(n -> n.is("MatMul") || n.is("Gemm") || n.is("Gather"))
                        .map(Node::name).filter(x -> !x.isEmpty()).limit(3).toList();
                throw new TechniqueException("exclude-nodes names '" + name + "', but the model has no node of that name"
                        + (examples.isEmpty() ? " (its products have no names)" : "; its products are named like " + examples));
            }
        }
    }

    private void skip(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }

    /** The product {@code n} computes, or null (with the reason recorded) when it is not a quantizable one. */
    private ProductSite productAt(Node n, int block) {
        Value x = n.input(0);
        if (x == null || n.input(1) == null) return null;
        ConstantWeight w = ConstantWeight.behind(n.input(1));
        if (w == null) {
            // a product of two run-time values (attention scores) is no candidate and not worth a mention
            if (constantTensor(n.input(1)) != null) skip("weight is not a 2-D float32 constant");
            return null;
        }
        if (ConstantWeight.behind(x) != null) {
            skip("both inputs are constant");
            return null;
        }
        if (n.is("MatMul")) {
            Node add = biasAddOf(n, w.cols());
            Value bias = add == null ? null : biasOf(add, n.output(0));
            return new ProductSite(n, x, w, false, 1f, add, bias == null ? null : TensorCodec.toFloats(constantTensor(bias)), bias, block);
        }
        if (n.attrInt("transA", 0) != 0) {
            skip("Gemm with transA");
            return null;
        }
        boolean transB = n.attrInt("transB", 0) != 0;
        int out = transB ? w.rows() : w.cols();
        float[] bias = null;
        Value biasValue = null;
        if (n.input(2) != null) {
            Tensor c = constantTensor(n.input(2));
            if (c == null || (c.elementCount() != out && c.elementCount() != 1) || c.rank() > 2
                    || c.rank() == 2 && c.dims()[0] != 1 || !c.type().isFloatingPoint()) {
                skip("Gemm whose C is not a constant per-output bias");
                return null;
            }
            float[] cv = TensorCodec.toFloats(c);
            float beta = n.attrFloat("beta", 1f);
            bias = new float[out];
            for (int i = 0; i < out; i++) bias[i] = beta * cv[cv.length == 1 ? 0 : i];
            boolean reusable = beta == 1f && c.rank() == 1 && c.elementCount() == out && c.type() == org.strata.onnx.DataType.FLOAT;
            if (reusable) biasValue = n.input(2);
        }
        return new ProductSite(n, x, w, transB, n.attrFloat("alpha", 1f), null, bias, biasValue, block);
    }

    /** The QAttention {@code n} can become, or null (with the reason recorded) when it cannot. */
    private AttentionSite attentionAt(Node n, int block, QuantizationSettings s) {
        ConstantWeight w = n.input(1) == null ? null : ConstantWeight.behind(n.input(1));
        if (n.input(0) == null || w == null || w.transposed()) {
            skip("fused Attention whose packed weight is not a 2-D float32 constant");
            return null;
        }
        if (!s.form().contrib()) {
            skip("fused Attention (QAttention is a com.microsoft op; form " + s.form().choice() + " writes standard ops)");
            return null;
        }
        if (n.inputs().size() > 4 || n.outputs().stream().skip(1).anyMatch(v -> v.hasUses() || v.isGraphOutput())
                || !QATTENTION_ATTRIBUTES.containsAll(n.attributes().keySet())
                || n.input(2) != null && constantTensor(n.input(2)) == null) {
            skip("fused Attention with past state, attention bias or attributes QAttention does not take");
            return null;
        }
        return new AttentionSite(n, n.input(0), w, block);
    }

    /**
     * The node adding a constant float [out] bias that alone consumes the product's output: an Add, or a
     * com.microsoft BiasGelu or FastGelu reading the product as its input and the bias as its second (as
     * {@code fuse.transformer} writes the up-projection's GELU); null when there is none.
     */
    private static Node biasAddOf(Node product, int out) {
        Value y = product.output(0);
        if (y.isGraphOutput() || y.uses().size() != 1) return null;
        Node add = y.uses().get(0).node();
        if (add.graph() != product.graph()) return null;
        Value b = biasOf(add, y);
        Tensor t = b == null ? null : constantTensor(b);
        if (t == null || t.rank() != 1 || t.elementCount() != out || t.type() != org.strata.onnx.DataType.FLOAT) return null;
        return add;
    }

    /** The input of {@code node} that adds a bias to {@code y}, or null when {@code node} adds none to it. */
    private static Value biasOf(Node node, Value y) {
        if (node.is("Add")) {
            if (node.input(0) == y && node.input(1) != y) return node.input(1);
            if (node.input(1) == y && node.input(0) != y) return node.input(0);
            return null;
        }
        boolean gelu = node.is(Node.MS_DOMAIN, "BiasGelu") || node.is(Node.MS_DOMAIN, "FastGelu");
        return gelu && node.inputs().size() == 2 && node.input(0) == y && node.input(1) != y ? node.input(1) : null;
    }

    /** An initializer's or Constant's data (through Identity), or null. */
    static Tensor constantTensor(Value v) {
        return ConstantTensors.behind(v);
    }

    /** True when {@code n} is a planned product, or a Transpose/Identity whose every reader is one (as its weight). */
    private boolean readsAsPlannedWeight(Node n) {
        // a planned product reads a constant only as its weight: its other input is computed at run time
        if (products.stream().anyMatch(p -> p.node() == n)) return true;
        if (!n.is("Transpose") && !n.is("Identity")) return false;
        List<Node> readers = n.output(0).consumers();
        return !readers.isEmpty() && readers.stream().allMatch(this::readsAsPlannedWeight);
    }

    private void addTables(TransformerStructure structure, QuantizationSettings s) {
        if (structure == null) return; // which Gathers read embedding tables is not known; the change says so
        Embeddings e = structure.embeddings();
        Map<Value, String> roles = new LinkedHashMap<>();
        if (e.tokens() != null) roles.put(e.tokens(), "token");
        if (e.positions() != null) roles.putIfAbsent(e.positions(), "position");
        if (e.tokenTypes() != null) roles.putIfAbsent(e.tokenTypes(), "token type");
        for (Map.Entry<Value, String> r : roles.entrySet()) {
            ConstantWeight table = ConstantWeight.behind(r.getKey());
            if (table == null || table.transposed()) {
                skip("embedding table not a plain 2-D float32 constant");
                continue;
            }
            for (Node g : r.getKey().consumers()) {
                if (readsAsPlannedWeight(g)) {
                    continue; // a tied LM head: quantized as a product
                } else if (!g.is("Gather") || g.input(0) != r.getKey() || g.attrInt("axis", 0) != 0) {
                    skip("embedding table also read by " + g.opType() + " (kept float for it)");
                } else if (s.excludeOpTypes().contains("Gather")) {
                    skip("op type Gather excluded");
                } else if (s.excludeNodes().contains(g.name())) {
                    skip("node excluded by name");
                } else {
                    tables.add(new TableSite(g, table, r.getValue()));
                }
            }
        }
    }
}
