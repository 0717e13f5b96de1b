package org.strata.technique.quantize.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.strata.onnx.Graph;
import org.strata.onnx.Node;

/**
 * The operators whose presence marks a graph as quantized already (dynamic int8, QDQ, QLinear, blockwise
 * n-bit), for the techniques that leave such nodes alone or refuse such a graph, and say so.
 */
final class QuantizedOps {
    /** Qualified op types ({@code domain::op}, plain op for the default domain). */
    static final Set<String> OPS = Set.of("DynamicQuantizeLinear", "MatMulInteger", "QuantizeLinear", "DequantizeLinear",
            "QLinearMatMul", "QLinearConv", "ConvInteger", "com.microsoft::DynamicQuantizeMatMul",
            "com.microsoft::MatMulIntegerToFloat", "com.microsoft::MatMulNBits", "com.microsoft::QAttention",
            "com.microsoft::QGemm", "com.microsoft::DynamicQuantizeLSTM", "com.microsoft::QuantizeLinear",
            "com.microsoft::DequantizeLinear", "com.microsoft::GatherBlockQuantized",
            "com.microsoft::QEmbedLayerNormalization", "com.microsoft::QOrderedMatMul");

    private QuantizedOps() {
    }

    static String qualifiedType(Node n) {
        return n.domain().isEmpty() ? n.opType() : n.domain() + "::" + n.opType();
    }

    static boolean isQuantized(Node n) {
        return OPS.contains(qualifiedType(n));
    }

    /** The quantized nodes of {@code graph} (subgraphs included), in graph order. */
    static List<Node> in(Graph graph) {
        return graph.allNodes().stream().filter(QuantizedOps::isQuantized).toList();
    }

    /** "2 DequantizeLinear, 1 MatMulNBits": op counts of {@code nodes}, sorted by op. */
    static String counted(List<Node> nodes) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Node n : nodes) counts.merge(n.opType(), 1, Integer::sum);
        StringBuilder b = new StringBuilder();
        counts.forEach((op, k) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(' ').append(op));
        return b.toString();
    }
}
