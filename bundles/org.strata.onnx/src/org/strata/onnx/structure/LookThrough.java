package org.strata.onnx.structure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.strata.onnx.Node;
import org.strata.onnx.Value;

/**
 * Ops that pass a value on unchanged as far as structure goes, and that recognisers therefore step through
 * (input 0): Identity; QuantizeLinear/DequantizeLinear pairs, which QDQ quantizers put around every
 * quantized op's inputs and outputs; and, around norms and nonlinearities, the Casts of up-casting exports.
 */
final class LookThrough {
    private LookThrough() {
    }

    /** Around projections and attention products. */
    static final Set<String> QUANTIZATION = Set.of("Identity", "QuantizeLinear", "DequantizeLinear");

    /** Around norms, nonlinearities and rotary embedding. */
    static final Set<String> QUANTIZATION_AND_CASTS = Set.of("Identity", "Cast", "QuantizeLinear", "DequantizeLinear");

    static boolean isPassThrough(Node n) {
        return n.domain().isEmpty() && QUANTIZATION_AND_CASTS.contains(n.opType());
    }

    /** {@code v} with Identity and QuantizeLinear/DequantizeLinear producers stepped back through. */
    static Value source(Value v) {
        while (v != null && v.producer() != null && v.producer().domain().isEmpty()
                && QUANTIZATION.contains(v.producer().opType()) && v.producer().input(0) != null) {
            v = v.producer().input(0);
        }
        return v;
    }

    /** The nodes using {@code v}, directly or through Identity and QuantizeLinear/DequantizeLinear nodes. */
    static List<Node> consumers(Value v) {
        List<Node> out = new ArrayList<>();
        ArrayDeque<Value> todo = new ArrayDeque<>(List.of(v));
        while (!todo.isEmpty()) {
            for (Node c : todo.pop().consumers()) {
                if (c.domain().isEmpty() && QUANTIZATION.contains(c.opType())) todo.add(c.output(0));
                else if (!out.contains(c)) out.add(c);
            }
        }
        return out;
    }

    /** True when {@code a} and {@code b} are the same value up to Identity and quantize/dequantize pairs. */
    static boolean same(Value a, Value b) {
        return a == b || source(a) == source(b);
    }
}
