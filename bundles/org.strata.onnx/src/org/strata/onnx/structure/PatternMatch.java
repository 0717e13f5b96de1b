package org.strata.onnx.structure;

import java.util.List;
import java.util.Map;

import org.strata.onnx.Node;
import org.strata.onnx.Value;

/** The outcome of matching a {@link GraphPattern}: the bindings, or why it did not match. */
public sealed interface PatternMatch {

    boolean found();

    /**
     * A match at {@code root} (the value the pattern's top produces). {@code values} and {@code nodes} hold
     * what the labels bound; {@code matched} every node the pattern covered (including nodes looked
     * through), in the order they were matched.
     */
    record Found(Value root, Map<String, Value> values, Map<String, Node> nodes, List<Node> matched)
            implements PatternMatch {
        public Found {
            values = Map.copyOf(values);
            nodes = Map.copyOf(nodes);
            matched = List.copyOf(matched);
        }

        @Override
        public boolean found() {
            return true;
        }

        /** The value bound to {@code label}, or null when the label was not bound (an optional part absent). */
        public Value value(String label) {
            return values.get(label);
        }

        /** The node bound to {@code label}, or null. */
        public Node node(String label) {
            return nodes.get(label);
        }

        public boolean has(String label) {
            return values.containsKey(label) || nodes.containsKey(label);
        }
    }

    /**
     * No match. {@code reason} says what was expected where and what was found ("expected a Sqrt node as
     * input 1 of unnamed Div node producing 'y', but found unnamed Mul node producing 'z'"); {@code at} is
     * the node looked at (null when it was a graph input, initializer or omitted input); {@code progress}
     * is how many nodes had matched before.
     */
    record Missed(String reason, Node at, int progress) implements PatternMatch {
        @Override
        public boolean found() {
            return false;
        }
    }
}
