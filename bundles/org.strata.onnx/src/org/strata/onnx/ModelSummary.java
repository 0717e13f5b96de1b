package org.strata.onnx;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a person wants to know about a model at a glance: interface, opsets, op histogram and where the
 * bytes are. Shown by {@code strata inspect} and the workbench's Models view.
 *
 * @param weights initializer count and bytes per element type
 */
public record ModelSummary(long irVersion, String producer, Map<String, Long> opsets, List<Port> inputs, List<Port> outputs,
        int nodeCount, Map<String, Integer> opHistogram, Map<DataType, Weights> weights, long parameterCount,
        long weightBytes, boolean externalData, Map<String, String> metadata) {

    /** A graph input or output: name and type ("?" parts where unknown). */
    public record Port(String name, String type) {
    }

    public record Weights(int tensors, long elements, long bytes) {
        Weights plus(Tensor t) {
            return new Weights(tensors + 1, elements + t.elementCount(), bytes + t.byteSize());
        }
    }

    public static ModelSummary of(Model m) {
        Graph g = m.graph();
        Map<DataType, Weights> weights = new EnumMap<>(DataType.class);
        long params = 0;
        boolean external = false;
        for (Value v : g.initializers().values()) {
            Tensor t = v.initializer();
            weights.merge(t.type(), new Weights(0, 0, 0).plus(t), (a, b) -> new Weights(a.tensors() + b.tensors(),
                    a.elements() + b.elements(), a.bytes() + b.bytes()));
            params += t.elementCount();
            external |= t.isExternal();
        }
        Map<String, Long> opsets = new TreeMap<>();
        m.opsets().forEach((d, v) -> opsets.put(d.isEmpty() ? "ai.onnx" : d, v));
        String producer = (m.producerName() + " " + m.producerVersion()).strip();
        return new ModelSummary(m.irVersion(), producer, opsets, ports(g.realInputs()), ports(g.outputs()),
                g.allNodes().size(), g.opHistogram(), weights, params, m.initializerBytes(), external, m.metadata());
    }

    private static List<Port> ports(List<Value> vs) {
        return vs.stream().map(v -> new Port(v.name(), v.type() == null ? "?" : v.type().toString())).toList();
    }
}
