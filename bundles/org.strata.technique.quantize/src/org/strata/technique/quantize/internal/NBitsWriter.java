package org.strata.technique.quantize.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.strata.core.TechniqueException;
import org.strata.onnx.Attribute;
import org.strata.onnx.Graph;
import org.strata.onnx.Node;
import org.strata.onnx.TensorCodec;
import org.strata.onnx.Value;
import org.strata.technique.quantize.internal.QuantizationPlan.ProductSite;

/**
 * Replaces a float MatMul or Gemm by a com.microsoft MatMulNBits with 4-bit blockwise weights:
 * {@code y = x · dequant(B)ᵀ (+ bias)}, B stored {@code [N, blocks, blockSize / 2]} ({@link Int4Blocks}),
 * attributes K, N, bits = 4, block_size and accuracy_level. A Gemm's alpha is folded into the weight and its
 * {@code beta·C} into the bias input; a MatMul's bias Add is folded into the bias input too. The float product,
 * the folded Add and the float constants nobody reads any more are removed.
 */
final class NBitsWriter {
    private final Graph graph;
    private final GraphEdits edits;
    private final int blockSize;
    private final boolean symmetric;
    private final int accuracyLevel;
    int written;
    /** The MatMulNBits written for each product replaced. */
    private final java.util.Map<Node, Node> replacements = new java.util.IdentityHashMap<>();

    NBitsWriter(Graph graph, GraphEdits edits, int blockSize, boolean symmetric, int accuracyLevel) {
        this.graph = graph;
        this.edits = edits;
        this.blockSize = blockSize;
        this.symmetric = symmetric;
        this.accuracyLevel = accuracyLevel;
    }

    /** The product's weight as {@code [out, in]} row-major, alpha applied: what MatMulNBits stores (before scaling). */
    static float[] transposedWeight(ProductSite s) {
        // values(!transB) is the matrix the product multiplies by, transposed: [out, in]
        float[] w = s.weight().values(!s.transB());
        if (s.alpha() != 1f) for (int i = 0; i < w.length; i++) w[i] *= s.alpha();
        return w;
    }

    /**
     * Writes the MatMulNBits of {@code s}.
     *
     * @param rowScales AWQ's s per input channel (the weight's input rows are multiplied by it; the activation
     *        was divided by it already), or null
     */
    void write(ProductSite s, float[] rowScales) {
        Node anchor = s.node();
        int in = s.in();
        int out = s.out();
        float[] wt = transposedWeight(s);
        if (rowScales != null) {
            for (int n = 0; n < out; n++) {
                for (int k = 0; k < in; k++) wt[n * in + k] *= rowScales[k];
            }
        }
        Int4Blocks q;
        try {
            q = Int4Blocks.quantize(wt, out, in, blockSize, symmetric);
        } catch (IllegalArgumentException e) {
            throw new TechniqueException("cannot quantize the weight '" + s.weight().stored().name() + "' of " + anchor.describe()
                    + ": " + e.getMessage() + "; fix the model or exclude the node with exclude-nodes");
        }
        String base = ProductWriter.baseName(anchor);
        String name = s.weight().stored().name() + (rowScales == null ? "" : "_awq");
        Value b = graph.addInitializer(name + "_q4", q.packedTensor(name + "_q4"));
        Value scales = graph.addInitializer(name + "_scales", q.scaleTensor(name + "_scales", (long) out * q.blocks()));
        Value zeroPoints = symmetric ? null
                : graph.addInitializer(name + "_zero_points", q.zeroPointTensor(name + "_zero_points", (long) out * q.zeroPointBytesPerRow()));
        Value bias = s.bias() == null ? null : s.biasValue() != null ? s.biasValue()
                : graph.addInitializer(base + "_bias", TensorCodec.fromFloats(base + "_bias", new long[] {out}, s.bias()));
        List<Value> inputs = new ArrayList<>(Arrays.asList(anchor.input(0), b, scales, zeroPoints, null, bias));
        while (inputs.get(inputs.size() - 1) == null) inputs.remove(inputs.size() - 1);
        Node product = edits.insert(anchor, Node.MS_DOMAIN, "MatMulNBits", base + "_Q4", inputs,
                List.of(Attribute.of("K", (long) in), Attribute.of("N", (long) out), Attribute.of("bits", 4L),
                        Attribute.of("block_size", (long) blockSize), Attribute.of("accuracy_level", (long) accuracyLevel)));
        Node foldedAdd = s.biasAdd();
        Value old = foldedAdd != null ? foldedAdd.output(0) : anchor.output(0);
        graph.replaceAllUsesWith(old, foldedAdd != null ? edits.withoutBias(foldedAdd, product.output(0)) : product.output(0));
        List<Value> released = new ArrayList<>(anchor.inputs());
        if (foldedAdd != null) {
            released.addAll(foldedAdd.inputs());
            edits.remove(foldedAdd);
        }
        edits.remove(anchor);
        released.forEach(edits::dropIfUnused);
        replacements.put(anchor, product);
        written++;
    }

    /** What now computes what {@code n} computed: its MatMulNBits once written, else {@code n}. */
    Node current(Node n) {
        return replacements.getOrDefault(n, n);
    }
}
